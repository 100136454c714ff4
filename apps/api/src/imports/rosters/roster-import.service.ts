import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DatePrecision, MoveStatus, Population, RoleCategory } from '@talentflow/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { ImportTotals } from '../import.entity';
import { blockingRows, type ImportActor, type ImportOptions, previewOrCommit, recordImport, sha256, writeInChunks } from '../import-writes';
import { ImportProgressReport } from '../import-progress';
import { byNames, type Identifier, IDENTIFIERS, organizationsNamed, overlaps, peopleNamed, type Period, rorIdIn, storedMoves } from '../matching';
import { normalized } from '../names';
import { readRoster, type RosterLine } from './roster-file';

export interface RosterImportOptions extends ImportOptions {
  /** Header in the file → column (see ROSTER_COLUMNS), or "ignore". */
  columns?: Record<string, string>;
  /** `organization:<name as in the file>` or `person:<name>` → the id of the record it is (or, for a person, "new"). */
  matches?: Record<string, string>;
}

/** What the roster says, one proposal each: a move, an arrival, a departure, or a headcount. */
export interface RosterRow {
  /** The line of the file it comes from. */
  row: number;
  action: 'create' | 'skip' | 'ambiguous' | 'error';
  kind?: 'move' | 'arrival' | 'departure' | 'headcount';
  name?: string;
  person?: { id: string | null; name: string; by: string };
  from?: { id: string; name: string };
  to?: { id: string; name: string };
  on?: string;
  duplicateOf?: string;
  ask?: { key: string; candidates: { id: string; name: string }[] }[];
  errors?: Record<string, string>;
}

export interface RosterImportResult {
  importId: string | null;
  dryRun: boolean;
  fileName: string;
  fileSha256: string;
  columns: { header: string; column: string | null }[];
  totals: ImportTotals & { ambiguous: number; errors: number; peopleCreated: number; observationsCreated: number };
  rows: RosterRow[];
}

/** Which role categories each population counts (as the headcount series count them). */
const POPULATIONS: Record<Population, RoleCategory[]> = {
  [Population.Researchers]: [RoleCategory.Researcher, RoleCategory.Leadership],
  [Population.Staff]: [RoleCategory.Researcher, RoleCategory.Leadership, RoleCategory.Engineer, RoleCategory.Other],
  [Population.PhdStudents]: [RoleCategory.Student],
  [Population.Members]: Object.values(RoleCategory).filter((role) => role !== RoleCategory.Advisor),
};

interface Seen {
  lab: { id: string; name: string };
  roleCategory: RoleCategory;
  line: number;
}

/**
 * Imports a lab roster over time: dated snapshots of who is in which lab. Consecutive snapshots are
 * compared person by person:
 * - in a lab, then in another: a move between them, dated the later snapshot;
 * - absent, then in a lab: an arrival (from an unknown place); in the first snapshot, nobody arrives;
 * - in a lab, then absent: a departure, to the "now at" of a later line if there is one;
 * - the same lab under another name (an alias) is the same lab: no move; lines of one day make one
 *   snapshot, so someone removed and put back the same day has not moved.
 * People are one across lines when they share an identifier, or else a name; they are found in
 * Talentflow by identifier or name, and created otherwise. Labs and "now at" places must be there
 * already (by name, alias or ROR id). Each snapshot gives one headcount observation per lab and
 * population. Moves and observations already stored are skipped, naming them.
 */
@Injectable()
export class RosterImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(file: Buffer, fileName: string, options: RosterImportOptions, actor: ImportActor): Promise<RosterImportResult> {
    const progress = new ImportProgressReport(this.dataSource, options.progress, actor.id);
    return progress.around(async () => {
      const { columns, lines } = await readRoster(file, options.columns);
      const meta = { fileName, fileSha256: sha256(file), columns };
      return previewOrCommit(
        this.dataSource,
        progress,
        options.dryRun,
        (manager) => this.plan(manager, lines, options, meta),
        (plan) => blockingRows(plan, 'lines or proposals'),
        (manager, plan) => this.commit(manager, plan, actor, progress),
      );
    });
  }

  private async plan(manager: EntityManager, lines: RosterLine[], options: RosterImportOptions, meta: Pick<RosterImportResult, 'fileName' | 'fileSha256' | 'columns'>) {
    const matches = options.matches ?? {};
    const rows: RosterRow[] = [];
    for (const line of lines) if (Object.keys(line.errors).length > 0) rows.push({ row: line.line, action: 'error', errors: line.errors });
    const readable = lines.filter((line) => Object.keys(line.errors).length === 0);

    // Labs and "now at" places.
    const places = [...new Set(readable.flatMap((l) => [l.affiliation, ...(l.nowAt ? [l.nowAt] : [])]))];
    const chosen = Object.values(matches).filter((id) => id !== 'new');
    const organizations = await organizationsNamed(manager, {
      rorIds: places.flatMap((p) => rorIdIn(p) ?? []),
      names: places.map(normalized),
      ids: chosen,
    });
    const orgsByName = byNames(organizations.filter((o) => !o.withdrawn));
    const orgById = new Map(organizations.map((o) => [o.id, o]));
    const place = (name: string): { id: string; name: string } | { ask: RosterRow['ask'] } | { error: string } => {
      const rorId = rorIdIn(name);
      const found = rorId
        ? organizations.filter((o) => o.rorId === rorId)
        : matches[`organization:${name}`]
          ? [orgById.get(matches[`organization:${name}`])].filter((o) => o !== undefined)
          : (orgsByName.get(normalized(name)) ?? []);
      if (found.length === 1) return { id: found[0].id, name: found[0].name };
      if (found.length > 1) return { ask: [{ key: `organization:${name}`, candidates: found.map(({ id, name: n }) => ({ id, name: n })) }] };
      return { error: `"${name}" is not in Talentflow: create it (or import the registry) first, or choose it in matches["organization:${name}"]` };
    };

    // People: lines with a shared identifier, or else a shared name, are one person.
    const keyOf = new Map<RosterLine, string>();
    const byIdentifierName = new Map<string, string>();
    for (const line of readable) {
      const identifier = IDENTIFIERS.find((k) => line.identifiers[k]);
      if (identifier) {
        const key = `${identifier}:${line.identifiers[identifier]}`;
        keyOf.set(line, key);
        byIdentifierName.set(normalized(line.person), key);
      }
    }
    for (const line of readable) if (!keyOf.has(line)) keyOf.set(line, byIdentifierName.get(normalized(line.person)) ?? `name:${normalized(line.person)}`);
    const identifiers = Object.fromEntries(
      IDENTIFIERS.map((k) => [k, [...new Set(readable.flatMap((l) => (l.identifiers[k] ? [l.identifiers[k]] : [])))]]),
    ) as Record<Identifier, string[]>;
    const people = await peopleNamed(manager, { identifiers, names: [...new Set(readable.map((l) => normalized(l.person)))], ids: chosen });
    const peopleByName = byNames(people);
    const persons = new Map<string, { id: string | null; name: string; by: string; names: Set<string>; create?: Record<string, unknown>; ask?: RosterRow['ask'] }>();
    for (const [line, key] of keyOf) {
      const known = persons.get(key);
      if (known) {
        known.names.add(line.person);
        continue;
      }
      const choice = matches[`person:${line.person}`];
      const identified = people.filter((p) => IDENTIFIERS.some((k) => line.identifiers[k] && p[k] === line.identifiers[k]));
      const named = choice === 'new' ? [] : (peopleByName.get(normalized(line.person)) ?? []);
      const person =
        choice && choice !== 'new'
          ? { id: choice, name: line.person, by: 'chosen' }
          : identified.length === 1
            ? { id: identified[0].id, name: identified[0].name, by: 'identifier' }
            : named.length === 1 && !IDENTIFIERS.some((k) => line.identifiers[k] && named[0][k] && named[0][k] !== line.identifiers[k])
              ? { id: named[0].id, name: named[0].name, by: 'name' }
              : named.length > 1
                ? { id: null, name: line.person, by: 'name', ask: [{ key: `person:${line.person}`, candidates: named.map(({ id, name }) => ({ id, name })) }] }
                : { id: randomUUID(), name: line.person, by: 'new', create: Object.fromEntries(IDENTIFIERS.map((k) => [k, line.identifiers[k] ?? null])) };
      persons.set(key, { ...person, names: new Set([line.person]) });
    }

    // Snapshots, one per day: the labs each person is in (one or several), or which place they had left for.
    const days = [...new Set(readable.map((l) => l.on))].sort();
    const present = new Map(days.map((day) => [day, new Map<string, Map<string, Seen>>()]));
    const gone = new Map(days.map((day) => [day, new Map<string, { lab: { id: string; name: string }; to: { id: string; name: string }; line: number }>()]));
    const labsOn = new Map(days.map((day) => [day, new Map<string, { id: string; name: string }>()]));
    for (const line of readable) {
      const lab = place(line.affiliation);
      const to = line.nowAt ? place(line.nowAt) : undefined;
      const problem = [lab, to].find((p) => p && !('id' in p));
      if (problem) {
        rows.push(
          'ask' in problem
            ? { row: line.line, action: 'ambiguous', ask: problem.ask }
            : { row: line.line, action: 'error', errors: { [problem === lab ? 'affiliation' : 'nowAt']: (problem as { error: string }).error } },
        );
        continue;
      }
      const here = lab as { id: string; name: string };
      labsOn.get(line.on)?.set(here.id, here);
      const key = keyOf.get(line) as string;
      if (to) gone.get(line.on)?.set(key, { lab: here, to: to as { id: string; name: string }, line: line.line });
      else {
        const snapshot = present.get(line.on) as Map<string, Map<string, Seen>>;
        snapshot.set(key, (snapshot.get(key) ?? new Map()).set(here.id, { lab: here, roleCategory: line.roleCategory, line: line.line }));
      }
    }
    for (const person of persons.values()) {
      if (person.ask) rows.push({ row: 0, action: 'ambiguous', person: { id: null, name: person.name, by: 'name' }, ask: person.ask });
    }

    // Proposed moves, each checked against the person's stored moves and those proposed before.
    const movesOf = new Map<string, Period[]>();
    for (const { personId, ...period } of await storedMoves(manager, people.map((p) => p.id))) {
      movesOf.set(personId, [...(movesOf.get(personId) ?? []), period]);
    }
    const moves: { id: string; personId: string; fromId: string | null; toId: string | null; on: string; roleCategory: RoleCategory; notes: string }[] = [];
    const propose = (kind: 'move' | 'arrival' | 'departure', key: string, from: Seen['lab'] | null, to: Seen['lab'] | null, on: string, since: string | null, roleCategory: RoleCategory, line: number) => {
      const person = persons.get(key);
      if (!person || person.ask || !person.id) return;
      const row: RosterRow = { row: line, action: 'create', kind, person: { id: person.id, name: person.name, by: person.by }, from: from ?? undefined, to: to ?? undefined, on };
      const theirs = movesOf.get(person.id) ?? [];
      const period = { fromId: from?.id ?? null, toId: to?.id ?? null, on, precision: DatePrecision.Day };
      // A departure a later snapshot repeats ("now at" on every roster since) is the same departure.
      const same = theirs.find(
        (m) => m.fromId === period.fromId && m.toId === period.toId && (overlaps(m, period) || (kind === 'departure' && m.ref.startsWith('line '))),
      );
      if (same) {
        if (!same.ref.startsWith('line ')) rows.push({ ...row, action: 'skip', duplicateOf: same.ref });
        return;
      }
      movesOf.set(person.id, [...theirs, { ref: `line ${line}`, ...period }]);
      const notes = since ? `Lab roster: seen on ${on}, not as before on ${since}` : `Lab roster: had left by ${on}`;
      moves.push({ id: randomUUID(), personId: person.id, fromId: period.fromId, toId: period.toId, on, roleCategory, notes });
      rows.push(row);
    };
    // Person by person, the labs left and the labs joined since the snapshot before: one of each is
    // a move; otherwise each lab joined is an arrival and each lab left a departure (a second
    // affiliation taken or given up). A line saying where they had left for makes that departure.
    days.forEach((day, i) => {
      const before = i > 0 ? present.get(days[i - 1]) : undefined;
      const now = present.get(day) as Map<string, Map<string, Seen>>;
      const leaving = gone.get(day) ?? new Map();
      for (const key of before ? new Set([...before.keys(), ...now.keys()]) : []) {
        const [was, is] = [before?.get(key) ?? new Map<string, Seen>(), now.get(key) ?? new Map<string, Seen>()];
        const left = [...was.values()].filter((seen) => !is.has(seen.lab.id) && leaving.get(key)?.lab.id !== seen.lab.id);
        const joined = [...is.values()].filter((seen) => !was.has(seen.lab.id));
        if (left.length === 1 && joined.length === 1) {
          propose('move', key, left[0].lab, joined[0].lab, day, days[i - 1], joined[0].roleCategory, joined[0].line);
          continue;
        }
        for (const seen of joined) propose('arrival', key, null, seen.lab, day, days[i - 1], seen.roleCategory, seen.line);
        for (const seen of left) propose('departure', key, seen.lab, null, day, days[i - 1], seen.roleCategory, seen.line);
      }
      for (const [key, left] of leaving) {
        const roleCategory = [...(before?.get(key)?.values() ?? [])][0]?.roleCategory ?? RoleCategory.Researcher;
        propose('departure', key, left.lab, left.to, day, null, roleCategory, left.line);
      }
    });

    // One headcount per lab, population and snapshot, unless one is stored for that day.
    const storedCounts: { id: string; organizationId: string; on: string; population: Population }[] = await manager.query(
      `SELECT id, organization_id AS "organizationId", observed_on::text AS "on", population FROM headcount_observations
       WHERE deleted_at IS NULL AND organization_id = ANY($1) AND observed_on::text = ANY($2)`,
      [[...new Set([...labsOn.values()].flatMap((labs) => [...labs.keys()]))], days],
    );
    const observations: { id: string; organizationId: string; on: string; population: Population; count: number }[] = [];
    for (const day of days) {
      for (const lab of labsOn.get(day)?.values() ?? []) {
        const here = [...(present.get(day)?.values() ?? [])].flatMap((labs) => labs.get(lab.id) ?? []);
        for (const population of Object.values(Population)) {
          const count = here.filter((seen) => POPULATIONS[population].includes(seen.roleCategory)).length;
          const row: RosterRow = { row: here[0]?.line ?? 0, action: 'create', kind: 'headcount', name: `${lab.name}, ${population}: ${count}`, on: day };
          const same = storedCounts.find((o) => o.organizationId === lab.id && o.on === day && o.population === population);
          if (same) rows.push({ ...row, action: 'skip', duplicateOf: same.id });
          else {
            observations.push({ id: randomUUID(), organizationId: lab.id, on: day, population, count });
            rows.push(row);
          }
        }
      }
    }

    const created = [...persons.values()].filter((p) => p.create && moves.some((m) => m.personId === p.id));
    rows.sort((a, b) => a.row - b.row);
    const count = (action: RosterRow['action']) => rows.filter((r) => r.action === action).length;
    const result: RosterImportResult = {
      importId: null,
      dryRun: true,
      ...meta,
      totals: {
        created: moves.length + observations.length,
        updated: 0,
        unchanged: 0,
        skipped: count('skip'),
        ambiguous: count('ambiguous'),
        errors: count('error'),
        peopleCreated: created.length,
        observationsCreated: observations.length,
      },
      rows,
    };
    return { result, moves, observations, people: created };
  }

  private async commit(
    manager: EntityManager,
    plan: Awaited<ReturnType<RosterImportService['plan']>>,
    actor: ImportActor,
    progress: ImportProgressReport,
  ): Promise<RosterImportResult> {
    const { ambiguous: _a, errors: _e, peopleCreated: _p, observationsCreated: _o, ...totals } = plan.result.totals;
    const importId = await recordImport(manager, 'roster', plan.result, actor, totals);
    const json = (rows: object[]) => JSON.stringify(rows);
    await progress.stage('writing', plan.people.length + plan.moves.length + plan.observations.length);
    await writeInChunks(progress, plan.people, (people) =>
      manager.query(
        `INSERT INTO people (id, name, aliases, orcid, wikidata_id, google_scholar_id, dblp_id, openalex_id, import_id)
         SELECT x.id, x.name, x.aliases, x.orcid, x."wikidataId", x."googleScholarId", x."dblpId", x."openalexId", $2
         FROM json_to_recordset($1::json) AS x(id uuid, name text, aliases text[], orcid text, "wikidataId" text, "googleScholarId" text, "dblpId" text, "openalexId" text)`,
        [json(people.map((p) => ({ id: p.id, name: p.name, aliases: [...p.names].filter((n) => n !== p.name), ...p.create }))), importId],
      ),
    );
    await writeInChunks(progress, plan.moves, (moves) =>
      manager.query(
        `INSERT INTO moves (id, person_id, from_organization_id, to_organization_id, role_category, effective_on, date_precision, status, notes, import_id)
         SELECT x.id, x."personId", x."fromId", x."toId", x."roleCategory"::role_category, x."on", 'day', $2::move_status, x.notes, $3
         FROM json_to_recordset($1::json) AS x(id uuid, "personId" uuid, "fromId" uuid, "toId" uuid, "roleCategory" text, "on" date, notes text)`,
        [json(moves), MoveStatus.Confirmed, importId],
      ),
    );
    await writeInChunks(progress, plan.observations, (observations) =>
      manager.query(
        `INSERT INTO headcount_observations (id, organization_id, observed_on, population, count, import_id)
         SELECT x.id, x."organizationId", x."on", x.population::population, x.count, $2
         FROM json_to_recordset($1::json) AS x(id uuid, "organizationId" uuid, "on" date, population text, count int)`,
        [json(observations), importId],
      ),
    );
    return { ...plan.result, importId, dryRun: false };
  }
}
