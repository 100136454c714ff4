import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  /** At least 12 characters. */
  @IsString()
  @MinLength(12, { message: 'newPassword must have at least 12 characters' })
  @MaxLength(200)
  newPassword: string;
}
