import { MigrationInterface, QueryRunner } from 'typeorm';
import { MOVE_COUNTS_SYNC } from './1795756600000-PairFieldCounts';
import {
  EXTRAS,
  FOLDED,
  ORGANIZATION_MONTH_COUNTS_REBUILD,
  SLOTS,
  STATUS_COLUMN_DEFINITIONS,
  STATUS_COLUMNS,
} from './1795757500000-OrganizationFieldMonthCounts';

/** The moves trigger's extras as OrganizationFieldMonthCounts left them. */
export const FIELD_MONTH_EXTRAS = (row: string, delta: number) => [
  ...EXTRAS(row, delta),
  `PERFORM organization_field_month_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`,
];
const FIELD_MONTH_REBUILD = 'SELECT organization_field_month_counts_rebuild();';

/**
 * Written by hand: each organisation's arrivals and departures per month, every status × role
 * category folded into one row (and whether the moves are known only to the year), as
 * `organization_field_month_counts` without the split by fields: ~530,000 rows at a million moves
 * where `organization_month_counts` has a row per status and role category (~860,000), and the
 * moves known only to a year that begins before a range are rows here, not moves to read. Net flows
 * by organisation or parent over whole months (or the whole months of a range that cuts them)
 * without a role filter rank every organisation from it through its index on the month, and break
 * the ranked ones down through its key. `organization_month_counts` stays for the headcount series
 * and a role filter (its rows of one role are fewer). Kept by the moves trigger; rebuilt with
 * `organization_month_counts`.
 */
export class OrganizationArrivalMonthCounts1795757700000 implements MigrationInterface {
  name = 'OrganizationArrivalMonthCounts1795757700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_arrival_month_counts (
        organization_id uuid NOT NULL, month date, whole_year boolean NOT NULL, arrival boolean NOT NULL,
        counts integer[] NOT NULL, ${STATUS_COLUMN_DEFINITIONS.join(', ')}
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_organization_arrival_month_counts_key
      ON organization_arrival_month_counts (organization_id, month, whole_year, arrival)
      INCLUDE (${STATUS_COLUMNS.join(', ')}, counts) NULLS NOT DISTINCT
    `);
    // Every organisation's rows of a range of months (AnalyticsService.organizationMonthEnds).
    await queryRunner.query(`
      CREATE INDEX ix_organization_arrival_month_counts_month ON organization_arrival_month_counts (month)
      INCLUDE (organization_id, whole_year, arrival, ${STATUS_COLUMNS.join(', ')}, counts)
    `);
    // The rows of moves known only to the year, in the year before a range (~14 % of the rows): by
    // the index above, every row of those twelve months was read to keep them.
    await queryRunner.query(`
      CREATE INDEX ix_organization_arrival_month_counts_year_only ON organization_arrival_month_counts (month)
      INCLUDE (organization_id, arrival, ${STATUS_COLUMNS.join(', ')}, counts) WHERE whole_year
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_arrival_month_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO organization_arrival_month_counts AS c (organization_id, month, whole_year, arrival, counts)
        SELECT side.organization_id, date_trunc('month', m.effective_on)::date, m.date_precision = 'year', side.arrival,
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        FROM (VALUES (m.to_organization_id, true), (m.from_organization_id, false)) AS side(organization_id, arrival)
        WHERE side.organization_id IS NOT NULL
        ON CONFLICT (organization_id, month, whole_year, arrival)
        DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_arrival_month_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE organization_arrival_month_counts;
        INSERT INTO organization_arrival_month_counts (organization_id, month, whole_year, arrival, counts)
        SELECT organization_id, month, whole_year, arrival, ${FOLDED}
        FROM (
          SELECT side.organization_id, date_trunc('month', m.effective_on)::date AS month, m.date_precision = 'year' AS whole_year,
                 side.arrival, move_count_slot(m.status, m.role_category) AS slot
          FROM moves m
          CROSS JOIN LATERAL (VALUES (m.to_organization_id, true), (m.from_organization_id, false)) AS side(organization_id, arrival)
          WHERE m.deleted_at IS NULL AND side.organization_id IS NOT NULL
        ) sides
        GROUP BY 1, 2, 3, 4;
      $$
    `);
    await queryRunner.query(ORGANIZATION_MONTH_COUNTS_REBUILD(`${FIELD_MONTH_REBUILD}\n        SELECT organization_arrival_month_counts_rebuild();`));
    await queryRunner.query(
      MOVE_COUNTS_SYNC((row, delta) => [...FIELD_MONTH_EXTRAS(row, delta), `PERFORM organization_arrival_month_counts_add(${row}, ${delta});`].join('\n      ')),
    );
    await queryRunner.query('SELECT organization_arrival_month_counts_rebuild()');
    await queryRunner.query('ANALYZE organization_arrival_month_counts');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // As OrganizationFieldMonthCounts left them.
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => FIELD_MONTH_EXTRAS(row, delta).join('\n      ')));
    await queryRunner.query(ORGANIZATION_MONTH_COUNTS_REBUILD(FIELD_MONTH_REBUILD));
    await queryRunner.query('DROP FUNCTION organization_arrival_month_counts_rebuild()');
    await queryRunner.query('DROP FUNCTION organization_arrival_month_counts_add(moves, integer)');
    await queryRunner.query('DROP TABLE organization_arrival_month_counts');
  }
}
