import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service';
import { DataSource, Repository } from 'typeorm';
import { CrudService } from '../common/crud.service';
import { firstPresent, mergedNames } from '../common/merge';
import { byArrayElement, byId, byValue, ListSpec, searchNameAndAliases, uuidList } from '../common/list-query';
import { CreatePersonDto } from './dto/create-person.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { Person } from './person.entity';

@Injectable()
export class PeopleService extends CrudService<Person, CreatePersonDto, UpdatePersonDto> {
  protected readonly resource = 'people';
  protected readonly listSpec: ListSpec = {
    sortable: {
      name: 'people.name',
      orcid: 'people.orcid',
      createdAt: 'people.createdAt',
      updatedAt: 'people.updatedAt',
    },
    defaultSort: ['name', 'ASC'],
    filters: {
      q: searchNameAndAliases('people'),
      orcid: byValue('people.orcid', 'orcid'),
      googleScholarId: byValue('people.google_scholar_id', 'googleScholarId'),
      dblpId: byValue('people.dblp_id', 'dblpId'),
      openalexId: byValue('people.openalex_id', 'openalexId'),
      field: byArrayElement('people.fields', 'field'),
      importId: byId('people.import_id', 'importId'),
      /**
       * The people at an organisation now: those whose latest announced or confirmed move (by
       * effective date, undated last) went there.
       */
      currentOrganizationId: (qb, value, param) =>
        qb.andWhere(
          `(SELECT m.to_organization_id FROM moves m
             WHERE m.person_id = people.id AND m.status IN ('announced', 'confirmed')
             ORDER BY m.effective_on DESC NULLS LAST, m.created_at DESC LIMIT 1) IN (:...${param})`,
          { [param]: uuidList(value, 'currentOrganizationId') },
        ),
    },
  };

  constructor(
    @InjectRepository(Person) repository: Repository<Person>,
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
  ) {
    super(repository, dataSource, audit);
  }

  protected override mergeFields(survivor: Person, duplicate: Person): Partial<Person> {
    return {
      aliases: mergedNames(survivor.name, survivor.aliases, duplicate.name, duplicate.aliases),
      orcid: firstPresent(survivor.orcid, duplicate.orcid),
      wikidataId: firstPresent(survivor.wikidataId, duplicate.wikidataId),
      googleScholarId: firstPresent(survivor.googleScholarId, duplicate.googleScholarId),
      dblpId: firstPresent(survivor.dblpId, duplicate.dblpId),
      openalexId: firstPresent(survivor.openalexId, duplicate.openalexId),
      homepage: firstPresent(survivor.homepage, duplicate.homepage),
      fields: mergedNames('', survivor.fields, duplicate.fields),
      notes: [survivor.notes, duplicate.notes].filter(Boolean).join('\n\n') || null,
    };
  }
}
