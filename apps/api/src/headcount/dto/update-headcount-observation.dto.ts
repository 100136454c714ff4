import { IntersectionType, PartialType } from '@nestjs/swagger';
import { VersionDto } from '../../common/version.dto';
import { CreateHeadcountObservationDto } from './create-headcount-observation.dto';

/** Any fields to change, and the version they are based on. */
export class UpdateHeadcountObservationDto extends IntersectionType(PartialType(CreateHeadcountObservationDto, { skipNullProperties: false }), VersionDto) {}
