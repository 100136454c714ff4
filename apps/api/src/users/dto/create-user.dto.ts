import { Role, UserInput } from '@talentflow/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../../common/validators';

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto implements UserInput {
  @Transform(lowerCase)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role: Role;

  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;

  /** At least 12 characters; stored only as an argon2id hash. */
  @IsString()
  @MinLength(12, { message: 'password must have at least 12 characters' })
  @MaxLength(200)
  password: string;
}
