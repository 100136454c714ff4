import { IntersectionType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { VersionDto } from '../../common/version.dto';
import { CreateOrganizationDto } from './create-organization.dto';

/** Any fields to change, and the version they are based on. */
export class UpdateOrganizationDto extends IntersectionType(PartialType(CreateOrganizationDto, { skipNullProperties: false }), VersionDto) {
  /** Read-only (a registry import sets it): ignored. */
  @IsOptional()
  @IsIn(['active', 'inactive', 'withdrawn'])
  rorStatus?: string | null;
}
