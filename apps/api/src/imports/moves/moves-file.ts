import { DatePrecision, type MoveColumn, MOVE_STATUSES, MoveStatus, ROLE_CATEGORIES, RoleCategory, Sector, SECTORS } from '@talentflow/domain';
import { countryCode } from '../countries';
import { normalized } from '../names';
import { IDENTIFIER_HEADERS, identifiersIn } from '../matching';
import { readDate, readTable, readWord } from '../table-file';

/**
 * The headers recognised for each column, in English and French, compared accent- and
 * case-insensitively with spaces, dashes and underscores alike. Any other header is ignored
 * unless the user maps it (`columns`).
 */
const HEADERS: Record<MoveColumn, string[]> = {
  person: ['person', 'name', 'full name', 'researcher', 'personne', 'nom', 'nom complet', 'chercheur', 'chercheuse'],
  ...IDENTIFIER_HEADERS,
  from: ['from', 'from organization', 'from organisation', 'origin', 'left', 'de', 'depuis', 'origine', 'organisation d origine', 'provenance'],
  fromSector: ['from sector', 'origin sector', 'secteur d origine'],
  fromCountry: ['from country', 'origin country', 'pays d origine'],
  to: ['to', 'to organization', 'to organisation', 'destination', 'joined', 'vers', 'a', 'organisation d arrivee', 'arrivee'],
  toSector: ['to sector', 'destination sector', 'secteur de destination', 'secteur d arrivee'],
  toCountry: ['to country', 'destination country', 'pays de destination', 'pays d arrivee'],
  date: ['date', 'effective', 'effective on', 'effective date', 'when', 'date d effet', 'quand'],
  role: ['role', 'position', 'title', 'poste', 'fonction'],
  roleCategory: ['role category', 'category', 'categorie', 'categorie de role'],
  status: ['status', 'statut'],
  sourceUrl: ['source', 'source url', 'url', 'link', 'lien'],
  sourceTitle: ['source title', 'titre', 'titre de la source'],
  sourcePublisher: ['publisher', 'source publisher', 'editeur', 'media'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarques', 'commentaire'],
};

/** Statuses and role categories as people write them, in English and French. */
const STATUS_WORDS: Record<string, MoveStatus> = {
  rumor: MoveStatus.Rumoured,
  rumour: MoveStatus.Rumoured,
  rumeur: MoveStatus.Rumoured,
  annonce: MoveStatus.Announced,
  confirme: MoveStatus.Confirmed,
  annule: MoveStatus.Cancelled,
  canceled: MoveStatus.Cancelled,
};
export const CATEGORY_WORDS: Record<string, RoleCategory> = {
  chercheur: RoleCategory.Researcher,
  chercheuse: RoleCategory.Researcher,
  direction: RoleCategory.Leadership,
  ingenieur: RoleCategory.Engineer,
  ingenieure: RoleCategory.Engineer,
  doctorant: RoleCategory.Student,
  doctorante: RoleCategory.Student,
  etudiant: RoleCategory.Student,
  etudiante: RoleCategory.Student,
  'phd student': RoleCategory.Student,
  autre: RoleCategory.Other,
  conseiller: RoleCategory.Advisor,
  conseillere: RoleCategory.Advisor,
};

/** One row of the file as Talentflow reads it, or the reasons it cannot be read. */
export interface MoveRow {
  /** The line of the file it ends on (the header is line 1). */
  row: number;
  person: string;
  identifiers: { orcid?: string; wikidataId?: string; googleScholarId?: string; dblpId?: string; openalexId?: string };
  from?: { name: string; sector?: Sector; country?: string | null };
  to?: { name: string; sector?: Sector; country?: string | null };
  effectiveOn: string | null;
  datePrecision: DatePrecision;
  role: string | null;
  roleCategory: RoleCategory;
  status: MoveStatus;
  source?: { url: string; title: string | null; publisher: string | null };
  notes: string | null;
  errors: Record<string, string>;
}

export interface MovesFile {
  /** Each header of the file and the column it was read as (or null: ignored). */
  columns: { header: string; column: MoveColumn | null }[];
  rows: MoveRow[];
}

/**
 * Reads a file of moves (see readTable); a row that cannot be read is kept with its errors, and
 * never stops the others.
 */
export async function readMovesFile(file: Buffer, mapping: Record<string, string> = {}): Promise<MovesFile> {
  const { columns, rows } = await readTable(file, HEADERS, mapping);
  const taken = columns.map((c) => c.column);
  // Without a person, or a from or to column, every row says so, and the preview shows how each
  // header was read, for the user to map them.
  const missing: Record<string, string> = {};
  if (!taken.includes('person')) missing.person = 'no column of the file is read as person: map one with columns';
  if (!taken.includes('from') && !taken.includes('to')) missing.to = 'no column of the file is read as from or to: map one with columns';
  return {
    columns,
    rows: rows.map(({ line, cell }) => {
      const row = readRow(line, cell);
      Object.assign(row.errors, missing);
      return row;
    }),
  };
}

function readRow(row: number, cell: Partial<Record<MoveColumn, string>>): MoveRow {
  const errors: Record<string, string> = {};
  const date = readDate(cell.date);
  if (date === undefined) errors.date = `"${cell.date}" is not a date: write 2023, 2023-11 or 2023-11-17`;
  const status = cell.status ? readWord(cell.status, MOVE_STATUSES, STATUS_WORDS) : MoveStatus.Announced;
  if (!status) errors.status = `"${cell.status}" is not a status: ${MOVE_STATUSES.join(', ')}`;
  const roleCategory = cell.roleCategory ? readWord(cell.roleCategory, ROLE_CATEGORIES, CATEGORY_WORDS) : RoleCategory.Researcher;
  if (!roleCategory) errors.roleCategory = `"${cell.roleCategory}" is not a role category: ${ROLE_CATEGORIES.join(', ')}`;
  const end = (side: 'from' | 'to') => {
    const name = cell[side];
    if (!name) return undefined;
    const sectorCell = cell[`${side}Sector`];
    const sector = sectorCell ? readWord(sectorCell, SECTORS, {}) : undefined;
    if (sectorCell && !sector) errors[`${side}Sector`] = `"${sectorCell}" is not a sector: ${SECTORS.join(', ')}`;
    const countryCell = cell[`${side}Country`];
    const country = countryCell ? countryCode(countryCell) : undefined;
    if (countryCell && !country) errors[`${side}Country`] = `"${countryCell}" is not a country name or code`;
    return { name, sector: sector ?? undefined, country };
  };
  const [from, to] = [end('from'), end('to')];
  if (!cell.person) errors.person = 'is empty';
  if (!from && !to) errors.to = 'a move needs where the person came from or went to';
  if (from && to && normalized(from.name) === normalized(to.name)) errors.to = 'is the organization the person came from';
  const url = cell.sourceUrl;
  if (url && !/^https?:\/\/\S+$/.test(url)) errors.sourceUrl = `"${url}" is not an address starting with http:// or https://`;
  return {
    row,
    person: cell.person ?? '',
    identifiers: identifiersIn(cell),
    from,
    to,
    effectiveOn: date?.on ?? null,
    datePrecision: date?.precision ?? DatePrecision.Day,
    role: cell.role ?? null,
    roleCategory: roleCategory ?? RoleCategory.Researcher,
    status: status ?? MoveStatus.Announced,
    source: url ? { url, title: cell.sourceTitle ?? null, publisher: cell.sourcePublisher ?? null } : undefined,
    notes: cell.notes ?? null,
    errors,
  };
}

