import type { FieldChanges } from '@talentflow/domain';

/** Bookkeeping columns that every write changes: not worth an audit line. */
const IGNORED = new Set(['createdAt', 'updatedAt', 'version', 'deletedAt', 'sources', 'passwordHash']);

type Plain = Record<string, unknown>;

/** A record's fields as the API shows them, for comparing before and after (cited sources as ids). */
export function snapshot(record: object): Plain {
  const plain: Plain = {};
  for (const [key, value] of Object.entries(record)) {
    if (!IGNORED.has(key) && typeof value !== 'function') plain[key] = value instanceof Date ? value.toISOString() : value;
  }
  const sources = (record as { sources?: { id: string }[] }).sources;
  if (Array.isArray(sources)) plain.sourceIds = sources.map((source) => source.id);
  if (Array.isArray(plain.sourceIds)) plain.sourceIds = [...(plain.sourceIds as string[])].sort();
  return plain;
}

/** The fields whose value differs, with before and after; `{}` as `before` for a creation. */
export function changesBetween(before: Plain, after: Plain): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
    }
  }
  return changes;
}
