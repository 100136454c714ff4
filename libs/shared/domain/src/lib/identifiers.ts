/**
 * Checks of the public identifiers a record may carry. Pure functions, shared by the API's
 * validation and the web app's forms so that both say the same thing.
 */

const ORCID_FORMAT = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** ORCID iDs end with an ISO 7064 MOD 11-2 check character computed over the 15 digits before it. */
export function isValidOrcid(value: string): boolean {
  if (!ORCID_FORMAT.test(value)) return false;
  const digits = value.replace(/-/g, '');
  let total = 0;
  for (const digit of digits.slice(0, 15)) {
    total = (total + Number(digit)) * 2;
  }
  const result = (12 - (total % 11)) % 11;
  const expected = result === 10 ? 'X' : String(result);
  return digits[15] === expected;
}

/** A Wikidata item id such as Q42. */
export const WIKIDATA_ID = /^Q[1-9]\d*$/;

/** A Google Scholar profile id, the `user=` of its address, such as 8ObLPWEAAAAJ. */
export const GOOGLE_SCHOLAR_ID = /^[A-Za-z0-9_-]{12}$/;

/** A DBLP person id (pid), such as 65/5936, 65/5936-1 or h/GeoffreyEHinton. */
export const DBLP_ID = /^(\d+\/\d+(-\d+)?|[a-z]\/[A-Za-z][A-Za-z0-9_=-]*)$/;

/** An OpenAlex author id, such as A5023888391. */
export const OPENALEX_AUTHOR_ID = /^A[1-9]\d{3,11}$/;

/** A ROR id in its short form (nine characters, starting with 0), such as 02kvxyf05. */
export const ROR_ID = /^0[a-hj-km-np-tv-z0-9]{6}\d{2}$/;

/** A date written as an ISO calendar date; checks the day exists (no 2023-02-30). */
export function isIsoCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
