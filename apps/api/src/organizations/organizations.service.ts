import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service';
import { SECTORS } from '@talentflow/domain';
import { DataSource, DeepPartial, EntityManager, Repository } from 'typeorm';
import { conflict } from '../common/api-errors';
import { CrudService } from '../common/crud.service';
import { firstPresent, mergedNames } from '../common/merge';
import { byId, byValue, ListSpec, searchNameAndAliases } from '../common/list-query';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { Organization } from './organization.entity';

@Injectable()
export class OrganizationsService extends CrudService<Organization, CreateOrganizationDto, UpdateOrganizationDto> {
  protected readonly resource = 'organizations';
  protected readonly listSpec: ListSpec = {
    sortable: {
      name: 'organizations.name',
      sector: 'organizations.sector',
      country: 'organizations.country',
      city: 'organizations.city',
      foundedOn: 'organizations.foundedOn',
      createdAt: 'organizations.createdAt',
      updatedAt: 'organizations.updatedAt',
    },
    defaultSort: ['name', 'ASC'],
    filters: {
      q: searchNameAndAliases('organizations'),
      sector: byValue('organizations.sector', 'sector', SECTORS),
      country: (qb, value, param) =>
        byValue('organizations.country', 'country')(
          qb,
          Array.isArray(value) ? value.map((v) => String(v).toUpperCase()) : String(value).toUpperCase(),
          param,
        ),
      city: byValue('organizations.city', 'city'),
      parentId: byId('organizations.parent_id', 'parentId'),
      rorId: byValue('organizations.ror_id', 'rorId'),
      rorStatus: byValue('organizations.ror_status', 'rorStatus', ['active', 'inactive', 'withdrawn']),
      importId: byId('organizations.import_id', 'importId'),
    },
  };

  constructor(
    @InjectRepository(Organization) repository: Repository<Organization>,
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
  ) {
    super(repository, dataSource, audit);
  }

  protected override mergeFields(survivor: Organization, duplicate: Organization): Partial<Organization> {
    return {
      aliases: mergedNames(survivor.name, survivor.aliases, duplicate.name, duplicate.aliases),
      // The survivor cannot end under the duplicate it absorbs.
      parentId: survivor.parentId === duplicate.id ? duplicate.parentId : firstPresent(survivor.parentId, duplicate.parentId),
      country: firstPresent(survivor.country, duplicate.country),
      city: firstPresent(survivor.city, duplicate.city),
      website: firstPresent(survivor.website, duplicate.website),
      foundedOn: firstPresent(survivor.foundedOn, duplicate.foundedOn),
      rorId: firstPresent(survivor.rorId, duplicate.rorId),
      rorStatus: survivor.rorId ? survivor.rorStatus : duplicate.rorStatus,
      wikidataId: firstPresent(survivor.wikidataId, duplicate.wikidataId),
    };
  }

  async relations(id: string): Promise<{ type: string; id: string; name: string; rorId: string | null }[]> {
    await this.findOne(id);
    return this.repository.query(
      `SELECT r.type, o.id, o.name, o.ror_id AS "rorId"
       FROM organization_relations r JOIN organizations o ON o.id = r.related_id
       WHERE r.organization_id = $1 AND o.deleted_at IS NULL
       ORDER BY r.type, o.name, o.id`,
      [id],
    );
  }

  /** The fields only the API writes, which a client may send back as it read them, are dropped. */
  protected override async toEntityFields(dto: CreateOrganizationDto | UpdateOrganizationDto): Promise<DeepPartial<Organization>> {
    const { rorStatus: _status, ...fields } = dto as UpdateOrganizationDto;
    return fields;
  }

  /** A move from one of the two to the other would end with the same organisation on both sides. */
  protected override async assertMergeable(manager: EntityManager, survivorId: string, duplicateId: string): Promise<void> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM moves WHERE (from_organization_id = $1 AND to_organization_id = $2)
          OR (from_organization_id = $2 AND to_organization_id = $1)`,
      [survivorId, duplicateId],
    );
    if (rows.length > 0) {
      throw conflict(
        `Moves go between these two organizations (${rows.map((r) => r.id).join(', ')}): after a merge they would ` +
          'leave and join the same one. Change or delete them first.',
      );
    }
  }

  /** An organisation cannot be its own parent, nor the parent of one of its ancestors. */
  protected override async ruleErrors(organization: Organization): Promise<Record<string, string>> {
    if (!organization.parentId || !organization.id) return {};
    if (organization.parentId === organization.id) return { parentId: 'cannot be the organization itself' };
    const [{ cycle }] = await this.repository.query(
      `WITH RECURSIVE ancestors(id) AS (
         SELECT parent_id FROM organizations WHERE id = $1
         UNION SELECT o.parent_id FROM organizations o JOIN ancestors a ON o.id = a.id WHERE o.parent_id IS NOT NULL
       ) SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2) AS cycle`,
      [organization.parentId, organization.id],
    );
    return cycle ? { parentId: 'cannot be one of the organization’s own sub-organizations' } : {};
  }
}
