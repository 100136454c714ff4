import { IntersectionType, PartialType } from '@nestjs/swagger';
import { VersionDto } from '../../common/version.dto';
import { CreateMoveDto } from './create-move.dto';

/** Any fields to change, and the version they are based on. */
export class UpdateMoveDto extends IntersectionType(PartialType(CreateMoveDto, { skipNullProperties: false }), VersionDto) {}
