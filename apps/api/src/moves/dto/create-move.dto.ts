import { DatePrecision, MoveInput, MoveStatus, RoleCategory } from '@talentflow/domain';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsOmittable } from '../../common/validators';

export class CreateMoveDto implements MoveInput {
  @IsUUID('all', { message: 'personId must be the id of a person' })
  personId: string;

  /** Empty when the origin is unknown; never the same as `toOrganizationId`. */
  @IsOptional()
  @IsUUID('all', { message: 'fromOrganizationId must be the id of an organization' })
  fromOrganizationId?: string | null;

  /** Empty when the destination is unknown; `fromOrganizationId` and this are never both empty. */
  @IsOptional()
  @IsUUID('all', { message: 'toOrganizationId must be the id of an organization' })
  toOrganizationId?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  role?: string | null;

  @IsEnum(RoleCategory, { message: `roleCategory must be one of ${Object.values(RoleCategory).join(', ')}` })
  roleCategory: RoleCategory;

  @IsOptional()
  @IsCalendarDate()
  announcedOn?: string | null;

  /** YYYY-MM-DD; with `datePrecision` month or year only the month or year counts. */
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string | null;

  @IsEnum(DatePrecision, { message: `datePrecision must be one of ${Object.values(DatePrecision).join(', ')}` })
  datePrecision: DatePrecision;

  @IsEnum(MoveStatus, { message: `status must be one of ${Object.values(MoveStatus).join(', ')}` })
  status: MoveStatus;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'sourceIds must be a list of source ids' })
  sourceIds?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}
