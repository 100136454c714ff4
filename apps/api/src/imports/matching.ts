import { DatePrecision } from '@talentflow/domain';
import type { EntityManager } from 'typeorm';
import { normalized } from './names';

/**
 * How imports find the records a file names: organisations and people by identifier or by name
 * (accent- and case-insensitive, aliases included), each lookup one statement for the whole file,
 * and the moves already stored, to tell a repeat.
 */

export const IDENTIFIERS = ['orcid', 'wikidataId', 'googleScholarId', 'dblpId', 'openalexId'] as const;
const IDENTIFIER_COLUMNS: Record<(typeof IDENTIFIERS)[number], string> = {
  orcid: 'orcid',
  wikidataId: 'wikidata_id',
  googleScholarId: 'google_scholar_id',
  dblpId: 'dblp_id',
  openalexId: 'openalex_id',
};
/** How many unknown organisation names get suggestions (each a trigram search): the first ones. */
export const SUGGESTED_NAMES = 50;
/** The same normalisation as `normalized`, in SQL. */
const SQL_NORMALIZED = (column: string) => `btrim(regexp_replace(lower(immutable_unaccent(${column})), '\\s+', ' ', 'g'))`;
/** The ids of a table's records with an alias among the names of the array parameter `names` (one join, one hash). */
const NAMED_BY_ALIAS = (table: string, names: string) =>
  `SELECT r.id FROM ${table} r CROSS JOIN LATERAL unnest(r.aliases) a WHERE ${SQL_NORMALIZED('a')} IN (SELECT unnest(${names}::text[]))`;
export const rorIdIn = (value: string) => /^(?:https?:\/\/ror\.org\/)?(0[a-z0-9]{8})$/.exec(value.trim())?.[1];

export type Identifier = (typeof IDENTIFIERS)[number];

/** The headers a spreadsheet names a person's identifiers with (see readTable). */
export const IDENTIFIER_HEADERS: Record<Identifier, string[]> = {
  orcid: ['orcid', 'orcid id'],
  wikidataId: ['wikidata', 'wikidata id'],
  googleScholarId: ['google scholar', 'google scholar id', 'scholar'],
  dblpId: ['dblp', 'dblp id', 'dblp pid'],
  openalexId: ['openalex', 'openalex id'],
};

/**
 * A person's identifiers as a spreadsheet's cells give them, each as Talentflow stores it: an
 * ORCID, Google Scholar, DBLP or OpenAlex address becomes the id it holds.
 */
export function identifiersIn(cell: Partial<Record<Identifier, string>>): Partial<Record<Identifier, string>> {
  return {
    orcid: cell.orcid?.replace(/^https?:\/\/orcid\.org\//, ''),
    wikidataId: cell.wikidataId?.replace(/^https?:\/\/www\.wikidata\.org\/wiki\//, ''),
    googleScholarId: cell.googleScholarId?.replace(/^.*[?&]user=([^&]+).*$/, '$1'),
    dblpId: cell.dblpId?.replace(/^https?:\/\/dblp\.org\/pid\//, '').replace(/\.html$/, ''),
    openalexId: cell.openalexId?.replace(/^https?:\/\/openalex\.org\//, ''),
  };
}

/** A record a name may be. */
export interface Candidate {
  id: string;
  name: string;
  aliases: string[];
}

/** Live organisations with one of the ROR ids, the ids, or the (normalised) names or aliases. */
export function organizationsNamed(
  manager: EntityManager,
  { rorIds, names, ids }: { rorIds: string[]; names: string[]; ids: string[] },
): Promise<(Candidate & { rorId: string | null; withdrawn: boolean })[]> {
  return manager.query(
    `SELECT id, name, aliases, ror_id AS "rorId", ror_status IS NOT DISTINCT FROM 'withdrawn' AS withdrawn FROM organizations
     WHERE deleted_at IS NULL AND (ror_id = ANY($1) OR id::text = ANY($3) OR ${SQL_NORMALIZED('name')} IN (SELECT unnest($2::text[]))
           OR id IN (${NAMED_BY_ALIAS('organizations', '$2')}))`,
    [rorIds, names, ids],
  );
}

/** Live people with one of the identifiers, the ids, or the (normalised) names or aliases. */
export function peopleNamed(
  manager: EntityManager,
  { identifiers, names, ids }: { identifiers: Record<Identifier, string[]>; names: string[]; ids: string[] },
): Promise<(Candidate & Record<Identifier, string | null>)[]> {
  return manager.query(
    `SELECT id, name, aliases, orcid, wikidata_id AS "wikidataId", google_scholar_id AS "googleScholarId", dblp_id AS "dblpId", openalex_id AS "openalexId"
     FROM people
     WHERE deleted_at IS NULL AND (${IDENTIFIERS.map((k, i) => `${IDENTIFIER_COLUMNS[k]} = ANY($${i + 1})`).join(' OR ')}
           OR id::text = ANY($7) OR ${SQL_NORMALIZED('name')} IN (SELECT unnest($6::text[]))
           OR id IN (${NAMED_BY_ALIAS('people', '$6')}))`,
    [...IDENTIFIERS.map((k) => identifiers[k]), names, ids],
  );
}

/** A move as a repeat is told: its ends and its period; `ref` names it (an id, or a row of the file). */
export interface Period {
  ref: string;
  fromId: string | null;
  toId: string | null;
  on: string | null;
  precision: DatePrecision;
}

/** The live, not cancelled, moves of these people. */
export async function storedMoves(manager: EntityManager, personIds: string[]): Promise<(Period & { personId: string })[]> {
  if (personIds.length === 0) return [];
  return manager.query(
    `SELECT id AS ref, person_id AS "personId", from_organization_id AS "fromId", to_organization_id AS "toId", effective_on::text AS "on",
            date_precision AS "precision"
     FROM moves WHERE person_id IN (SELECT unnest($1::uuid[])) AND deleted_at IS NULL AND status <> 'cancelled' ORDER BY created_at`,
    [personIds],
  );
}

/** Up to three live organisations whose names are like each of `names` (pg_trgm), as suggestions. */
export async function similarOrganizations(manager: EntityManager, names: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  if (names.length === 0) return new Map();
  const rows: { wanted: string; id: string; name: string }[] = await manager.query(
    `SELECT n.wanted, o.id, o.name FROM unnest($1::text[]) AS n(wanted)
     CROSS JOIN LATERAL (
       SELECT id, name FROM organizations
       WHERE deleted_at IS NULL AND search_text % ${SQL_NORMALIZED('n.wanted')}
       ORDER BY similarity(search_text, ${SQL_NORMALIZED('n.wanted')}) DESC, name LIMIT 3
     ) o`,
    [names],
  );
  const found = new Map<string, { id: string; name: string }[]>();
  for (const { wanted, id, name } of rows) found.set(wanted, [...(found.get(wanted) ?? []), { id, name }]);
  return found;
}

/** Organisations or people by each of their names and aliases, normalised. */
export function byNames<T extends Candidate>(records: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    for (const name of new Set([record.name, ...record.aliases].map(normalized))) map.set(name, [...(map.get(name) ?? []), record]);
  }
  return map;
}

/** Whether two dated periods overlap (2023 overlaps 2023-11 and 2023-11-17); two undated ones are the same. */
export function overlaps(a: { on: string | null; precision: DatePrecision }, b: { on: string | null; precision: DatePrecision }): boolean {
  if (!a.on || !b.on) return !a.on && !b.on;
  const end = (p: { on: string; precision: DatePrecision }) => {
    const d = new Date(`${p.on}T00:00:00Z`);
    if (p.precision === DatePrecision.Year) d.setUTCFullYear(d.getUTCFullYear() + 1);
    else if (p.precision === DatePrecision.Month) d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  return a.on < end({ on: b.on, precision: b.precision }) && b.on < end({ on: a.on, precision: a.precision });
}
