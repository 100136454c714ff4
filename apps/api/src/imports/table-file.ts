import { DatePrecision } from '@talentflow/domain';
import { parse } from 'csv-parse/sync';
import { type CellValue, Workbook } from 'exceljs';
import { invalid } from '../common/api-errors';
import { normalized } from './names';

/** The largest spreadsheet taken: larger ones are refused before they are read. */
export const TABLE_FILE_LIMIT_BYTES = 50 * 1024 * 1024;

/** The most rows a spreadsheet may have. */
export const TABLE_ROW_LIMIT = 200_000;

/** A spreadsheet as its headers, each read as a column or not, and its rows as cells by column. */
export interface Table<C extends string> {
  columns: { header: string; column: C | null }[];
  rows: { line: number; cell: Partial<Record<C, string>> }[];
}

/** A header as compared with the recognised ones: accents, case, dashes and underscores aside. */
const headerKey = (header: string) => normalized(header).replace(/[-_'’.]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Reads a spreadsheet, CSV or XLSX (its first sheet): a BOM, CRLF and LF mixed, quotes inside
 * unquoted fields, blank lines and padding spaces are taken in stride. Each header is read as the
 * column whose recognised names (`headers`, in English and French) hold it, unless `mapping`
 * (header → column, or "ignore") says otherwise.
 */
export async function readTable<C extends string>(file: Buffer, headers: Record<C, string[]>, mapping: Record<string, string> = {}): Promise<Table<C>> {
  const known = Object.keys(headers) as C[];
  const recognised = new Map(known.flatMap((column) => headers[column].map((name) => [headerKey(name), column] as const)));
  const records = isXlsx(file) ? await xlsxRecords(file) : csvRecords(file);
  const [{ record: names = [] } = {}, ...lines] = records;
  if (names.length === 0) throw invalid({ file: 'is empty: a spreadsheet starts with a line of headers' });
  if (lines.length > TABLE_ROW_LIMIT) throw invalid({ file: `has more than ${TABLE_ROW_LIMIT.toLocaleString('en')} rows: split it` });
  const columns = names.map((header) => {
    const mapped = mapping[header] ?? mapping[header.trim()];
    if (mapped !== undefined && mapped !== 'ignore' && !(known as string[]).includes(mapped)) {
      throw invalid({ [`columns.${header}`]: `must be one of ${known.join(', ')} or ignore` });
    }
    const column = mapped === 'ignore' ? null : ((mapped as C | undefined) ?? recognised.get(headerKey(header)) ?? null);
    return { header: header.trim(), column };
  });
  const taken = columns.map((c) => c.column).filter(Boolean);
  const twice = taken.find((column, i) => taken.indexOf(column) !== i);
  if (twice) throw invalid({ columns: `two columns of the file are read as ${twice}: map one of them to another column or to ignore` });
  return {
    columns,
    rows: lines.map(({ record, info }) => {
      const cell: Partial<Record<C, string>> = {};
      columns.forEach(({ column }, i) => {
        const value = record[i]?.trim();
        if (column && value) cell[column] = value;
      });
      return { line: info.lines, cell };
    }),
  };
}

/** A row of the file as text cells, and the line (CSV) or row (XLSX) of the file it ends on. */
type FileRecord = { record: string[]; info: { lines: number } };

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
      to: TABLE_ROW_LIMIT + 2, // the header, the rows allowed, and one more to tell a file too long
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
  if (sheet.actualRowCount > TABLE_ROW_LIMIT + 1) throw invalid({ file: `has more than ${TABLE_ROW_LIMIT.toLocaleString('en')} rows: split it` });
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


/** `2023`, `2023-11`, `2023-11-17`, `11/2023` or `17/11/2023` → the date and its precision; null when empty; undefined when unreadable. */
export function readDate(value: string | undefined): { on: string; precision: DatePrecision } | null | undefined {
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
export function readWord<T extends string>(value: string, allowed: readonly T[], words: Record<string, T>): T | null {
  const key = normalized(value).replace(/[-\s]+/g, '_');
  return allowed.find((a) => a === key) ?? words[key.replace(/_/g, ' ')] ?? null;
}
