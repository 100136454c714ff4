/**
 * The columns a spreadsheet of each kind can hold, shared by the API (which reads them) and the web
 * app (which offers them when a header must be mapped by hand).
 */
const IDENTIFIER_COLUMNS = ['orcid', 'wikidataId', 'googleScholarId', 'dblpId', 'openalexId'] as const;

export const MOVE_COLUMNS = [
  'person',
  ...IDENTIFIER_COLUMNS,
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

export const ROSTER_COLUMNS = ['date', 'person', ...IDENTIFIER_COLUMNS, 'roleCategory', 'affiliation', 'nowAt'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
