import { IsInt, IsISO8601, IsOptional, IsUUID, Min } from 'class-validator';
import { invalid } from './api-errors';

/**
 * What a change names besides its fields: the version of the record it was based on (a stale one
 * gets 409, so no edit silently overwrites another). A change not based on a read — "set the status
 * to confirmed" — may leave it out: it then sets the fields it names on the record as it now stands.
 * A client may send the record back as it read it: the fields only the API writes are then taken
 * and ignored (`id`, if sent, must be the record's own).
 */
export class VersionDto {
  @IsOptional()
  @IsInt({ message: 'version must be the version of the record the change is based on' })
  @Min(1)
  version?: number;

  /** Read-only: ignored. */
  @IsOptional()
  @IsUUID('all', { message: 'id must be the id of the record' })
  id?: string;

  /** Read-only: ignored. */
  @IsOptional()
  @IsISO8601()
  createdAt?: string;

  /** Read-only: ignored. */
  @IsOptional()
  @IsISO8601()
  updatedAt?: string;

  /** Read-only: ignored. */
  @IsOptional()
  @IsISO8601()
  deletedAt?: string | null;

  /** Read-only (the import that created the record): ignored. */
  @IsOptional()
  @IsUUID('all')
  importId?: string | null;
}

/** A change's own fields: without its version and the read-only fields a client sent back. */
export function changedFields<T extends VersionDto>(
  recordId: string,
  { version: _version, id, createdAt: _c, updatedAt: _u, deletedAt: _d, importId: _i, ...fields }: T,
) {
  if (id !== undefined && id !== recordId) throw invalid({ id: 'must be the id of the record changed (the one in the path)' });
  return fields;
}
