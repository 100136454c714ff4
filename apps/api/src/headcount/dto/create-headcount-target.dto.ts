import { HeadcountTargetInput, Population } from '@talentflow/domain';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate, IsOmittable } from '../../common/validators';

export class CreateHeadcountTargetDto implements HeadcountTargetInput {
  @IsUUID('all', { message: 'organizationId must be the id of an organization' })
  organizationId: string;

  /** The lower end of the range: 40 in "40 to 50"; equal to `high` for a single number. */
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  low: number;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  high: number;

  @IsEnum(Population, { message: `population must be one of ${Object.values(Population).join(', ')}` })
  population: Population;

  /** When the target is to be met. */
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string | null;

  /** When the organisation stated it. */
  @IsOptional()
  @IsCalendarDate()
  statedOn?: string | null;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'sourceIds must be a list of source ids' })
  sourceIds?: string[];
}
