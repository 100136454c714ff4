import { DatePrecision, MOVE_STATUSES, MoveStatus, ROLE_CATEGORIES, RoleCategory, Sector, SECTORS } from '@talentflow/domain';
import { parse } from 'csv-parse/sync';
import { type CellValue, Workbook } from 'exceljs';
import { invalid } from '../../common/api-errors';
import { countryCode } from '../countries';
import { normalized } from '../names';

/** What a column of a moves file can hold. */
export const MOVE_COLUMNS = [
  'person',
  'orcid',
  'wikidataId',
  'googleScholarId',
  'dblpId',
  'openalexId',
  'from',
  'fromSector',
  'fromCountry',
  'to',
  'toSector',
  'toCountry',
  'date',
  'role',
  'roleCategory',
  'status',
  'sourceUrl',
  'sourceTitle',
  'sourcePublisher',
  'notes',
] as const;
export type MoveColumn = (typeof MOVE_COLUMNS)[number];

/**
 * The headers recognised for each column, in English and French, compared accent- and
 * case-insensitively with spaces, dashes and underscores alike. Any other header is ignored
 * unless the user maps it (`columns`).
 */
const HEADERS: Record<MoveColumn, string[]> = {
  person: ['person', 'name', 'full name', 'researcher', 'personne', 'nom', 'nom complet', 'chercheur', 'chercheuse'],
  orcid: ['orcid', 'orcid id', 'orcid ID'],
  wikidataId: ['wikidata', 'wikidata id'],
  googleScholarId: ['google scholar', 'google scholar id', 'scholar'],
  dblpId: ['dblp', 'dblp id', 'dblp pid'],
  openalexId: ['openalex', 'openalex id'],
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

const headerKey = (header: string) => normalized(header).replace(/[-_'’.]+/g, ' ').replace(/\s+/g, ' ').trim();
const RECOGNISED = new Map(Object.entries(HEADERS).flatMap(([column, names]) => names.map((name) => [headerKey(name), column as MoveColumn])));

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
const CATEGORY_WORDS: Record<string, RoleCategory> = {
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

/** The largest file taken: larger ones are refused before they are read. */
export const MOVES_FILE_LIMIT_BYTES = 50 * 1024 * 1024;

/** The most rows a file may have. */
export const MOVES_FILE_ROW_LIMIT = 200_000;

/** A row of the file as text cells, and the line (CSV) or row (XLSX) of the file it ends on. */
type FileRecord = { record: string[]; info: { lines: number } };

/**
 * Reads a file of moves, CSV or XLSX (its first sheet): a BOM, CRLF and LF mixed, quotes inside
 * unquoted fields, blank lines and padding spaces are taken in stride; a row that cannot be read is
 * kept with its errors, and never stops the others. `mapping` (header → column, or "ignore")
 * overrides the recognised headers.
 */
export async function readMovesFile(file: Buffer, mapping: Record<string, string> = {}): Promise<MovesFile> {
  const records = isXlsx(file) ? await xlsxRecords(file) : csvRecords(file);
  const [{ record: headers = [] } = {}, ...lines] = records;
  const columns = headers.map((header) => {
    const mapped = mapping[header] ?? mapping[header.trim()];
    if (mapped !== undefined && mapped !== 'ignore' && !(MOVE_COLUMNS as readonly string[]).includes(mapped)) {
      throw invalid({ [`columns.${header}`]: `must be one of ${MOVE_COLUMNS.join(', ')} or ignore` });
    }
    const column = mapped === 'ignore' ? null : ((mapped as MoveColumn | undefined) ?? RECOGNISED.get(headerKey(header)) ?? null);
    return { header: header.trim(), column };
  });
  const taken = columns.map((c) => c.column).filter(Boolean);
  const twice = taken.find((column, i) => taken.indexOf(column) !== i);
  if (twice) throw invalid({ columns: `two columns of the file are read as ${twice}: map one of them to another column or to ignore` });
  if (headers.length === 0) throw invalid({ file: 'is empty: a moves file starts with a line of headers' });
  // Without a person, or a from or to column, every row says so, and the preview shows how each
  // header was read, for the user to map them.
  const missing: Record<string, string> = {};
  if (!taken.includes('person')) missing.person = 'no column of the file is read as person: map one with columns';
  if (!taken.includes('from') && !taken.includes('to')) missing.to = 'no column of the file is read as from or to: map one with columns';
  if (lines.length > MOVES_FILE_ROW_LIMIT) throw invalid({ file: `has more than ${MOVES_FILE_ROW_LIMIT.toLocaleString('en')} rows: split it` });
  return {
    columns,
    rows: lines.map(({ record: cells, info }) => {
      const cell: Partial<Record<MoveColumn, string>> = {};
      columns.forEach(({ column }, i) => {
        const value = cells[i]?.trim();
        if (column && value) cell[column] = value;
      });
      const row = readRow(info.lines, cell);
      Object.assign(row.errors, missing);
      return row;
    }),
  };
}

function csvRecords(file: Buffer): FileRecord[] {
  try {
    return parse(file, {
      info: true,
      bom: true,
      delimiter: sniffDelimiter(file),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      to: MOVES_FILE_ROW_LIMIT + 2, // the header, the rows allowed, and one more to tell a file too long
    }) as unknown as FileRecord[]; // the typings do not follow `info: true`
  } catch (error) {
    throw invalid({ file: `could not be read as CSV: ${(error as Error).message}` });
  }
}

/** An XLSX file is a ZIP archive: it starts with "PK". */
const isXlsx = (file: Buffer) => file[0] === 0x50 && file[1] === 0x4b;

/**
 * The first sheet's rows as text, as the CSV reader gives them: a date cell as YYYY-MM-DD, a number
 * as written (2023), a formula as its result, a link as its text; empty rows left out.
 */
async function xlsxRecords(file: Buffer): Promise<FileRecord[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (error) {
    throw invalid({ file: `could not be read as an XLSX workbook: ${(error as Error).message}` });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid({ file: 'has no sheet' });
  if (sheet.actualRowCount > MOVES_FILE_ROW_LIMIT + 1) throw invalid({ file: `has more than ${MOVES_FILE_ROW_LIMIT.toLocaleString('en')} rows: split it` });
  const records: FileRecord[] = [];
  sheet.eachRow((row, number) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((cell) => cell.trim())) records.push({ record: cells, info: { lines: number } });
  });
  return records;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('result' in value) return cellText(value.result as CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  return '';
}

/** Comma, semicolon (French spreadsheets) or tab: whichever the header line holds most of. */
function sniffDelimiter(file: Buffer): string {
  const firstLine = file.subarray(0, 4096).toString('utf8').split(/\r?\n|\r/)[0];
  return [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
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
    identifiers: {
      orcid: cell.orcid?.replace(/^https?:\/\/orcid\.org\//, ''),
      wikidataId: cell.wikidataId,
      googleScholarId: cell.googleScholarId?.replace(/^.*[?&]user=([^&]+).*$/, '$1'),
      dblpId: cell.dblpId?.replace(/^https?:\/\/dblp\.org\/pid\//, '').replace(/\.html$/, ''),
      openalexId: cell.openalexId?.replace(/^https?:\/\/openalex\.org\//, ''),
    },
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

/** `2023`, `2023-11`, `2023-11-17`, `11/2023` or `17/11/2023` → the date and its precision; null when empty; undefined when unreadable. */
function readDate(value: string | undefined): { on: string; precision: DatePrecision } | null | undefined {
  if (!value) return null;
  const [year, month, day] = ymd(value) ?? [];
  if (!year) return undefined;
  const on = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (on.getUTCFullYear() !== year || on.getUTCMonth() !== (month ?? 1) - 1 || on.getUTCDate() !== (day ?? 1)) return undefined;
  const precision = day ? DatePrecision.Day : month ? DatePrecision.Month : DatePrecision.Year;
  return { on: on.toISOString().slice(0, 10), precision };
}

/** Year, month and day as written ISO-style (year first) or French-style (day first, slashes). */
function ymd(value: string): number[] | undefined {
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (iso) return iso.slice(1).filter(Boolean).map(Number);
  const french = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(value);
  if (french) return french.slice(1).filter(Boolean).map(Number).reverse();
  return undefined;
}

/** A value among `allowed`, as written (case, accents, spaces and dashes aside) or through `words`. */
function readWord<T extends string>(value: string, allowed: readonly T[], words: Record<string, T>): T | null {
  const key = normalized(value).replace(/[-\s]+/g, '_');
  return allowed.find((a) => a === key) ?? words[key.replace(/_/g, ' ')] ?? null;
}
