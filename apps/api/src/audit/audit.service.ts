import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AUDIT_ACTIONS, AuditAction, type FieldChanges, hasRole, Role } from '@talentflow/domain';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/api-errors';
import { byDate, byId, byValue, findPage, ListQueryDto, ListSpec, Page, parseListQuery } from '../common/list-query';
import { AuditEntry } from './audit-entry.entity';

export interface AuditEvent {
  /** Who: for a failed sign-in, the address tried, with the id of its account if there is one. */
  actor: { id: string | null; email: string } | null;
  action: AuditAction;
  resource: string;
  recordId?: string | null;
  changes?: FieldChanges | null;
}

@Injectable()
export class AuditService {
  private readonly listSpec: ListSpec = {
    sortable: { at: 'audit_entries.at', action: 'audit_entries.action', resource: 'audit_entries.resource' },
    defaultSort: ['at', 'DESC'],
    filters: {
      resource: byValue('audit_entries.resource', 'resource'),
      recordId: byValue('audit_entries.record_id', 'recordId'),
      userId: byId('audit_entries.user_id', 'userId'),
      action: byValue('audit_entries.action', 'action', AUDIT_ACTIONS),
      after: byDate('audit_entries.at::date', 'after', 'after'),
      before: byDate('audit_entries.at::date', 'before', 'before'),
    },
  };

  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Appends an entry through `manager`, so that it commits or rolls back with the write it describes. */
  async record(manager: EntityManager, event: AuditEvent): Promise<void> {
    await manager.save(
      AuditEntry,
      manager.create(AuditEntry, {
        userId: event.actor?.id ?? null,
        userEmail: event.actor?.email ?? null,
        action: event.action,
        resource: event.resource,
        recordId: event.recordId ?? null,
        changes: event.changes ?? null,
      }),
    );
  }

  /** Admins read the whole log; others only the history of one record (`filter={"recordId":…}`). */
  list(query: ListQueryDto, actor: Actor): Promise<Page<AuditEntry>> {
    if (!hasRole(actor.role, Role.Admin) && !parseListQuery(query, this.listSpec).filter.recordId) {
      throw new ForbiddenException({ statusCode: 403, message: 'Only admins read the whole audit log; give a recordId' });
    }
    return findPage(this.entries.createQueryBuilder('audit_entries'), query, this.listSpec);
  }

  async findOne(id: string): Promise<AuditEntry> {
    const entry = /^\d+$/.test(id) ? await this.entries.findOneBy({ id }) : null;
    if (!entry) throw notFound('audit-entries', id);
    return entry;
  }
}
