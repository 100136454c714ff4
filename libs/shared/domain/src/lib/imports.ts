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

/** The kinds of record a spreadsheet can hold one per row, each named as its REST resource. */
export const RECORD_KINDS = ['organizations', 'people', 'sources', 'headcount-targets', 'headcount-observations'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The columns of a spreadsheet of each kind of record: the record's own fields, with names for what
 * they point at (an organisation by name or ROR id, a source by its address).
 */
export const RECORD_COLUMNS = {
  organizations: ['name', 'aliases', 'sector', 'country', 'city', 'website', 'foundedOn', 'rorId', 'wikidataId', 'parent'],
  people: ['name', 'aliases', ...IDENTIFIER_COLUMNS, 'homepage', 'fields', 'notes'],
  sources: ['url', 'title', 'publisher', 'publishedOn', 'language', 'excerpt'],
  'headcount-targets': ['organization', 'population', 'target', 'low', 'high', 'dueBy', 'statedOn', 'sourceUrl'],
  'headcount-observations': ['organization', 'population', 'count', 'observedOn', 'sourceUrl'],
} as const satisfies Record<RecordKind, readonly string[]>;
export type RecordColumn<K extends RecordKind = RecordKind> = (typeof RECORD_COLUMNS)[K][number];
