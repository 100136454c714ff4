import { ROLE_CATEGORIES, RoleCategory, type RosterColumn } from '@talentflow/domain';
import { readDate, readTable, readWord } from '../table-file';
import { CATEGORY_WORDS } from '../moves/moves-file';
import { type Identifier, IDENTIFIER_HEADERS, identifiersIn } from '../matching';

/** The headers recognised for each column, in English and French. */
const HEADERS: Record<RosterColumn, string[]> = {
  date: ['date', 'snapshot', 'as of', 'observed on', 'au', 'releve', 'date du releve'],
  person: ['person', 'name', 'full name', 'member', 'personne', 'nom', 'nom complet', 'membre'],
  ...IDENTIFIER_HEADERS,
  roleCategory: ['role', 'category', 'role category', 'position', 'categorie', 'statut', 'poste'],
  affiliation: ['affiliation', 'lab', 'laboratory', 'team', 'organization', 'organisation', 'laboratoire', 'equipe'],
  nowAt: ['now at', 'left for', 'moved to', 'desormais', 'maintenant a', 'parti pour', 'partie pour', 'depart vers'],
};

/** One line of a roster: who was in which lab on which day, or had left it for `nowAt`. */
export interface RosterLine {
  line: number;
  on: string;
  person: string;
  identifiers: Partial<Record<Identifier, string>>;
  roleCategory: RoleCategory;
  affiliation: string;
  nowAt: string | null;
  errors: Record<string, string>;
}

/**
 * Reads a roster: dated snapshots of who is in a lab, one line per person and snapshot (the date
 * in a column, so that one file holds the series). A line with "now at" says the person had left
 * the lab for that place by that day.
 */
export async function readRoster(file: Buffer, mapping: Record<string, string> = {}) {
  const { columns, rows } = await readTable(file, HEADERS, mapping);
  const taken = columns.map((c) => c.column);
  const missing: Record<string, string> = {};
  for (const needed of ['date', 'person', 'affiliation'] as const) {
    if (!taken.includes(needed)) missing[needed] = `no column of the file is read as ${needed}: map one with columns`;
  }
  const lines: RosterLine[] = rows.map(({ line, cell }) => {
    const errors: Record<string, string> = { ...missing };
    // A snapshot taken at a time of day is that day's: two of one day make one snapshot.
    const date = readDate(cell.date?.replace(/[T ]\d{1,2}:\d{2}(:\d{2})?$/, ''));
    if (cell.date && (!date || date.precision !== 'day')) errors.date = `"${cell.date}" is not a day: write 2024-06-01 or 01/06/2024`;
    else if (!cell.date && !missing.date) errors.date = 'is empty';
    if (!cell.person && !missing.person) errors.person = 'is empty';
    if (!cell.affiliation && !missing.affiliation) errors.affiliation = 'is empty';
    const roleCategory = cell.roleCategory ? readWord(cell.roleCategory, ROLE_CATEGORIES, CATEGORY_WORDS) : RoleCategory.Researcher;
    if (!roleCategory) errors.roleCategory = `"${cell.roleCategory}" is not a role category: ${ROLE_CATEGORIES.join(', ')}`;
    return {
      line,
      on: date?.on ?? '',
      person: cell.person ?? '',
      identifiers: identifiersIn(cell),
      roleCategory: roleCategory ?? RoleCategory.Researcher,
      affiliation: cell.affiliation ?? '',
      nowAt: cell.nowAt ?? null,
      errors,
    };
  });
  return { columns, lines };
}
