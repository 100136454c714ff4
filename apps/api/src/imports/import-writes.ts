import { AuditAction, type FieldChanges } from '@talentflow/domain';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { invalid } from '../common/api-errors';
import type { Actor } from '../auth/actor';
import { changesBetween } from '../common/changes';
import type { ImportTotals } from './import.entity';
import type { ImportProgressReport } from './import-progress';

/** Rows per statement when an import writes a table: each chunk is reported as written. */
const WRITE_CHUNK_ROWS = 10_000;

/** Who runs an import: a signed-in user, or the command line (no user, a name for the log). */
export type ImportActor = Pick<Actor, 'id' | 'email'> | { id: null; email: string };

/** The tables that tie records to the sources they cite: the join table, the citing table, its column. */
export const CITATIONS = [
  { table: 'move_sources', owner: 'moves', ownerColumn: 'move_id' },
  { table: 'headcount_target_sources', owner: 'headcount_targets', ownerColumn: 'headcount_target_id' },
  { table: 'headcount_observation_sources', owner: 'headcount_observations', ownerColumn: 'headcount_observation_id' },
] as const;

/** What every import takes besides its file. */
export interface ImportOptions {
  /** Preview only: nothing is written. */
  dryRun?: boolean;
  /** A key (UUID) the client chose, to read the import's progress by while it runs. */
  progress?: string;
}

export const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

/**
 * Serialises imports, whatever their kind: two at once could each create the same organisation or
 * person. Taken first in an import's transaction.
 */
export async function lockImports(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('imports'))`);
}

/**
 * The import's row in `imports`, and its one audit entry: the records it creates carry its id
 * (`importId`) rather than an audit entry each. Its id.
 */
export async function recordImport(
  manager: EntityManager,
  kind: string,
  file: { fileName: string; fileSha256: string },
  actor: ImportActor,
  totals: ImportTotals,
): Promise<string> {
  const [{ id }] = await manager.query(
    `INSERT INTO imports (kind, file_name, file_sha256, user_id, user_email, totals) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [kind, file.fileName, file.fileSha256, actor.id, actor.email, totals],
  );
  await auditImport(manager, actor, 'imports', [
    { action: AuditAction.Create, id, changes: changesBetween({}, { kind, fileName: file.fileName, fileSha256: file.fileSha256, totals }) },
  ]);
  return id;
}

/**
 * What every import does with its plan: a preview, outside any transaction; or, in one transaction
 * under the imports' lock, the plan made again on the data as it then is and committed, unless
 * `refusal` finds what blocks it (a 400 naming it: nothing written).
 */
export async function previewOrCommit<P extends { result: R }, R>(
  dataSource: DataSource,
  progress: ImportProgressReport,
  dryRun: boolean | undefined,
  plan: (manager: EntityManager) => Promise<P>,
  refusal: (plan: P) => Record<string, string> | undefined,
  commit: (manager: EntityManager, plan: P) => Promise<R>,
): Promise<R> {
  if (dryRun) {
    await progress.stage('matching');
    return (await plan(dataSource.manager)).result;
  }
  return dataSource.transaction(async (manager) => {
    await progress.stage('waiting');
    await lockImports(manager);
    await progress.stage('matching');
    const planned = await plan(manager);
    const errors = refusal(planned);
    if (errors) throw invalid(errors);
    return commit(manager, planned);
  });
}

/** A row of a spreadsheet's preview, as far as what blocks a commit goes. */
interface PlannedRow {
  row: number;
  action: string;
  errors?: Record<string, string>;
  ask?: { key: string }[];
}

/**
 * What keeps a spreadsheet's plan from being committed: its rows in error or asking a question,
 * counted, the first named with why. `what` names the rows ("rows", "lines or proposals").
 */
export function blockingRows({ result }: { result: { rows: PlannedRow[] } }, what = 'rows'): Record<string, string> | undefined {
  const blocking = result.rows.filter((row) => row.action === 'error' || row.action === 'ambiguous');
  if (blocking.length === 0) return undefined;
  const [first] = blocking;
  const why = first.action === 'error' ? Object.values(first.errors ?? {}).join('; ') : `asks ${first.ask?.map((a) => a.key).join(', ')}`;
  return {
    file: `${blocking.length} ${what} cannot be imported as they are (first: row ${first.row}, ${why}): fix the file or answer in matches, then import again; nothing was written`,
  };
}

/** Audit entries for records an import wrote, in one statement. */
export async function auditImport(
  manager: EntityManager,
  actor: ImportActor,
  resource: string,
  entries: { action: AuditAction; id: string; changes: FieldChanges }[],
): Promise<void> {
  if (entries.length === 0) return;
  await manager.query(
    `INSERT INTO audit_entries (user_id, user_email, action, resource, record_id, changes)
     SELECT $2, $3, x.action, $4, x.id, x.changes FROM json_to_recordset($1::json) AS x(action audit_action, id text, changes jsonb)`,
    [JSON.stringify(entries), actor.id, actor.email, resource],
  );
}

/** Writes `rows` a chunk at a time (`write` makes one statement of a chunk), reporting each chunk. */
export async function writeInChunks<T>(progress: ImportProgressReport, rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + WRITE_CHUNK_ROWS);
    await write(chunk);
    await progress.advance(chunk.length);
  }
}
