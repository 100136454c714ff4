import { IsInt, Min } from 'class-validator';

/** The version a change was based on: a stale one gets 409, so no edit silently overwrites another. */
export class VersionDto {
  @IsInt({ message: 'version must be the version of the record the change is based on' })
  @Min(1)
  version: number;
}
