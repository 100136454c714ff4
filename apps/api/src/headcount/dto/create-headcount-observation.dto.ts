import { HeadcountObservationInput, Population } from '@talentflow/domain';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate, IsOmittable } from '../../common/validators';

export class CreateHeadcountObservationDto implements HeadcountObservationInput {
  @IsUUID('all', { message: 'organizationId must be the id of an organization' })
  organizationId: string;

  @IsCalendarDate()
  observedOn: string;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  count: number;

  @IsEnum(Population, { message: `population must be one of ${Object.values(Population).join(', ')}` })
  population: Population;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'sourceIds must be a list of source ids' })
  sourceIds?: string[];
}
