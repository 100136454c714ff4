import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, type FieldChanges, Sector } from '@talentflow/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { invalid } from '../../common/api-errors';
import { changesBetween } from '../../common/changes';
import type { ImportTotals } from '../import.entity';
import { auditImport, type ImportActor, type ImportOptions, previewOrCommit, recordImport, sha256 } from '../import-writes';
import { ImportProgressReport } from '../import-progress';
import { byNames } from '../matching';
import { normalized } from '../names';
import { parseRorDump, ROR_SECTORS, type RorOrganization } from './ror-records';

export interface RorImportOptions extends ImportOptions {
  /** ROR types → sectors, over the default mapping (ROR_SECTORS). */
  sectors?: Record<string, Sector>;
  /** ROR id → the organisation it is (an id), or `new`: settles a match the preview asked about. */
  matches?: Record<string, string>;
}

type Action = 'create' | 'update' | 'unchanged' | 'skip' | 'ambiguous';

/** What the import does with one record of the file. */
export interface RorRow {
  row: number;
  rorId: string;
  name: string;
  action: Action;
  /** The organisation it matched, and how. */
  match?: { id: string; name: string; by: 'ror id' | 'name' | 'chosen' };
  /** For an update, the fields it changes. */
  changes?: FieldChanges;
  /** For an ambiguous record, the organisations it could be; for a skipped one, why. */
  candidates?: { id: string; name: string }[];
  reason?: string;
  /** Its links to records neither in the file nor in Talentflow: reported, not made. */
  linksOutside?: string[];
}

export interface RorImportResult {
  importId: string | null;
  dryRun: boolean;
  fileName: string;
  fileSha256: string;
  totals: ImportTotals & { ambiguous: number; linksOutside: number };
  rows: RorRow[];
}

/** The organisation fields a registry import writes; an organisation found may lack the registry's. */
type Fields = Omit<RorOrganization, 'rorId' | 'rorStatus' | 'relations'> & {
  rorId: string | null;
  rorStatus: string | null;
  parentId: string | null;
};

interface Existing extends Fields {
  id: string;
  deleted: boolean;
}

/**
 * Imports a Research Organization Registry dump (schema v2) as organisations: previewed record by
 * record, then written in one transaction with set-based statements.
 *
 * Matching, in this order: the ROR id; a choice the user made (`matches`); for an active record, an
 * organisation without a ROR id whose name or alias is one of the record's names (display name,
 * labels, aliases, acronyms; accent- and case-insensitive) — one such organisation is a match;
 * several, or one that two records match, are asked about, never guessed. Inactive and withdrawn
 * records are never matched by name.
 *
 * A matched organisation takes the registry's fields where the registry has them; it keeps its own
 * name when the registry knows it by that name, its aliases (the registry's are added) and its
 * sector (an editorial choice). Its parent, for the dashboards' roll-ups, is the one of the record's
 * parents with the most children in the file (CNRS before a university for a joint research unit);
 * every link the record states is kept in `organization_relations`.
 */
@Injectable()
export class RorImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(file: Buffer, fileName: string, options: RorImportOptions, actor: ImportActor): Promise<RorImportResult> {
    const progress = new ImportProgressReport(this.dataSource, options.progress, actor.id);
    return progress.around(async () => {
      const records = parseRorDump(file, { ...ROR_SECTORS, ...options.sectors });
      const fileSha256 = sha256(file);
      return previewOrCommit(
        this.dataSource,
        progress,
        options.dryRun,
        (manager) => this.plan(manager, records, options, fileName, fileSha256),
        ({ result }) => {
          const ambiguous = result.rows.filter((row) => row.action === 'ambiguous');
          if (ambiguous.length === 0) return undefined;
          return {
            matches: `${ambiguous.length} records match several organizations (first: ${ambiguous[0].rorId}, ${ambiguous[0].name}): choose each in matches, as an organization id or "new"`,
          };
        },
        (manager, plan) => this.commit(manager, plan, actor, progress),
      );
    });
  }

  private async plan(
    manager: EntityManager,
    records: RorOrganization[],
    options: RorImportOptions,
    fileName: string,
    fileSha256: string,
  ): Promise<{ result: RorImportResult; writes: Writes }> {
    const rorIds = records.map((r) => r.rorId);
    const linked = [...new Set(records.flatMap((r) => r.relations.map((l) => l.rorId)))];
    const chosen = Object.values(options.matches ?? {}).filter((id) => id !== 'new');
    const existing: Existing[] = await manager.query(
      `SELECT id, name, aliases, sector, country, city, website, founded_on::text AS "foundedOn", ror_id AS "rorId",
              wikidata_id AS "wikidataId", ror_status::text AS "rorStatus", parent_id AS "parentId", deleted_at IS NOT NULL AS deleted
       FROM organizations
       WHERE ror_id = ANY($1) OR id::text = ANY($2) OR (ror_id IS NULL AND deleted_at IS NULL)`,
      [[...rorIds, ...linked], chosen],
    );
    const byRorId = new Map(existing.flatMap((o) => (o.rorId ? [[o.rorId, o] as const] : [])));
    const byId = new Map(existing.map((o) => [o.id, o]));
    const byName = byNames(existing.filter((o) => !o.rorId && !o.deleted));

    // Each record's organisation id: the one it matched, or a new one.
    const rows: RorRow[] = [];
    const idOf = new Map<string, string>();
    const claimed = new Map<string, number>();
    const seen = new Set<string>();
    records.forEach((record, index) => {
      const row: RorRow = { row: index + 1, rorId: record.rorId, name: record.name, action: 'create' };
      rows.push(row);
      if (seen.has(record.rorId)) return Object.assign(row, { action: 'skip', reason: 'the same ROR id is earlier in the file' });
      seen.add(record.rorId);
      const choice = options.matches?.[record.rorId];
      const same = byRorId.get(record.rorId);
      let match: Existing | undefined;
      if (same?.deleted) {
        return Object.assign(row, { action: 'skip', reason: `a deleted organization holds this ROR id (${same.id}): restore or purge it first` });
      } else if (same) {
        match = same;
        row.match = { id: same.id, name: same.name, by: 'ror id' };
      } else if (choice && choice !== 'new') {
        match = byId.get(choice);
        if (!match || match.deleted || match.rorId) {
          throw invalid({ [`matches.${record.rorId}`]: 'must be the id of a live organization without a ROR id, or "new"' });
        }
        row.match = { id: match.id, name: match.name, by: 'chosen' };
      } else if (!choice && record.rorStatus === 'active') {
        const candidates = [
          ...new Map(
            [record.name, ...record.aliases]
              .flatMap((name) => byName.get(normalized(name)) ?? [])
              .map((o) => [o.id, o]),
          ).values(),
        ];
        if (candidates.length > 1) {
          return Object.assign(row, { action: 'ambiguous', candidates: candidates.map(({ id, name }) => ({ id, name })) });
        }
        if (candidates.length === 1) {
          match = candidates[0];
          row.match = { id: match.id, name: match.name, by: 'name' };
        }
      }
      if (match) {
        const earlier = claimed.get(match.id);
        if (earlier !== undefined) {
          rows[earlier].action = 'ambiguous';
          return Object.assign(row, { action: 'ambiguous', candidates: [{ id: match.id, name: match.name }], reason: `record ${earlier + 1} matches it too` });
        }
        claimed.set(match.id, index);
      }
      idOf.set(record.rorId, match?.id ?? randomUUID());
    });

    // Links: to records in the file, or already in Talentflow; the others are reported.
    const target = (rorId: string) => idOf.get(rorId) ?? (byRorId.get(rorId)?.deleted ? undefined : byRorId.get(rorId)?.id);
    const childCount = new Map<string, number>();
    for (const record of records) {
      for (const link of record.relations) if (link.type === 'child' && idOf.has(link.rorId)) childCount.set(record.rorId, (childCount.get(record.rorId) ?? 0) + 1);
    }
    const parentOf = new Map<string, string | null>();
    for (const record of records) {
      const parents = record.relations.filter((l) => l.type === 'parent' && target(l.rorId) && l.rorId !== record.rorId).map((l) => l.rorId);
      parents.sort((a, b) => (childCount.get(b) ?? 0) - (childCount.get(a) ?? 0) || a.localeCompare(b));
      parentOf.set(record.rorId, parents[0] ?? null);
    }
    breakCycles(parentOf);

    const writes: Writes = { creates: [], updates: [], relations: [], importedIds: [] };
    records.forEach((record, index) => {
      const row = rows[index];
      const outside = record.relations.filter((l) => !target(l.rorId)).map((l) => `${l.type} ${l.rorId}`);
      if (outside.length > 0) row.linksOutside = outside;
      if (row.action === 'skip' || row.action === 'ambiguous') return;
      const id = idOf.get(record.rorId) as string; // every record not skipped has one
      writes.importedIds.push(id);
      for (const link of record.relations) {
        const related = target(link.rorId);
        if (related && related !== id) writes.relations.push({ organizationId: id, type: link.type, relatedId: related });
      }
      const parentRorId = parentOf.get(record.rorId);
      const parentId = (parentRorId && target(parentRorId)) || null;
      const match = row.match && byId.get(row.match.id);
      if (!match) {
        const fields: Fields = { ...pick(record), aliases: mergedAliases(record.name, record.aliases), sector: record.sector, parentId };
        writes.creates.push({ id, ...fields });
        return;
      }
      const before = pickStored(match);
      const known = [record.name, ...record.aliases].map(normalized).includes(normalized(match.name));
      const after: Fields = {
        ...before,
        name: known ? match.name : record.name,
        aliases: mergedAliases(known ? match.name : record.name, [...match.aliases, ...(known ? [] : [match.name]), record.name, ...record.aliases]),
        country: record.country ?? before.country,
        city: record.city ?? before.city,
        website: record.website ?? before.website,
        foundedOn: record.foundedOn ?? before.foundedOn,
        rorId: record.rorId,
        wikidataId: record.wikidataId ?? before.wikidataId,
        rorStatus: record.rorStatus,
        parentId: parentId ?? before.parentId,
      };
      const changes = changesBetween(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
      if (Object.keys(changes).length === 0) {
        row.action = 'unchanged';
        return;
      }
      row.action = 'update';
      row.changes = changes;
      writes.updates.push({ id, ...after, changes });
    });

    const count = (action: Action) => rows.filter((r) => r.action === action).length;
    const result: RorImportResult = {
      importId: null,
      dryRun: true,
      fileName,
      fileSha256,
      totals: {
        created: count('create'),
        updated: count('update'),
        unchanged: count('unchanged'),
        skipped: count('skip'),
        ambiguous: count('ambiguous'),
        linksOutside: rows.reduce((sum, r) => sum + (r.linksOutside?.length ?? 0), 0),
      },
      rows,
    };
    return { result, writes };
  }

  /** Writes the plan: the import's record, the organisations, their links, an audit entry per organisation changed. */
  private async commit(
    manager: EntityManager,
    { writes, result }: { result: RorImportResult; writes: Writes },
    actor: ImportActor,
    progress: ImportProgressReport,
  ): Promise<RorImportResult> {
    const { ambiguous: _ambiguous, linksOutside: _links, ...totals } = result.totals;
    const importId = await recordImport(manager, 'ror', result, actor, totals);
    await progress.stage('writing', writes.creates.length + writes.updates.length);
    const columns = `id uuid, name text, aliases text[], sector sector, country char(2), city text, website text, "foundedOn" date,
                     "rorId" text, "wikidataId" text, "rorStatus" ror_status, "parentId" uuid`;
    // Created together: a record's parent may be among them (foreign keys are checked per statement).
    if (writes.creates.length > 0) {
      await manager.query(
        `INSERT INTO organizations (id, name, aliases, sector, country, city, website, founded_on, ror_id, wikidata_id, ror_status, parent_id, import_id)
         SELECT x.id, x.name, x.aliases, x.sector, x.country, x.city, x.website, x."foundedOn", x."rorId", x."wikidataId", x."rorStatus", x."parentId", $2
         FROM json_to_recordset($1::json) AS x(${columns})`,
        [JSON.stringify(writes.creates), importId],
      );
      await progress.advance(writes.creates.length);
    }
    if (writes.updates.length > 0) {
      await manager.query(
        `UPDATE organizations o SET name = x.name, aliases = x.aliases, country = x.country, city = x.city, website = x.website,
                founded_on = x."foundedOn", ror_id = x."rorId", wikidata_id = x."wikidataId", ror_status = x."rorStatus",
                parent_id = x."parentId", version = o.version + 1, updated_at = now()
         FROM json_to_recordset($1::json) AS x(${columns})
         WHERE o.id = x.id`,
        [JSON.stringify(writes.updates.map(({ changes: _changes, ...fields }) => fields))],
      );
      await progress.advance(writes.updates.length);
    }
    // The links the file states for its records, and no others.
    await manager.query(
      `DELETE FROM organization_relations r
       WHERE r.organization_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM json_to_recordset($2::json) AS x("organizationId" uuid, type text, "relatedId" uuid)
                         WHERE x."organizationId" = r.organization_id AND x.type = r.type AND x."relatedId" = r.related_id)`,
      [writes.importedIds, JSON.stringify(writes.relations)],
    );
    await manager.query(
      `INSERT INTO organization_relations (organization_id, type, related_id)
       SELECT x."organizationId", x.type, x."relatedId" FROM json_to_recordset($1::json) AS x("organizationId" uuid, type text, "relatedId" uuid)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(writes.relations)],
    );
    // Created records carry the import's id; each record changed gets its audit entry.
    await auditImport(
      manager,
      actor,
      'organizations',
      writes.updates.map(({ id, changes }) => ({ action: AuditAction.Update, id, changes })),
    );
    return { ...result, importId, dryRun: false };
  }
}

interface Writes {
  creates: (Fields & { id: string })[];
  updates: (Fields & { id: string; changes: FieldChanges })[];
  relations: { organizationId: string; type: string; relatedId: string }[];
  importedIds: string[];
}

/** The registry's fields of a record, as an organisation's. */
function pick(record: RorOrganization): Omit<Fields, 'sector' | 'parentId'> {
  const { rorId, name, aliases, country, city, website, foundedOn, wikidataId, rorStatus } = record;
  return { name, aliases, country, city, website, foundedOn, rorId, wikidataId, rorStatus };
}

function pickStored(o: Existing): Fields {
  const { name, aliases, sector, country, city, website, foundedOn, rorId, wikidataId, rorStatus, parentId } = o;
  return { name, aliases, sector, country: country?.trim() ?? null, city, website, foundedOn, rorId, wikidataId, rorStatus, parentId };
}

/** Names other than `name`, each once (accent- and case-insensitive), at most 50 as the API allows. */
function mergedAliases(name: string, names: string[]): string[] {
  const seen = new Set([normalized(name)]);
  return names.filter((alias) => alias && !seen.has(normalized(alias)) && seen.add(normalized(alias))).slice(0, 50);
}

/** Drops the parent that closes a loop (a record whose ancestors lead back to it), so roll-ups end. */
function breakCycles(parentOf: Map<string, string | null>): void {
  for (const start of parentOf.keys()) {
    const path = new Set<string>([start]);
    for (let at = parentOf.get(start); at; at = parentOf.get(at)) {
      if (path.has(at)) {
        parentOf.set(start, null);
        break;
      }
      path.add(at);
    }
  }
}
