import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DatePrecision, MoveStatus, Sector } from '@talentflow/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalSourceUrl } from '../../sources/source-url';
import type { ImportTotals } from '../import.entity';
import { blockingRows, type ImportActor, type ImportOptions, previewOrCommit, recordImport, sha256, writeInChunks } from '../import-writes';
import { ImportProgressReport } from '../import-progress';
import { normalized } from '../names';
import { byNames, type Identifier, IDENTIFIERS, organizationsNamed, overlaps, peopleNamed, type Period, rorIdIn, similarOrganizations, storedMoves, SUGGESTED_NAMES } from '../matching';
import { type MoveRow, readMovesFile } from './moves-file';

export interface MovesImportOptions extends ImportOptions {
  /** Header in the file → column (see MOVE_COLUMNS), or "ignore": over the recognised headers. */
  columns?: Record<string, string>;
  /**
   * Settles what the preview asked: `organization:<name as in the file>` or `person:<name>` → the
   * id of the record it is, or "new".
   */
  matches?: Record<string, string>;
}

/** How a row's person or organisation was found. */
type By = 'ror id' | 'identifier' | 'name' | 'name and organization' | 'chosen' | 'new';
interface Resolved {
  id: string | null;
  name: string;
  by: By;
}

export interface MovesImportRow {
  row: number;
  action: 'create' | 'skip' | 'ambiguous' | 'error';
  person?: Resolved;
  from?: Resolved;
  to?: Resolved;
  source?: Resolved;
  /** For a skipped row: the move it repeats (an id, or a row of the file). */
  duplicateOf?: string;
  /** For an ambiguous row: the key to answer in `matches`, and the records it could be. */
  ask?: { key: string; candidates: { id: string; name: string }[] }[];
  /** For an organisation not found: stored ones of similar names, which `matches` may choose. */
  suggest?: { key: string; candidates: { id: string; name: string }[] }[];
  errors?: Record<string, string>;
}

export interface MovesImportResult {
  importId: string | null;
  dryRun: boolean;
  fileName: string;
  fileSha256: string;
  columns: { header: string; column: string | null }[];
  totals: ImportTotals & { ambiguous: number; errors: number; organizationsCreated: number; peopleCreated: number; sourcesCreated: number };
  rows: MovesImportRow[];
}

interface NewOrganization {
  id: string;
  name: string;
  sector: Sector | undefined;
  country: string | null;
}
interface NewPerson {
  id: string;
  name: string;
  orcid: string | null;
  wikidataId: string | null;
  googleScholarId: string | null;
  dblpId: string | null;
  openalexId: string | null;
}
interface NewMove {
  id: string;
  personId: string;
  fromOrganizationId: string | null;
  toOrganizationId: string | null;
  role: string | null;
  roleCategory: string;
  effectiveOn: string | null;
  datePrecision: DatePrecision;
  status: MoveStatus;
  notes: string | null;
  sourceId: string | null;
}
interface Plan {
  result: MovesImportResult;
  organizations: NewOrganization[];
  people: NewPerson[];
  sources: { id: string; url: string; title: string | null; publisher: string | null }[];
  moves: NewMove[];
}

/**
 * Imports a spreadsheet of moves, with the people, organisations and sources they name: previewed
 * row by row, then written all at once or not at all.
 *
 * - An organisation is found by ROR id (a cell holding one), else by name, alias or acronym
 *   (accent- and case-insensitive; withdrawn registry records never match). None: a new one, which
 *   needs its sector (the row's from/to sector column); several: asked.
 * - A person is found by any identifier given, else by name or alias; several of the same name are
 *   narrowed to those with a move at one of the row's organisations, and asked if still several.
 *   Rows that name the same new person (the same identifier, or else the same name) make one.
 * - A source is found by its address (as sources compare them), else created.
 * - A move that repeats one already stored (same person, same ends, overlapping period; cancelled
 *   moves aside) or an earlier row is skipped, naming it.
 */
@Injectable()
export class MovesImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(file: Buffer, fileName: string, options: MovesImportOptions, actor: ImportActor): Promise<MovesImportResult> {
    const progress = new ImportProgressReport(this.dataSource, options.progress, actor.id);
    return progress.around(async () => {
      const read = await readMovesFile(file, options.columns);
      const meta = { fileName, fileSha256: sha256(file), columns: read.columns };
      return previewOrCommit(
        this.dataSource,
        progress,
        options.dryRun,
        (manager) => this.plan(manager, read.rows, options, meta),
        (plan) => blockingRows(plan),
        (manager, plan) => this.commit(manager, plan, actor, progress),
      );
    });
  }

  private async plan(
    manager: EntityManager,
    rows: MoveRow[],
    options: MovesImportOptions,
    meta: { fileName: string; fileSha256: string; columns: MovesImportResult['columns'] },
  ): Promise<Plan> {
    const matches = options.matches ?? {};
    const readable = rows.filter((row) => Object.keys(row.errors).length === 0);
    const ends = readable.flatMap((row) => [row.from, row.to].filter((end) => end !== undefined));

    // Organisations: by ROR id, else by name; new ones once per name, with a sector from any row.
    const orgRorIds = [...new Set(ends.map((end) => rorIdIn(end.name)).filter((id) => id !== undefined))];
    const orgNames = [...new Set(ends.filter((end) => !rorIdIn(end.name)).map((end) => normalized(end.name)))];
    const chosenIds = Object.values(matches).filter((id) => id !== 'new');
    const organizations = await organizationsNamed(manager, { rorIds: orgRorIds, names: orgNames, ids: chosenIds });
    const orgByRor = new Map(organizations.flatMap((o) => (o.rorId ? [[o.rorId, o] as const] : [])));
    const orgById = new Map(organizations.map((o) => [o.id, o]));
    const orgsByName = byNames(organizations.filter((o) => !o.withdrawn));
    const newOrganizations = new Map<string, NewOrganization>();
    for (const end of ends) {
      const key = normalized(end.name);
      if (rorIdIn(end.name) || (orgsByName.get(key)?.length && matches[`organization:${end.name}`] !== 'new')) continue;
      const known = newOrganizations.get(key) ?? { id: randomUUID(), name: end.name, sector: undefined, country: null };
      known.sector ??= end.sector;
      known.country ??= end.country ?? null;
      newOrganizations.set(key, known);
    }
    const unknown = [...newOrganizations.values()].filter((o) => !o.sector).map((o) => o.name);
    const suggestions = await similarOrganizations(manager, unknown.slice(0, SUGGESTED_NAMES));

    // People: by identifier, else by name (narrowed by the row's organisations).
    const identifierValues = Object.fromEntries(
      IDENTIFIERS.map((k) => [k, [...new Set(readable.flatMap((r) => (r.identifiers[k] ? [r.identifiers[k]] : [])))]]),
    ) as Record<Identifier, string[]>;
    const personNames = [...new Set(readable.map((row) => normalized(row.person)))];
    const people = await peopleNamed(manager, { identifiers: identifierValues, names: personNames, ids: chosenIds });
    const peopleByName = byNames(people);
    const personById = new Map(people.map((p) => [p.id, p]));
    // Where the people who share a name have worked, to tell them apart.
    const namesakes = [...peopleByName.values()].filter((same) => same.length > 1).flat();
    const worksAt: { personId: string; organizationId: string }[] = namesakes.length
      ? await manager.query(
          `SELECT DISTINCT person_id AS "personId", unnest(array[from_organization_id, to_organization_id]) AS "organizationId"
           FROM moves WHERE person_id = ANY($1) AND deleted_at IS NULL`,
          [namesakes.map((p) => p.id)],
        )
      : [];
    // Each person's moves, stored and then planned, to find a row that repeats one: `ref` names it.
    const stored = await storedMoves(manager, people.map((p) => p.id));
    const movesOf = new Map<string, Period[]>();
    for (const { personId, ...period } of stored) movesOf.set(personId, [...(movesOf.get(personId) ?? []), period]);
    const byIdentifier = new Map(IDENTIFIERS.flatMap((k) => people.flatMap((p) => (p[k] ? [[`${k}:${p[k]}`, p] as const] : []))));
    const newPeople = new Map<string, NewPerson>();

    // Sources by address.
    const urls = [...new Set(readable.flatMap((row) => (row.source ? [canonicalSourceUrl(row.source.url) as string] : [])))];
    const sources: { id: string; url: string }[] = urls.length ? await manager.query(`SELECT id, url FROM sources WHERE url = ANY($1)`, [urls]) : [];
    const sourceByUrl = new Map(sources.map((s) => [s.url, s.id]));
    const newSources = new Map<string, Plan['sources'][number]>();

    const moves: NewMove[] = [];
    const planned: MovesImportRow[] = rows.map((row) => {
      if (Object.keys(row.errors).length > 0) return { row: row.row, action: 'error', errors: row.errors };
      const out: MovesImportRow = { row: row.row, action: 'create' };
      const ask: NonNullable<MovesImportRow['ask']> = [];
      const suggest: NonNullable<MovesImportRow['suggest']> = [];
      const errors: Record<string, string> = {};

      const organization = (side: 'from' | 'to'): Resolved | undefined => {
        const end = row[side];
        if (!end) return undefined;
        const key = `organization:${end.name}`;
        const rorId = rorIdIn(end.name);
        if (rorId) {
          const found = orgByRor.get(rorId);
          if (!found) errors[side] = `no organization has the ROR id ${rorId}: import the registry or create it first`;
          return found && { id: found.id, name: found.name, by: 'ror id' };
        }
        const choice = matches[key];
        if (choice && choice !== 'new') {
          const chosen = orgById.get(choice);
          if (!chosen) errors[side] = `matches["${key}"] is not a live organization`;
          return chosen && { id: chosen.id, name: chosen.name, by: 'chosen' };
        }
        const found = choice === 'new' ? [] : (orgsByName.get(normalized(end.name)) ?? []);
        if (found.length === 1) return { id: found[0].id, name: found[0].name, by: 'name' };
        if (found.length > 1) {
          ask.push({ key, candidates: found.map(({ id, name }) => ({ id, name })) });
          return { id: null, name: end.name, by: 'name' };
        }
        const created = newOrganizations.get(normalized(end.name)) as NewOrganization;
        if (!created.sector) {
          const similar = suggestions.get(end.name) ?? [];
          if (similar.length) suggest.push({ key, candidates: similar });
          errors[`${side}Sector`] =
            `"${end.name}" is not in Talentflow: give its sector (a ${side} sector column) to create it` +
            (similar.length ? `, or choose one of ${similar.map((s) => `${s.name} (${s.id})`).join(', ')} in matches["${key}"]` : '');
        }
        return { id: created.id, name: created.name, by: 'new' };
      };
      out.from = organization('from');
      out.to = organization('to');

      // The person.
      const personKey = `person:${row.person}`;
      const choice = matches[personKey];
      const identified = [...new Set(IDENTIFIERS.flatMap((k) => byIdentifier.get(`${k}:${row.identifiers[k]}`) ?? []))];
      if (identified.length > 1) errors.person = `its identifiers name ${identified.length} different people: ${identified.map((p) => p.name).join(', ')}`;
      let person: Resolved;
      if (choice && choice !== 'new') {
        const chosen = personById.get(choice);
        if (!chosen) errors.person = `matches["${personKey}"] is not a live person`;
        person = { id: choice, name: chosen?.name ?? row.person, by: 'chosen' };
      } else if (identified.length === 1) {
        person = { id: identified[0].id, name: identified[0].name, by: 'identifier' };
      } else {
        let found = choice === 'new' ? [] : (peopleByName.get(normalized(row.person)) ?? []);
        let by: By = 'name';
        if (found.length > 1) {
          const here = [out.from?.id, out.to?.id].filter(Boolean);
          const narrowed = found.filter((p) => worksAt.some((w) => w.personId === p.id && here.includes(w.organizationId)));
          if (narrowed.length > 0) [found, by] = [narrowed, 'name and organization'];
        }
        if (found.length > 1) {
          ask.push({ key: personKey, candidates: found.map(({ id, name }) => ({ id, name })) });
          person = { id: null, name: row.person, by: 'name' };
        } else if (found.length === 1) {
          person = { id: found[0].id, name: found[0].name, by };
        } else {
          const identifier = IDENTIFIERS.find((k) => row.identifiers[k]);
          const key = identifier ? `${identifier}:${row.identifiers[identifier]}` : `name:${normalized(row.person)}`;
          const created = newPeople.get(key) ?? {
            id: randomUUID(),
            name: row.person,
            ...Object.fromEntries(IDENTIFIERS.map((k) => [k, row.identifiers[k] ?? null])),
          };
          newPeople.set(key, created as NewPerson);
          person = { id: created.id, name: created.name, by: 'new' };
        }
      }
      out.person = person;

      if (row.source) {
        const url = canonicalSourceUrl(row.source.url) as string;
        const existing = sourceByUrl.get(url);
        const created = existing ? undefined : (newSources.get(url) ?? { id: randomUUID(), url, title: row.source.title, publisher: row.source.publisher });
        if (created) newSources.set(url, created);
        out.source = { id: existing ?? created?.id ?? null, name: row.source.title ?? url, by: existing ? 'identifier' : 'new' };
      }

      if (Object.keys(errors).length > 0) return { ...out, action: 'error', errors, ...(suggest.length ? { suggest } : {}) };
      if (ask.length > 0) return { ...out, action: 'ambiguous', ask };

      const move: NewMove = {
        id: randomUUID(),
        personId: person.id as string,
        fromOrganizationId: out.from?.id ?? null,
        toOrganizationId: out.to?.id ?? null,
        role: row.role,
        roleCategory: row.roleCategory,
        effectiveOn: row.effectiveOn,
        datePrecision: row.datePrecision,
        status: row.status,
        notes: row.notes,
        sourceId: out.source?.id ?? null,
      };
      if (move.fromOrganizationId && move.fromOrganizationId === move.toOrganizationId) {
        return { ...out, action: 'error', errors: { to: 'is the organization the person came from' } };
      }
      if (move.status !== MoveStatus.Cancelled) {
        const theirs = movesOf.get(move.personId) ?? [];
        const same = theirs.find(
          (other) =>
            other.fromId === move.fromOrganizationId &&
            other.toId === move.toOrganizationId &&
            overlaps(other, { on: move.effectiveOn, precision: move.datePrecision }),
        );
        if (same) return { ...out, action: 'skip', duplicateOf: same.ref };
        const period = { fromId: move.fromOrganizationId, toId: move.toOrganizationId, on: move.effectiveOn, precision: move.datePrecision };
        movesOf.set(move.personId, [...theirs, { ref: `row ${row.row}`, ...period }]);
      }
      moves.push(move);
      return out;
    });

    // Only what a row that will be imported uses is created.
    const used = new Set(moves.flatMap((m) => [m.personId, m.fromOrganizationId, m.toOrganizationId, m.sourceId]));
    const result: MovesImportResult = {
      importId: null,
      dryRun: true,
      ...meta,
      totals: {
        created: moves.length,
        updated: 0,
        unchanged: 0,
        skipped: planned.filter((r) => r.action === 'skip').length,
        ambiguous: planned.filter((r) => r.action === 'ambiguous').length,
        errors: planned.filter((r) => r.action === 'error').length,
        organizationsCreated: [...newOrganizations.values()].filter((o) => used.has(o.id)).length,
        peopleCreated: [...newPeople.values()].filter((p) => used.has(p.id)).length,
        sourcesCreated: [...newSources.values()].filter((s) => used.has(s.id)).length,
      },
      rows: planned,
    };
    return {
      result,
      organizations: [...newOrganizations.values()].filter((o) => used.has(o.id)),
      people: [...newPeople.values()].filter((p) => used.has(p.id)),
      sources: [...newSources.values()].filter((s) => used.has(s.id)),
      moves,
    };
  }

  /** Writes the plan in one transaction, each table in statements of many rows; the import is audited once. */
  private async commit(manager: EntityManager, plan: Plan, actor: ImportActor, progress: ImportProgressReport): Promise<MovesImportResult> {
    const { ambiguous: _a, errors: _e, organizationsCreated: _o, peopleCreated: _p, sourcesCreated: _s, ...totals } = plan.result.totals;
    const importId = await recordImport(manager, 'moves', plan.result, actor, totals);
    const json = (rows: object[]) => JSON.stringify(rows);
    await progress.stage('writing', plan.organizations.length + plan.people.length + plan.sources.length + plan.moves.length);
    await writeInChunks(progress, plan.organizations, (organizations) =>
      manager.query(
        `INSERT INTO organizations (id, name, sector, country, import_id)
         SELECT x.id, x.name, x.sector, x.country, $2 FROM json_to_recordset($1::json) AS x(id uuid, name text, sector sector, country char(2))`,
        [json(organizations), importId],
      ),
    );
    await writeInChunks(progress, plan.people, (people) =>
      manager.query(
        `INSERT INTO people (id, name, orcid, wikidata_id, google_scholar_id, dblp_id, openalex_id, import_id)
         SELECT x.id, x.name, x.orcid, x."wikidataId", x."googleScholarId", x."dblpId", x."openalexId", $2
         FROM json_to_recordset($1::json) AS x(id uuid, name text, orcid text, "wikidataId" text, "googleScholarId" text, "dblpId" text, "openalexId" text)`,
        [json(people), importId],
      ),
    );
    await writeInChunks(progress, plan.sources, (sources) =>
      manager.query(
        `INSERT INTO sources (id, url, title, publisher, import_id)
         SELECT x.id, x.url, x.title, x.publisher, $2 FROM json_to_recordset($1::json) AS x(id uuid, url text, title text, publisher text)`,
        [json(sources), importId],
      ),
    );
    await writeInChunks(progress, plan.moves, async (moves) => {
      await manager.query(
        `INSERT INTO moves (id, person_id, from_organization_id, to_organization_id, role, role_category, effective_on, date_precision, status, notes, import_id)
         SELECT x.id, x."personId", x."fromOrganizationId", x."toOrganizationId", x.role, x."roleCategory"::role_category, x."effectiveOn",
                x."datePrecision"::date_precision, x.status::move_status, x.notes, $2
         FROM json_to_recordset($1::json) AS x(id uuid, "personId" uuid, "fromOrganizationId" uuid, "toOrganizationId" uuid, role text,
              "roleCategory" text, "effectiveOn" date, "datePrecision" text, status text, notes text)`,
        [json(moves), importId],
      );
      const cited = moves.filter((m) => m.sourceId);
      await manager.query(
        `INSERT INTO move_sources (move_id, source_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
        [cited.map((m) => m.id), cited.map((m) => m.sourceId)],
      );
    });
    return { ...plan.result, importId, dryRun: false };
  }
}
