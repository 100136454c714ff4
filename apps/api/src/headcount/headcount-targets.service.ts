import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service';
import { POPULATIONS } from '@talentflow/domain';
import { DataSource, DeepPartial, Repository } from 'typeorm';
import { CrudService } from '../common/crud.service';
import { byDate, byId, byValue, citing, ListSpec } from '../common/list-query';
import { SourcesService } from '../sources/sources.service';
import { CreateHeadcountTargetDto } from './dto/create-headcount-target.dto';
import { UpdateHeadcountTargetDto } from './dto/update-headcount-target.dto';
import { HeadcountTarget } from './headcount-target.entity';
import { organizationNameSearch } from './organization-name-search';

@Injectable()
export class HeadcountTargetsService extends CrudService<HeadcountTarget, CreateHeadcountTargetDto, UpdateHeadcountTargetDto> {
  protected readonly resource = 'headcount-targets';
  protected readonly listSpec: ListSpec = {
    sortable: {
      dueBy: 'headcount_targets.dueBy',
      statedOn: 'headcount_targets.statedOn',
      low: 'headcount_targets.low',
      high: 'headcount_targets.high',
      population: 'headcount_targets.population',
      createdAt: 'headcount_targets.createdAt',
    },
    defaultSort: ['dueBy', 'ASC'],
    filters: {
      q: organizationNameSearch('headcount_targets'),
      organizationId: byId('headcount_targets.organization_id', 'organizationId'),
      importId: byId('headcount_targets.import_id', 'importId'),
      population: byValue('headcount_targets.population', 'population', POPULATIONS),
      sourceId: citing('headcount_target_sources', 'headcount_target_id', 'headcount_targets'),
      dueAfter: byDate('headcount_targets.due_by', 'dueAfter', 'after'),
      dueBefore: byDate('headcount_targets.due_by', 'dueBefore', 'before'),
    },
  };

  constructor(
    @InjectRepository(HeadcountTarget) repository: Repository<HeadcountTarget>,
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
    private readonly sources: SourcesService,
  ) {
    super(repository, dataSource, audit);
  }

  protected override toEntityFields(dto: CreateHeadcountTargetDto | UpdateHeadcountTargetDto): Promise<DeepPartial<HeadcountTarget>> {
    return this.sources.withCitations(dto);
  }

  protected override async ruleErrors(target: HeadcountTarget): Promise<Record<string, string>> {
    return target.low > target.high ? { low: `must not be above high (${target.high})` } : {};
  }
}
