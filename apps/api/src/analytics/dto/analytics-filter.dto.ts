import { ApiPropertyOptional } from '@nestjs/swagger';
import { MoveStatus, Population, RoleCategory, Sector } from '@talentflow/domain';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';

/** `a,b,c` (or a repeated parameter) → ['a', 'b', 'c']. */
const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : String(value).split(','))
    .map((item) => String(item).trim())
    .filter(Boolean);

/** The filters every analytics endpoint takes. Lists are comma-separated. */
export class AnalyticsFilterDto {
  /** Moves effective from this day (a move known to the month or year counts if its period overlaps). */
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;

  /** Moves from or to an organisation in one of these countries (ISO 3166-1 alpha-2). */
  @ApiPropertyOptional({ type: String, example: 'FR,DE' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(300)
  @IsISO31661Alpha2({ each: true, message: 'countries must be ISO 3166-1 alpha-2 codes such as FR' })
  countries?: string[];

  @ApiPropertyOptional({ type: String, example: 'private_lab,big_tech' })
  @IsOptional()
  @Transform(list)
  @IsEnum(Sector, { each: true, message: `sectors must be among ${Object.values(Sector).join(', ')}` })
  sectors?: Sector[];

  /** Moves from or to one of these organisations (or their sub-organisations). */
  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'organizationIds must be organization ids' })
  organizationIds?: string[];

  @ApiPropertyOptional({ type: String, example: 'researcher,leadership' })
  @IsOptional()
  @Transform(list)
  @IsEnum(RoleCategory, { each: true, message: `roleCategories must be among ${Object.values(RoleCategory).join(', ')}` })
  roleCategories?: RoleCategory[];

  /** Default: announced and confirmed; cancelled and rumoured moves only when asked for. */
  @ApiPropertyOptional({ type: String, example: 'announced,confirmed' })
  @IsOptional()
  @Transform(list)
  @IsEnum(MoveStatus, { each: true, message: `statuses must be among ${Object.values(MoveStatus).join(', ')}` })
  statuses?: MoveStatus[];

  /** Moves of people working in one of these research fields. */
  @ApiPropertyOptional({ type: String, example: 'computer vision' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  fields?: string[];
}

export const LEVELS = ['organization', 'parent', 'sector', 'country'] as const;
export type Level = (typeof LEVELS)[number];

export class FlowsQueryDto extends AnalyticsFilterDto {
  /** What the nodes are: organisations, their top-level parents, sectors or countries. */
  @IsOptional()
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` })
  level: Level = 'sector';

  /** The heaviest links only. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;
}

export const PERIODS = ['none', 'month', 'quarter', 'year'] as const;
export const NET_FLOW_SORTS = ['balance', 'arrivals', 'departures', 'name'] as const;

export class NetFlowsQueryDto extends FlowsQueryDto {
  /**
   * Totals over the whole range, or for trends one row per period of each of the `limit` first
   * organisations, sectors or countries by the sort over the whole range.
   */
  @IsOptional()
  @IsIn(PERIODS, { message: `period must be one of ${PERIODS.join(', ')}` })
  period: (typeof PERIODS)[number] = 'none';

  @IsOptional()
  @IsIn(NET_FLOW_SORTS, { message: `sort must be one of ${NET_FLOW_SORTS.join(', ')}` })
  sort: (typeof NET_FLOW_SORTS)[number] = 'balance';

  @IsOptional()
  @IsIn(['ASC', 'DESC'], { message: 'order must be ASC or DESC' })
  order: 'ASC' | 'DESC' = 'DESC';
}

export class TopQueryDto extends AnalyticsFilterDto {
  @IsUUID('all', { message: 'organizationId must be the id of an organization' })
  organizationId: string;

  @IsIn(['origins', 'destinations'], { message: 'direction must be origins or destinations' })
  direction: 'origins' | 'destinations' = 'origins';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 10;
}

export class HeadcountQueryDto extends AnalyticsFilterDto {
  @IsOptional()
  @IsEnum(Population, { message: `population must be one of ${Object.values(Population).join(', ')}` })
  population: Population = Population.Researchers;
}
