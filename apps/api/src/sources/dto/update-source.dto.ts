import { IntersectionType, PartialType } from '@nestjs/swagger';
import { VersionDto } from '../../common/version.dto';
import { CreateSourceDto } from './create-source.dto';

/** Any fields to change, and the version they are based on. */
export class UpdateSourceDto extends IntersectionType(PartialType(CreateSourceDto, { skipNullProperties: false }), VersionDto) {}
