import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service';
import { POPULATIONS } from '@talentflow/domain';
import { DataSource, DeepPartial, Repository } from 'typeorm';
import { CrudService } from '../common/crud.service';
import { byDate, byId, byValue, citing, ListSpec } from '../common/list-query';
import { SourcesService } from '../sources/sources.service';
import { CreateHeadcountObservationDto } from './dto/create-headcount-observation.dto';
import { UpdateHeadcountObservationDto } from './dto/update-headcount-observation.dto';
import { HeadcountObservation } from './headcount-observation.entity';
import { organizationNameSearch } from './organization-name-search';

@Injectable()
export class HeadcountObservationsService extends CrudService<
  HeadcountObservation,
  CreateHeadcountObservationDto,
  UpdateHeadcountObservationDto
> {
  protected readonly resource = 'headcount-observations';
  protected readonly listSpec: ListSpec = {
    sortable: {
      observedOn: 'headcount_observations.observedOn',
      count: 'headcount_observations.count',
      population: 'headcount_observations.population',
      createdAt: 'headcount_observations.createdAt',
    },
    defaultSort: ['observedOn', 'DESC'],
    filters: {
      q: organizationNameSearch('headcount_observations'),
      organizationId: byId('headcount_observations.organization_id', 'organizationId'),
      population: byValue('headcount_observations.population', 'population', POPULATIONS),
      sourceId: citing('headcount_observation_sources', 'headcount_observation_id', 'headcount_observations'),
      observedAfter: byDate('headcount_observations.observed_on', 'observedAfter', 'after'),
      observedBefore: byDate('headcount_observations.observed_on', 'observedBefore', 'before'),
      importId: byId('headcount_observations.import_id', 'importId'),
    },
  };

  constructor(
    @InjectRepository(HeadcountObservation) repository: Repository<HeadcountObservation>,
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
    private readonly sources: SourcesService,
  ) {
    super(repository, dataSource, audit);
  }

  protected override toEntityFields(dto: CreateHeadcountObservationDto | UpdateHeadcountObservationDto): Promise<DeepPartial<HeadcountObservation>> {
    return this.sources.withCitations(dto);
  }
}
