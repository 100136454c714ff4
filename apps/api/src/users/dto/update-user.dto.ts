import { IntersectionType, PartialType } from '@nestjs/swagger';
import { VersionDto } from '../../common/version.dto';
import { CreateUserDto } from './create-user.dto';

/**
 * An admin changes a user's name, role, whether they may sign in, or sets a new password. The email
 * is taken only as the user has it (a record sent back as read): it identifies the account.
 */
export class UpdateUserDto extends IntersectionType(PartialType(CreateUserDto, { skipNullProperties: false }), VersionDto) {}
