import { IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { VersionDto } from '../../common/version.dto';
import { CreateUserDto } from './create-user.dto';

/** An admin changes a user's name, role, whether they may sign in, or sets a new password. */
export class UpdateUserDto extends IntersectionType(PartialType(OmitType(CreateUserDto, ['email'] as const), { skipNullProperties: false }), VersionDto) {}
