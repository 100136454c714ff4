import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@talentflow/domain';
import { Allow } from '../auth/access.decorators';
import { AnalyticsService } from './analytics.service';
import { AnalyticsFilterDto, FlowsQueryDto, HeadcountQueryDto, NetFlowsQueryDto, TopQueryDto } from './dto/analytics-filter.dto';

/**
 * The analysts' figures. Every endpoint takes the same filters: from, to, countries, sectors,
 * organizationIds, roleCategories, statuses (default announced,confirmed) and fields.
 */
@ApiTags('analytics')
@Allow(Role.Viewer)
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('flows')
  @ApiOperation({ summary: 'Moves from → to at a level (organization, parent, sector, country): Sankey nodes and links' })
  flows(@Query() query: FlowsQueryDto) {
    return this.analytics.flows(query);
  }

  @Get('net-flows')
  @ApiOperation({ summary: 'Arrivals, departures and balance per organization, parent, sector or country; per period' })
  netFlows(@Query() query: NetFlowsQueryDto) {
    return this.analytics.netFlows(query);
  }

  @Get('top')
  @ApiOperation({ summary: 'Top origins or destinations of one organization' })
  top(@Query() query: TopQueryDto) {
    return this.analytics.top(query);
  }

  @Get('headcount')
  @ApiOperation({ summary: 'Observed headcounts, the series between them, and targets with progress' })
  headcount(@Query() query: HeadcountQueryDto) {
    return this.analytics.headcount(query);
  }

  @Get('moves.parquet')
  @Header('Content-Type', 'application/vnd.apache.parquet')
  @Header('Content-Disposition', 'attachment; filename="talentflow-moves.parquet"')
  @ApiOperation({ summary: 'The moves behind the filters, one row each with both ends named and their parents, as Parquet' })
  async movesParquet(@Query() query: AnalyticsFilterDto) {
    const path = await this.analytics.movesParquet(query);
    const file = createReadStream(path);
    file.on('close', () => void rm(path, { force: true }));
    return new StreamableFile(file);
  }
}
