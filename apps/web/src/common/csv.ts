import jsonExport from 'jsonexport/dist';

/** What a spreadsheet would read as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text a spreadsheet would run as a formula is written with a leading apostrophe: shown, not run. */
export const asSpreadsheetText = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** Rows as CSV in which no cell is a formula: every export goes through here. */
export function toCsv(rows: object[]): Promise<string> {
  return jsonExport(rows, { typeHandlers: { String: asSpreadsheetText } });
}
