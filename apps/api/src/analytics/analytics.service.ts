import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnalyticsFilterDto, FlowsQueryDto, HeadcountQueryDto, NetFlowsQueryDto, TopQueryDto } from './dto/analytics-filter.dto';
import { factsWhere } from './facts-filter';
import { flows } from './flows';
import { headcount } from './headcount';
import { MoveFacts } from './move-facts';
import { netFlows } from './net-flows';
import { Sql } from './sql';
import { top } from './top';

/**
 * Every figure of the dashboards, computed from the moves themselves (see `MoveFacts`): one file
 * per question, each one query. Each answer first brings the facts up to every committed write.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly facts: MoveFacts,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async flows(query: FlowsQueryDto) {
    await this.facts.fresh();
    return flows(this.facts, query);
  }

  async netFlows(query: NetFlowsQueryDto) {
    await this.facts.fresh();
    return netFlows(this.facts, query);
  }

  async top(query: TopQueryDto) {
    await this.facts.fresh();
    return top(this.facts, query);
  }

  async headcount(query: HeadcountQueryDto) {
    await this.facts.fresh();
    return headcount(this.facts, this.dataSource, query);
  }

  /** The moves the filters keep, one row each with both ends named, as a Parquet file (the caller deletes it). */
  async movesParquet(filter: AnalyticsFilterDto): Promise<string> {
    await this.facts.fresh();
    const sql = new Sql();
    return this.facts.parquet(
      `SELECT f.move_id, f.person_id, f.effective_on, f.date_precision, f.status, f.role_category, f.fields,
              o.id AS from_organization_id, o.name AS from_organization, op.id AS from_parent_id, op.name AS from_parent,
              f.from_sector, f.from_country,
              d.id AS to_organization_id, d.name AS to_organization, dp.id AS to_parent_id, dp.name AS to_parent,
              f.to_sector, f.to_country
       FROM facts f
       LEFT JOIN organizations o ON o.key = f.from_key LEFT JOIN organizations op ON op.key = f.from_root
       LEFT JOIN organizations d ON d.key = f.to_key LEFT JOIN organizations dp ON dp.key = f.to_root
       WHERE ${factsWhere(sql, filter)}
       ORDER BY f.effective_on, f.move_id`,
      sql.params,
    );
  }
}
