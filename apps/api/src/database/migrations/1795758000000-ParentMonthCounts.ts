import { MigrationInterface, QueryRunner } from 'typeorm';
import { KEYED } from './1795756200000-IncrementalOrganizationRecount';
import { MOVE_COUNTS_SYNC, MOVE_PARENT_PAIRS_REBUILD, ORGANIZATION_MOVES_ADD, PARENT_FIELD_ROWS } from './1795756600000-PairFieldCounts';
import { FIELD_MONTH_ROWS } from './1795757000000-FieldMonthCounts';
import { MONTH_ROWS } from './1795757300000-OrganizationOtherKindMonthCounts';
import { SLOTS, STATUS_COLUMN_DEFINITIONS, STATUS_COLUMNS } from './1795757500000-OrganizationFieldMonthCounts';
import { FIELD_MONTH_EXTRAS } from './1795757700000-OrganizationArrivalMonthCounts';

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** The moves trigger's extras as OrganizationArrivalMonthCounts left them. */
export const ARRIVAL_MONTH_EXTRAS = (row: string, delta: number) => [...FIELD_MONTH_EXTRAS(row, delta), `PERFORM organization_arrival_month_counts_add(${row}, ${delta});`];
/** move_parent_pairs_rebuild's extra as PairFieldCounts left it. */
export const PARENT_FIELD_REBUILD = 'SELECT move_pair_field_parents_rebuild();';
/** The set-based recount's tables as OrganizationOtherKindMonthCounts left them (see IncrementalOrganizationRecount). */
export const RECOUNTED = [...KEYED, PARENT_FIELD_ROWS, ...FIELD_MONTH_ROWS, ...MONTH_ROWS];

/** The new table in the set-based recount of an organisation's moves: a change of parent moves its rows. */
export const PARENT_MONTH_ROWS: (typeof KEYED)[number] = {
  by: 'parent',
  table: 'move_parent_month_counts',
  key: [
    ['from_root', `coalesce(fr.root_id, m.from_organization_id, ${NIL})`],
    ['to_root', `coalesce(tr.root_id, m.to_organization_id, ${NIL})`],
    ['month', `date_trunc('month', m.effective_on)::date`],
    ['whole_year', `m.date_precision = 'year'`],
  ],
  count: 'counts',
};

/**
 * Written by hand: moves per month between top-level parents (an unknown side is the nil uuid),
 * every status × role category folded into `counts` (`counts_<status>` sums a status), and whether
 * the moves are known only to the year. `move_counts` is by organisation, so flows between parents
 * over months would join its rows to their roots at both ends. From here, the busiest pairs of
 * parents are the same threshold top-N as between organisations (each candidate pair counted
 * through the key), and aggregating reads rows already keyed by root.
 * Kept by the moves trigger; a change of parent moves an organisation's rows (or recounts them all
 * with the other rows between parents, from `move_counts`).
 */
export class ParentMonthCounts1795758000000 implements MigrationInterface {
  name = 'ParentMonthCounts1795758000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE move_parent_month_counts (
        from_root uuid NOT NULL, to_root uuid NOT NULL, month date, whole_year boolean NOT NULL,
        counts integer[] NOT NULL, ${STATUS_COLUMN_DEFINITIONS.join(', ')}
      )
    `);
    // A candidate pair's months (AnalyticsService.candidateCount).
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_parent_month_counts_key ON move_parent_month_counts (from_root, to_root, month, whole_year)
      INCLUDE (${STATUS_COLUMNS.join(', ')}, counts) NULLS NOT DISTINCT
    `);
    // Every pair's rows of a range of months, and those of moves known only to the year in the year before it.
    await queryRunner.query(`
      CREATE INDEX ix_move_parent_month_counts_month ON move_parent_month_counts (month)
      INCLUDE (from_root, to_root, whole_year, ${STATUS_COLUMNS.join(', ')}, counts)
    `);
    await queryRunner.query(`
      CREATE INDEX ix_move_parent_month_counts_year_only ON move_parent_month_counts (month)
      INCLUDE (from_root, to_root, ${STATUS_COLUMNS.join(', ')}, counts) WHERE whole_year
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_parent_month_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO move_parent_month_counts AS c (from_root, to_root, month, whole_year, counts)
        SELECT coalesce((SELECT root_id FROM organization_roots WHERE organization_id = m.from_organization_id), m.from_organization_id, ${NIL}),
               coalesce((SELECT root_id FROM organization_roots WHERE organization_id = m.to_organization_id), m.to_organization_id, ${NIL}),
               date_trunc('month', m.effective_on)::date, m.date_precision = 'year',
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        ON CONFLICT (from_root, to_root, month, whole_year) DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    // From the monthly counts between organisations, up to date whenever this runs (move_pairs_rebuild).
    await queryRunner.query(`
      CREATE FUNCTION move_parent_month_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE move_parent_month_counts;
        INSERT INTO move_parent_month_counts (from_root, to_root, month, whole_year, counts)
        SELECT from_root, to_root, month, whole_year,
               ARRAY[${Array.from({ length: SLOTS }, (_, i) => `coalesce(sum(moves) FILTER (WHERE slot = ${i + 1}), 0)`).join(', ')}]::integer[]
        FROM (
          SELECT coalesce(fr.root_id, c.from_organization_id, ${NIL}) AS from_root, coalesce(tr.root_id, c.to_organization_id, ${NIL}) AS to_root,
                 c.month, c.date_precision = 'year' AS whole_year, move_count_slot(c.status, c.role_category) AS slot, c.moves
          FROM move_counts c
          LEFT JOIN organization_roots fr ON fr.organization_id = c.from_organization_id
          LEFT JOIN organization_roots tr ON tr.organization_id = c.to_organization_id
        ) pairs
        GROUP BY 1, 2, 3, 4;
      $$
    `);
    await queryRunner.query(
      MOVE_COUNTS_SYNC((row, delta) => [...ARRIVAL_MONTH_EXTRAS(row, delta), `PERFORM move_parent_month_counts_add(${row}, ${delta});`].join('\n      ')),
    );
    await queryRunner.query(MOVE_PARENT_PAIRS_REBUILD(`${PARENT_FIELD_REBUILD}\n    SELECT move_parent_month_counts_rebuild();`));
    await queryRunner.query(ORGANIZATION_MOVES_ADD([...RECOUNTED, PARENT_MONTH_ROWS]));
    await queryRunner.query('SELECT move_parent_month_counts_rebuild()');
    await queryRunner.query('ANALYZE move_parent_month_counts');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_MOVES_ADD(RECOUNTED));
    await queryRunner.query(MOVE_PARENT_PAIRS_REBUILD(PARENT_FIELD_REBUILD));
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => ARRIVAL_MONTH_EXTRAS(row, delta).join('\n      ')));
    await queryRunner.query('DROP FUNCTION move_parent_month_counts_rebuild()');
    await queryRunner.query('DROP FUNCTION move_parent_month_counts_add(moves, integer)');
    await queryRunner.query('DROP TABLE move_parent_month_counts');
  }
}
