import { MigrationInterface, QueryRunner } from 'typeorm';
import { KEYED } from './1795756200000-IncrementalOrganizationRecount';
import { MOVE_COUNTS_SYNC, MOVE_PARENT_PAIRS_REBUILD, ORGANIZATION_MOVES_ADD } from './1795756600000-PairFieldCounts';
import { SLOTS, STATUS_COLUMN_DEFINITIONS, STATUS_COLUMNS } from './1795757500000-OrganizationFieldMonthCounts';
import { PARENT_FIELD_REBUILD, PARENT_MONTH_ROWS, RECOUNTED } from './1795758000000-ParentMonthCounts';
import { PARENT_MONTH_EXTRAS } from './1795758200000-OrganizationYearRoleCounts';

/** The moves trigger's extras as OrganizationYearRoleCounts left them. */
const YEAR_ROLE_EXTRAS = (row: string, delta: number) => [...PARENT_MONTH_EXTRAS(row, delta), `PERFORM organization_year_role_counts_add(${row}, ${delta});`];
/** move_parent_pairs_rebuild's extras as ParentMonthCounts left them. */
const PARENT_MONTH_REBUILD = `${PARENT_FIELD_REBUILD}\n    SELECT move_parent_month_counts_rebuild();`;

/** The new table in the set-based recount of an organisation's moves: each end of a move, keyed by its root. */
const PARENT_YEAR_ROWS: (typeof KEYED)[number][] = [
  { end: 'to', root: 'tr', arrival: 'true' },
  { end: 'from', root: 'fr', arrival: 'false' },
].map(({ end, root, arrival }) => ({
  by: 'parent' as const,
  table: 'parent_year_counts',
  key: [['root_id', `coalesce(${root}.root_id, m.${end}_organization_id)`], ['year', 'extract(year FROM m.effective_on)::int'], ['arrival', arrival]] as [string, string][],
  count: 'counts' as const,
  where: `m.${end}_organization_id IS NOT NULL`,
}));

/**
 * Written by hand: each top-level parent's arrivals (`arrival`) and departures per year, its
 * members' summed (a move between two members of one parent is both), every status × role
 * category folded into `counts` (`counts_<status>` sums a status). Net flows by parent over whole
 * years read these rows, already keyed by root, from the index on the year, rather than every
 * organisation's rows of `organization_year_counts` joined to their roots. Kept by the moves trigger; a change of parent
 * moves the rows of the organisations under it (or recounts them all with the other rows between
 * parents, from `move_counts`).
 */
export class ParentYearCounts1795758300000 implements MigrationInterface {
  name = 'ParentYearCounts1795758300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE parent_year_counts (
        root_id uuid NOT NULL, year integer, arrival boolean NOT NULL,
        counts integer[] NOT NULL, ${STATUS_COLUMN_DEFINITIONS.join(', ')}
      )
    `);
    // Moves with no date have no year: one row per parent and end holds them. The ranked parents'
    // years (AnalyticsService.organizationYearEnds, key by key).
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_parent_year_counts_key ON parent_year_counts (root_id, year, arrival)
      INCLUDE (${STATUS_COLUMNS.join(', ')}) NULLS NOT DISTINCT
    `);
    // Every parent's rows of a range of years: an index-only scan.
    await queryRunner.query(`
      CREATE INDEX ix_parent_year_counts_year ON parent_year_counts (year) INCLUDE (root_id, arrival, ${STATUS_COLUMNS.join(', ')})
    `);
    await queryRunner.query(`
      CREATE FUNCTION parent_year_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO parent_year_counts AS c (root_id, year, arrival, counts)
        SELECT coalesce((SELECT root_id FROM organization_roots WHERE organization_id = side.organization_id), side.organization_id),
               extract(year FROM m.effective_on)::int, side.arrival,
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        FROM (VALUES (m.to_organization_id, true), (m.from_organization_id, false)) AS side(organization_id, arrival)
        WHERE side.organization_id IS NOT NULL
        ON CONFLICT (root_id, year, arrival) DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    // From the monthly counts between organisations, up to date whenever this runs (move_pairs_rebuild).
    await queryRunner.query(`
      CREATE FUNCTION parent_year_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE parent_year_counts;
        INSERT INTO parent_year_counts (root_id, year, arrival, counts)
        SELECT root_id, year, arrival,
               ARRAY[${Array.from({ length: SLOTS }, (_, i) => `coalesce(sum(moves) FILTER (WHERE slot = ${i + 1}), 0)`).join(', ')}]::integer[]
        FROM (
          SELECT coalesce(r.root_id, c.to_organization_id) AS root_id, extract(year FROM c.month)::int AS year, true AS arrival,
                 move_count_slot(c.status, c.role_category) AS slot, c.moves
          FROM move_counts c LEFT JOIN organization_roots r ON r.organization_id = c.to_organization_id
          WHERE c.to_organization_id IS NOT NULL
          UNION ALL
          SELECT coalesce(r.root_id, c.from_organization_id), extract(year FROM c.month)::int, false,
                 move_count_slot(c.status, c.role_category), c.moves
          FROM move_counts c LEFT JOIN organization_roots r ON r.organization_id = c.from_organization_id
          WHERE c.from_organization_id IS NOT NULL
        ) ends
        GROUP BY 1, 2, 3;
      $$
    `);
    await queryRunner.query(
      MOVE_COUNTS_SYNC((row, delta) => [...YEAR_ROLE_EXTRAS(row, delta), `PERFORM parent_year_counts_add(${row}, ${delta});`].join('\n      ')),
    );
    await queryRunner.query(MOVE_PARENT_PAIRS_REBUILD(`${PARENT_MONTH_REBUILD}\n    SELECT parent_year_counts_rebuild();`));
    await queryRunner.query(ORGANIZATION_MOVES_ADD([...RECOUNTED, PARENT_MONTH_ROWS, ...PARENT_YEAR_ROWS]));
    await queryRunner.query('SELECT parent_year_counts_rebuild()');
    await queryRunner.query('ANALYZE parent_year_counts');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_MOVES_ADD([...RECOUNTED, PARENT_MONTH_ROWS]));
    await queryRunner.query(MOVE_PARENT_PAIRS_REBUILD(PARENT_MONTH_REBUILD));
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => YEAR_ROLE_EXTRAS(row, delta).join('\n      ')));
    await queryRunner.query('DROP FUNCTION parent_year_counts_rebuild()');
    await queryRunner.query('DROP FUNCTION parent_year_counts_add(moves, integer)');
    await queryRunner.query('DROP TABLE parent_year_counts');
  }
}
