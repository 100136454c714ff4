import { AuditAction, hasRole, Role } from '@talentflow/domain';
import { DataSource, DeepPartial, EntityManager, EntityTarget, FindOptionsWhere, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { conflict, inRecord, invalid, notFound } from './api-errors';
import { changesBetween, snapshot } from './changes';
import { RecoverableRecord } from './entity-base';
import { findPage, ListQueryDto, ListSpec, Page } from './list-query';
import { type Reference, REFERENCES } from './references';
import { changedFields, VersionDto } from './version.dto';

/**
 * What every resource's service does the same way: list a page, read, create, update, delete
 * (recoverably), restore and purge, each write in one transaction with its audit entry. A resource
 * adds its list spec and, where it has them, rules across fields (`ruleErrors`) and the translation
 * of its DTO into entity fields (`toEntityFields`, e.g. source ids → sources).
 */
export abstract class CrudService<E extends RecoverableRecord, CreateDto extends object, UpdateDto extends VersionDto> {
  protected abstract readonly resource: string;
  protected abstract readonly listSpec: ListSpec;

  protected constructor(
    protected readonly repository: Repository<E>,
    protected readonly dataSource: DataSource,
    protected readonly audit: AuditService,
  ) {}

  private get entity(): EntityTarget<E> {
    return this.repository.target;
  }

  private get table(): string {
    return this.repository.metadata.tableName;
  }

  /** `filter={"deleted":true}` lists the deleted records instead: admins only. */
  list(query: ListQueryDto, actor: Actor): Promise<Page<E>> {
    return findPage(this.repository.createQueryBuilder(this.table), query, this.listSpec, {
      deleted: hasRole(actor.role, Role.Admin),
    });
  }

  /** A deleted record is found for admins only (to look at it before restoring it). */
  async findOne(id: string, actor?: Actor, manager: EntityManager = this.repository.manager): Promise<E> {
    const entity = await manager.findOne(this.entity, {
      where: { id } as FindOptionsWhere<E>,
      withDeleted: actor ? hasRole(actor.role, Role.Admin) : false,
    });
    if (!entity) throw notFound(this.resource, id);
    return entity;
  }

  async create(dto: CreateDto, actor: Actor): Promise<E> {
    const fields = await this.toEntityFields(dto);
    const id = await this.dataSource.transaction(async (manager) => {
      const entity = manager.create(this.entity, fields as DeepPartial<E>);
      this.normalize(entity);
      await this.assertRules(entity);
      await this.assertReferencesLive(manager, entity);
      await this.assertNotDuplicate(manager, entity);
      const saved = await manager.save(this.entity, entity);
      await this.record(manager, actor, AuditAction.Create, saved.id, {}, saved);
      return saved.id;
    });
    return this.findOne(id, actor);
  }

  async update(id: string, dto: UpdateDto, actor: Actor): Promise<E> {
    const fields = await this.toEntityFields(changedFields(id, dto) as UpdateDto);
    await this.dataSource.transaction(async (manager) => {
      const entity = await this.lockForWrite(manager, id, dto.version);
      await this.change(manager, entity, fields, actor);
    });
    return this.findOne(id, actor);
  }

  /**
   * The same change to many records (e.g. "mark confirmed"), all or none, in one transaction: each
   * record is locked, changed as it now stands, checked by every rule, saved (its version goes up,
   * so an edit form opened before gets 409) and audited. A bulk change names no versions: it sets
   * the fields it names and leaves the others as they are, whoever changed them last.
   */
  async updateMany(ids: string[], changes: Omit<UpdateDto, 'version'>, actor: Actor): Promise<string[]> {
    const unique = [...new Set(ids)];
    const fields = await this.toEntityFields(changes as UpdateDto);
    await this.dataSource.transaction(async (manager) => {
      const entities = await manager
        .createQueryBuilder(this.entity, this.table)
        .setLock('pessimistic_write')
        .where(`${this.table}.id IN (:...ids)`, { ids: unique })
        .orderBy(`${this.table}.id`)
        .getMany();
      const missing = unique.filter((id) => !entities.some((entity) => entity.id === id));
      if (missing.length > 0) throw notFound(this.resource, missing.join(', '));
      for (const entity of entities) {
        try {
          await this.change(manager, entity, fields, actor);
        } catch (error) {
          throw inRecord(error, entity.id);
        }
      }
    });
    return unique;
  }

  /** Applies `fields` to a locked record, checks it, saves it and audits the change. */
  private async change(manager: EntityManager, entity: E, fields: DeepPartial<E>, actor: Actor): Promise<void> {
    const before = snapshot(entity);
    manager.merge(this.entity, entity, fields);
    this.normalize(entity);
    await this.assertRules(entity);
    await this.assertReferencesLive(manager, entity);
    await this.assertNotDuplicate(manager, entity);
    await manager.save(this.entity, entity);
    await this.record(manager, actor, AuditAction.Update, entity.id, before, entity);
  }

  /**
   * Hides the record from lists and reads; refused while live records point at it. The record is
   * locked first: a create that names it waits for this delete and then finds it deleted, or this
   * delete waits for that create and then counts it (see assertReferencesLive).
   */
  async remove(id: string, actor: Actor): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(this.entity, { where: { id } as FindOptionsWhere<E>, lock: { mode: 'pessimistic_write' } });
      if (!entity) throw notFound(this.resource, id);
      await this.assertNotReferenced(manager, id);
      await manager.softDelete(this.entity, id);
      await this.record(manager, actor, AuditAction.Delete, id, entity, {});
      return entity;
    });
  }

  /** Brings a deleted record back as it was; refused while it points at a record still deleted. */
  async restore(id: string, actor: Actor): Promise<E> {
    await this.dataSource.transaction(async (manager) => {
      const entity = await this.findOne(id, actor, manager);
      if (!entity.deletedAt) throw conflict(`This record in ${this.resource} is not deleted`);
      for (const reference of REFERENCES.filter((r) => r.table === this.table)) {
        const target = (entity as unknown as Record<string, string | null>)[reference.field];
        if (!target) continue;
        const [{ deleted }] = await manager.query(`SELECT deleted_at IS NOT NULL AS deleted FROM ${reference.target} WHERE id = $1`, [target]);
        if (deleted) throw conflict(`Restore the record it points to first: ${reference.field} is deleted`, { [reference.field]: 'is deleted' });
      }
      await manager.restore(this.entity, id);
      await this.record(manager, actor, AuditAction.Restore, id, {}, entity);
    });
    return this.findOne(id, actor);
  }

  /** Deletes for good (admins); PostgreSQL refuses, with 409, while any record points at it. */
  async purge(id: string, actor: Actor): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.findOne(id, actor, manager);
      await manager.delete(this.entity, id);
      await this.record(manager, actor, AuditAction.Purge, id, entity, {});
      return entity;
    });
  }

  /**
   * Merges a duplicate into the record that survives, in one transaction and one audit entry: every
   * record pointing at the duplicate is repointed, the survivor keeps its fields and takes the
   * duplicate's where it has none (`mergeFields`), and the duplicate is removed.
   */
  async merge(survivorId: string, duplicateId: string, actor: Actor): Promise<E> {
    if (survivorId === duplicateId) throw invalid({ duplicateId: 'must be another record than the one that survives' });
    await this.dataSource.transaction(async (manager) => {
      const [survivor, duplicate] = await Promise.all(
        [survivorId, duplicateId].map((id) => manager.findOne(this.entity, { where: { id } as FindOptionsWhere<E>, lock: { mode: 'pessimistic_write' } })),
      );
      if (!survivor) throw notFound(this.resource, survivorId);
      if (!duplicate) throw invalid({ duplicateId: `no record in ${this.resource} has this id` });
      await this.assertMergeable(manager, survivorId, duplicateId);

      const before = snapshot(survivor);
      const repointed: Record<string, number> = {};
      for (const reference of REFERENCES.filter((r) => r.target === this.table)) {
        const [, count] = await manager.query(
          `UPDATE ${reference.table} SET ${reference.column} = $1 WHERE ${reference.column} = $2 AND id <> $1`,
          [survivorId, duplicateId],
        );
        if (count > 0) repointed[`${reference.table}.${reference.field}`] = count;
      }
      // The duplicate goes first, so that its unique identifiers can pass to the survivor.
      await manager.delete(this.entity, duplicateId);
      manager.merge(this.entity, survivor, this.mergeFields(survivor, duplicate) as DeepPartial<E>);
      await manager.save(this.entity, survivor);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.Merge,
        resource: this.resource,
        recordId: survivorId,
        changes: {
          ...changesBetween(before, snapshot(survivor)),
          mergedRecord: { before: snapshot(duplicate), after: null },
          repointed: { before: null, after: repointed },
        },
      });
    });
    return this.findOne(survivorId, actor);
  }

  /** The survivor's new fields from the duplicate's (only resources that merge override this). */
  protected mergeFields(_survivor: E, _duplicate: E): Partial<E> {
    throw new Error(`${this.resource} cannot be merged`);
  }

  /**
   * Refuses, with 409, a record that repeats one already stored where no unique key can say so
   * (e.g. the same move entered twice). Runs in the write's transaction, so it may lock.
   */
  protected async assertNotDuplicate(_manager: EntityManager, _entity: E): Promise<void> {
    return;
  }

  /** Refuses a merge that would break a rule (e.g. a move from one of the two to the other). */
  protected async assertMergeable(_manager: EntityManager, _survivorId: string, _duplicateId: string): Promise<void> {
    return;
  }

  /**
   * The record, locked for this transaction, if `version` is still its version; else 409 with the
   * current one. Without a version (a change not based on a read, such as one record of a bulk
   * change) the record is taken as it now stands.
   */
  protected async lockForWrite(manager: EntityManager, id: string, version: number | undefined): Promise<E> {
    const entity = await manager.findOne(this.entity, {
      where: { id } as FindOptionsWhere<E>,
      lock: { mode: 'pessimistic_write' },
    });
    if (!entity) throw notFound(this.resource, id);
    if (version !== undefined && entity.version !== version) {
      throw conflict(
        'Someone else changed this record since you opened it: here it is as it now stands',
        { version: `is now ${entity.version}, not ${version}` },
        entity,
      );
    }
    return entity;
  }

  protected async record(manager: EntityManager, actor: Actor, action: AuditAction, id: string, before: object, after: object) {
    await this.audit.record(manager, {
      actor,
      action,
      resource: this.resource,
      recordId: id,
      changes: changesBetween(snapshot(before), snapshot(after)),
    });
  }

  /**
   * Every record this one points at must exist and not be deleted. Each is read FOR SHARE: a delete
   * of it (which locks it FOR UPDATE, see remove) cannot pass until this transaction ends, and then
   * counts the record written here. One statement reads them all.
   */
  private async assertReferencesLive(manager: EntityManager, entity: E): Promise<void> {
    const references = REFERENCES.filter((r) => r.table === this.table)
      .map((reference) => ({ ...reference, id: (entity as unknown as Record<string, string | null | undefined>)[reference.field] }))
      .filter((reference): reference is Reference & { id: string } => Boolean(reference.id));
    if (references.length === 0) return;
    const rows: { i: number; deleted: boolean }[] = await manager.query(
      `WITH ${references.map((r, i) => `r${i} AS (SELECT deleted_at IS NOT NULL AS deleted FROM ${r.target} WHERE id = $${i + 1} FOR SHARE)`).join(', ')}
       ${references.map((_, i) => `SELECT ${i} AS i, deleted FROM r${i}`).join(' UNION ALL ')}`,
      references.map((r) => r.id),
    );
    references.forEach((reference, i) => {
      const row = rows.find((r) => r.i === i);
      if (!row) throw invalid({ [reference.field]: `no record in ${reference.target} has this id` });
      if (row.deleted) throw invalid({ [reference.field]: `names a deleted record in ${reference.target}: restore it first or choose another` });
    });
  }

  private async assertNotReferenced(manager: EntityManager, id: string): Promise<void> {
    for (const reference of REFERENCES.filter((r) => r.target === this.table)) {
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM ${reference.table} WHERE ${reference.column} = $1 AND deleted_at IS NULL`,
        [id],
      );
      if (count > 0) {
        throw conflict(`This record is still referenced from ${reference.table} (${count}): repoint or delete those first`);
      }
    }
  }

  /** DTO fields → entity fields; the default copies them as they are. */
  protected async toEntityFields(dto: CreateDto | UpdateDto): Promise<DeepPartial<E>> {
    return dto as unknown as DeepPartial<E>;
  }

  /** Puts the record as it would be stored into its canonical form (e.g. a date cut to its precision). */
  protected normalize(_entity: E): void {
    return;
  }

  /** Rules that span fields or records, checked on the record as it would be stored. */
  protected async ruleErrors(_entity: E): Promise<Record<string, string>> {
    return {};
  }

  private async assertRules(entity: E): Promise<void> {
    const errors = await this.ruleErrors(entity);
    if (Object.keys(errors).length > 0) throw invalid(errors);
  }
}
