/**
 * Which records point at which: every foreign key between the recoverable resources. A delete is
 * refused while live records point at the record; a restore while the record points at a deleted one.
 */
export interface Reference {
  /** The table holding the foreign key, its column, and the JSON field that shows it. */
  table: string;
  column: string;
  field: string;
  /** The table it points to. */
  target: string;
}

export const REFERENCES: Reference[] = [
  { table: 'organizations', column: 'parent_id', field: 'parentId', target: 'organizations' },
  { table: 'moves', column: 'person_id', field: 'personId', target: 'people' },
  { table: 'moves', column: 'from_organization_id', field: 'fromOrganizationId', target: 'organizations' },
  { table: 'moves', column: 'to_organization_id', field: 'toOrganizationId', target: 'organizations' },
  { table: 'headcount_targets', column: 'organization_id', field: 'organizationId', target: 'organizations' },
  { table: 'headcount_observations', column: 'organization_id', field: 'organizationId', target: 'organizations' },
];
