import { POPULATIONS, Population, type RecordColumn, type RecordKind, SECTORS } from '@talentflow/domain';
import { countryCode } from '../countries';
import { IDENTIFIER_HEADERS, identifiersIn, rorIdIn } from '../matching';
import { readDate, readTable, readWord } from '../table-file';

/** The headers recognised for each kind's columns, in English and French (compared as readTable does). */
const HEADERS: { [K in RecordKind]: Record<RecordColumn<K>, string[]> } = {
  organizations: {
    name: ['name', 'organization', 'organisation', 'nom', 'organisme'],
    aliases: ['aliases', 'alias', 'other names', 'acronyms', 'acronym', 'autres noms', 'sigle', 'sigles'],
    sector: ['sector', 'secteur'],
    country: ['country', 'pays'],
    city: ['city', 'ville'],
    website: ['website', 'web site', 'url', 'site', 'site web'],
    foundedOn: ['founded', 'founded on', 'founding year', 'established', 'fondation', 'date de creation', 'creation'],
    rorId: ['ror', 'ror id'],
    wikidataId: ['wikidata', 'wikidata id'],
    parent: ['parent', 'parent organization', 'parent organisation', 'part of', 'tutelle', 'organisme parent'],
  },
  people: {
    name: ['name', 'person', 'full name', 'researcher', 'nom', 'personne', 'nom complet', 'chercheur', 'chercheuse'],
    aliases: ['aliases', 'alias', 'other names', 'autres noms'],
    ...IDENTIFIER_HEADERS,
    homepage: ['homepage', 'home page', 'website', 'page', 'site', 'page personnelle'],
    fields: ['fields', 'research fields', 'field', 'domaines', 'domaine', 'domaines de recherche'],
    notes: ['notes', 'note', 'comment', 'comments', 'remarques', 'commentaire'],
  },
  sources: {
    url: ['url', 'address', 'link', 'source', 'adresse', 'lien'],
    title: ['title', 'titre'],
    publisher: ['publisher', 'media', 'editeur'],
    publishedOn: ['published', 'published on', 'date', 'publication date', 'date de publication', 'publie le'],
    language: ['language', 'lang', 'langue'],
    excerpt: ['excerpt', 'quote', 'extrait', 'citation'],
  },
  'headcount-targets': {
    organization: ['organization', 'organisation', 'lab', 'laboratory', 'laboratoire', 'organisme'],
    population: ['population', 'who', 'qui'],
    target: ['target', 'objective', 'goal', 'objectif', 'cible'],
    low: ['low', 'from', 'minimum', 'min', 'bas'],
    high: ['high', 'to', 'maximum', 'max', 'haut'],
    dueBy: ['due by', 'due', 'by', 'deadline', 'echeance', 'pour'],
    statedOn: ['stated on', 'stated', 'announced', 'annonce le', 'annonce'],
    sourceUrl: ['source', 'source url', 'url', 'lien'],
  },
  'headcount-observations': {
    organization: ['organization', 'organisation', 'lab', 'laboratory', 'laboratoire', 'organisme'],
    population: ['population', 'who', 'qui'],
    count: ['count', 'headcount', 'number', 'effectif', 'effectifs', 'nombre'],
    observedOn: ['observed on', 'date', 'as of', 'on', 'au', 'observe le'],
    sourceUrl: ['source', 'source url', 'url', 'lien'],
  },
};

/** The columns without which no row of a kind can be read. */
const REQUIRED: { [K in RecordKind]: RecordColumn<K>[][] } = {
  organizations: [['name']],
  people: [['name']],
  sources: [['url']],
  'headcount-targets': [['organization'], ['target', 'low', 'high']],
  'headcount-observations': [['organization'], ['count'], ['observedOn']],
};

/** Populations as people write them, in French too. */
const POPULATION_WORDS: Record<string, Population> = {
  researcher: Population.Researchers,
  chercheurs: Population.Researchers,
  chercheuses: Population.Researchers,
  personnel: Population.Staff,
  employees: Population.Staff,
  salaries: Population.Staff,
  'phd students': Population.PhdStudents,
  phd: Population.PhdStudents,
  doctorants: Population.PhdStudents,
  doctorantes: Population.PhdStudents,
  membres: Population.Members,
  everyone: Population.Members,
};

/** One row of a file of records: the record's fields as read, and the names of what it points at. */
export interface RecordRow {
  row: number;
  /** The record's fields, as a create request gives them, once `organization` and `source` are found. */
  input: Record<string, unknown>;
  /** The organisation it belongs to (headcounts) or its parent (organisations), by name or ROR id. */
  organization?: string;
  /** The source it cites, by address. */
  sourceUrl?: string;
  errors: Record<string, string>;
}

/** Reads a file of one kind of record (see readTable); a row that cannot be read keeps its errors. */
export async function readRecordsFile(
  kind: RecordKind,
  file: Buffer,
  mapping: Record<string, string> = {},
): Promise<{ columns: { header: string; column: string | null }[]; rows: RecordRow[] }> {
  const { columns, rows } = await readTable<string>(file, HEADERS[kind], mapping);
  const taken = columns.map((c) => c.column);
  const missing: Record<string, string> = {};
  for (const oneOf of REQUIRED[kind] as string[][]) {
    if (!oneOf.some((column) => taken.includes(column))) {
      missing[oneOf[0]] = `no column of the file is read as ${oneOf.join(' or ')}: map one with columns`;
    }
  }
  return {
    columns,
    rows: rows.map(({ line, cell }) => {
      const row = READERS[kind](line, cell);
      Object.assign(row.errors, missing);
      return row;
    }),
  };
}

type Cells = Partial<Record<string, string>>;

/** Several values in one cell, separated by semicolons or vertical bars. */
const list = (value: string | undefined) => (value ? [...new Set(value.split(/[;|]/).map((v) => v.trim()).filter(Boolean))] : undefined);

/** A date cell as a calendar date: the first day of what it names, or (`end`) the last. */
function date(cell: Cells, column: string, errors: Record<string, string>, end = false): string | undefined {
  const read = readDate(cell[column]);
  if (read === undefined) errors[column] = `"${cell[column]}" is not a date: write 2023, 2023-11 or 2023-11-17`;
  if (!read) return undefined;
  if (!end || read.precision === 'day') return read.on;
  const last = new Date(`${read.on}T00:00:00Z`);
  if (read.precision === 'year') last.setUTCFullYear(last.getUTCFullYear() + 1);
  else last.setUTCMonth(last.getUTCMonth() + 1);
  last.setUTCDate(0);
  return last.toISOString().slice(0, 10);
}

/** A whole number, with spaces or commas between thousands; undefined (and an error) otherwise. */
function whole(cell: Cells, column: string, errors: Record<string, string>): number | undefined {
  const value = cell[column];
  if (!value) return undefined;
  const number = /^\d{1,3}([ ,\u00a0\u202f]?\d{3})*$/.test(value) ? Number(value.replace(/[ ,\u00a0\u202f]/g, '')) : NaN;
  if (Number.isNaN(number)) errors[column] = `"${value}" is not a whole number`;
  return Number.isNaN(number) ? undefined : number;
}

function population(cell: Cells, errors: Record<string, string>): Population {
  if (!cell.population) return Population.Researchers;
  const read = readWord(cell.population, POPULATIONS, POPULATION_WORDS);
  if (!read) errors.population = `"${cell.population}" is not a population: ${POPULATIONS.join(', ')}`;
  return read ?? Population.Researchers;
}

/** Drops the fields a row leaves empty, so that they take the record's defaults, or keep stored values. */
const given = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

const READERS: Record<RecordKind, (row: number, cell: Cells) => RecordRow> = {
  organizations: (row, cell) => {
    const errors: Record<string, string> = {};
    const sector = cell.sector ? readWord(cell.sector, SECTORS, {}) : undefined;
    if (cell.sector && !sector) errors.sector = `"${cell.sector}" is not a sector: ${SECTORS.join(', ')}`;
    if (!cell.sector) errors.sector = 'is empty: every organization has a sector';
    const country = cell.country ? countryCode(cell.country) : undefined;
    if (cell.country && !country) errors.country = `"${cell.country}" is not a country name or code`;
    const rorId = cell.rorId ? rorIdIn(cell.rorId) : undefined;
    if (cell.rorId && !rorId) errors.rorId = `"${cell.rorId}" is not a ROR id (0 and 8 letters or digits, or its https://ror.org/ address)`;
    const input = given({
      name: cell.name,
      aliases: list(cell.aliases),
      sector: sector ?? undefined,
      country: country ?? undefined,
      city: cell.city,
      website: cell.website,
      foundedOn: date(cell, 'foundedOn', errors),
      rorId,
      wikidataId: cell.wikidataId?.replace(/^https?:\/\/www\.wikidata\.org\/wiki\//, ''),
    });
    return { row, input, organization: cell.parent, errors };
  },
  people: (row, cell) => ({
    row,
    input: given({ name: cell.name, aliases: list(cell.aliases), ...identifiersIn(cell), homepage: cell.homepage, fields: list(cell.fields), notes: cell.notes }),
    errors: {},
  }),
  sources: (row, cell) => {
    const errors: Record<string, string> = {};
    const input = given({
      url: cell.url,
      title: cell.title,
      publisher: cell.publisher,
      publishedOn: date(cell, 'publishedOn', errors),
      language: cell.language?.toLowerCase(),
      excerpt: cell.excerpt,
    });
    return { row, input, errors };
  },
  'headcount-targets': (row, cell) => {
    const errors: Record<string, string> = {};
    // "40-50", "40 – 50", "40 à 50" or "about 30" in one column, or low and high apart.
    const range = cell.target ? /^\D*?(\d[\d ,]*?)(?:\s*(?:-|–|—|to|à|a)\s*(\d[\d ,]*))?\D*$/.exec(cell.target) : null;
    if (cell.target && !range) errors.target = `"${cell.target}" is not a number or a range such as 40-50`;
    const [low, high] = range
      ? [whole({ target: range[1].trim() }, 'target', errors), whole({ target: (range[2] ?? range[1]).trim() }, 'target', errors)]
      : [whole(cell, 'low', errors), whole(cell, 'high', errors) ?? whole(cell, 'low', {})];
    const input = given({
      population: population(cell, errors),
      low,
      high,
      dueBy: date(cell, 'dueBy', errors, true),
      statedOn: date(cell, 'statedOn', errors),
    });
    if (!cell.organization) errors.organization = 'is empty';
    return { row, input, organization: cell.organization, sourceUrl: cell.sourceUrl, errors };
  },
  'headcount-observations': (row, cell) => {
    const errors: Record<string, string> = {};
    const input = given({ population: population(cell, errors), count: whole(cell, 'count', errors), observedOn: date(cell, 'observedOn', errors) });
    if (!cell.organization) errors.organization = 'is empty';
    return { row, input, organization: cell.organization, sourceUrl: cell.sourceUrl, errors };
  },
};
