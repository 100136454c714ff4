import { IntersectionType, PartialType } from '@nestjs/swagger';
import { VersionDto } from '../../common/version.dto';
import { CreateHeadcountTargetDto } from './create-headcount-target.dto';

/** Any fields to change, and the version they are based on. */
export class UpdateHeadcountTargetDto extends IntersectionType(PartialType(CreateHeadcountTargetDto, { skipNullProperties: false }), VersionDto) {}
