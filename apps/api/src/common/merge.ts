import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class MergeDto {
  /** The record that is the same as this one: its links move here, then it is removed. */
  @ApiProperty()
  @IsUUID('all', { message: 'duplicateId must be the id of the duplicate record' })
  duplicateId: string;
}

/** Names in the order first seen, without repeats or the survivor's own name. */
export function mergedNames(name: string, ...lists: (string[] | string | null | undefined)[]): string[] {
  const names = lists.flat().filter((n): n is string => Boolean(n) && n !== name);
  return [...new Set(names)];
}

/** The survivor's value, or the duplicate's where the survivor has none. */
export function firstPresent<T>(survivor: T | null | undefined, duplicate: T | null | undefined): T | null {
  return survivor ?? duplicate ?? null;
}
