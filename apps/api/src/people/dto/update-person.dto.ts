import { IntersectionType, PartialType } from '@nestjs/swagger';
import { VersionDto } from '../../common/version.dto';
import { CreatePersonDto } from './create-person.dto';

/** Any fields to change, and the version they are based on. */
export class UpdatePersonDto extends IntersectionType(PartialType(CreatePersonDto, { skipNullProperties: false }), VersionDto) {}
