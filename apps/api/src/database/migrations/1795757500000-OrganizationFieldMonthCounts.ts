import { MigrationInterface, QueryRunner } from 'typeorm';
import { MOVE_COUNTS_SYNC, PERSON_FIELDS_CHANGED } from './1795756600000-PairFieldCounts';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
export const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
export const ROLES = 6;
export const SLOTS = STATUSES.length * ROLES;
export const STATUS_COLUMNS = STATUSES.map((status) => `counts_${status}`);
/** Each status's count, summed from its role slots of the folded `counts`: generated columns. */
export const STATUS_COLUMN_DEFINITIONS = STATUSES.map((status, i) => {
  const slots = Array.from({ length: ROLES }, (_, role) => `counts[${i * ROLES + role + 1}]`).join(' + ');
  return `counts_${status} integer GENERATED ALWAYS AS (${slots}) STORED`;
});
export const FOLDED = `ARRAY[${Array.from({ length: SLOTS }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})`).join(', ')}]::integer[]`;

/** The moves trigger's extras as OrganizationOtherKindMonthCounts left them. */
export const EXTRAS = (row: string, delta: number) => [
  `PERFORM move_pair_field_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`,
  ...['sector', 'country'].map((kind) => `PERFORM move_${kind}_field_month_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`),
  `PERFORM organization_other_kind_month_counts_add(${row}, ${delta});`,
];

/** The people-fields trigger's extras as FieldMonthCounts left them (calls with each move `m`). */
const PERSON_EXTRAS = [
  'move_pair_field_counts_add(m, OLD.fields, -1)',
  'move_pair_field_counts_add(m, NEW.fields, 1)',
  ...['sector', 'country'].map((kind) => `move_${kind}_field_month_counts_add(m, OLD.fields, -1)`),
  ...['sector', 'country'].map((kind) => `move_${kind}_field_month_counts_add(m, NEW.fields, 1)`),
];

/** As OrganizationMonthCounts left it (the same text, so that `down` restores it exactly), plus `extra`. */
export const ORGANIZATION_MONTH_COUNTS_REBUILD = (extra: string) => `
      CREATE OR REPLACE FUNCTION organization_month_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE organization_month_counts;
        INSERT INTO organization_month_counts
        SELECT organization_id, month, status, role_category, sum(arrivals), sum(departures)
        FROM (
          SELECT to_organization_id AS organization_id, date_trunc('month', effective_on)::date AS month, status, role_category,
                 1 AS arrivals, 0 AS departures
          FROM moves WHERE deleted_at IS NULL AND to_organization_id IS NOT NULL
          UNION ALL
          SELECT from_organization_id, date_trunc('month', effective_on)::date, status, role_category, 0, 1
          FROM moves WHERE deleted_at IS NULL AND from_organization_id IS NOT NULL
        ) sides
        GROUP BY 1, 2, 3, 4;${extra ? `\n        ${extra}` : ''}
      $$`;

/**
 * Written by hand: each organisation's arrivals and departures per month split by the mover's set
 * of research fields (`organization_month_counts` as the pair counts are split by
 * `move_pair_field_counts`; ~850,000 rows at a million moves, 8 distinct sets). Net flows per month
 * or quarter by organisation or parent with a research field rank every organisation from this table set by set (its index on (set, month) carries every count), and the
 * ranked ones broken down from their own rows, read key by key through its key (which leads with
 * the organisation). Kept by the moves trigger and by the trigger on people's fields (an
 * organisation's sector, country or parent is not in it); rebuilt with `organization_month_counts`.
 */
export class OrganizationFieldMonthCounts1795757500000 implements MigrationInterface {
  name = 'OrganizationFieldMonthCounts1795757500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_field_month_counts (
        organization_id uuid NOT NULL, month date, whole_year boolean NOT NULL, arrival boolean NOT NULL, fields text[] NOT NULL,
        counts integer[] NOT NULL, ${STATUS_COLUMN_DEFINITIONS.join(', ')}
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_organization_field_month_counts_key
      ON organization_field_month_counts (organization_id, month, whole_year, arrival, fields)
      INCLUDE (${STATUS_COLUMNS.join(', ')}, counts) NULLS NOT DISTINCT
    `);
    // Every organisation's rows of one set of fields and a range of months (read set by set, as
    // the other tables split by fields: see AnalyticsService.organizationFieldMonthEnds).
    await queryRunner.query(`
      CREATE INDEX ix_organization_field_month_counts_fields ON organization_field_month_counts (fields, month)
      INCLUDE (organization_id, whole_year, arrival, ${STATUS_COLUMNS.join(', ')}, counts)
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_field_month_counts_add(m moves, fields text[], delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO organization_field_month_counts AS c (organization_id, month, whole_year, arrival, fields, counts)
        SELECT side.organization_id, date_trunc('month', m.effective_on)::date, m.date_precision = 'year', side.arrival, field_set(fields),
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        FROM (VALUES (m.to_organization_id, true), (m.from_organization_id, false)) AS side(organization_id, arrival)
        WHERE side.organization_id IS NOT NULL
        ON CONFLICT (organization_id, month, whole_year, arrival, fields)
        DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_field_month_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE organization_field_month_counts;
        INSERT INTO organization_field_month_counts (organization_id, month, whole_year, arrival, fields, counts)
        SELECT organization_id, month, whole_year, arrival, fields, ${FOLDED}
        FROM (
          SELECT side.organization_id, date_trunc('month', m.effective_on)::date AS month, m.date_precision = 'year' AS whole_year,
                 side.arrival, field_set(p.fields) AS fields, move_count_slot(m.status, m.role_category) AS slot
          FROM moves m JOIN people p ON p.id = m.person_id
          CROSS JOIN LATERAL (VALUES (m.to_organization_id, true), (m.from_organization_id, false)) AS side(organization_id, arrival)
          WHERE m.deleted_at IS NULL AND side.organization_id IS NOT NULL
        ) sides
        GROUP BY 1, 2, 3, 4, 5;
      $$
    `);
    await queryRunner.query(ORGANIZATION_MONTH_COUNTS_REBUILD('SELECT organization_field_month_counts_rebuild();'));
    await queryRunner.query(
      MOVE_COUNTS_SYNC((row, delta) =>
        [...EXTRAS(row, delta), `PERFORM organization_field_month_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`].join(
          '\n      ',
        ),
      ),
    );
    await queryRunner.query(
      PERSON_FIELDS_CHANGED(
        [...PERSON_EXTRAS, 'organization_field_month_counts_add(m, OLD.fields, -1)', 'organization_field_month_counts_add(m, NEW.fields, 1)']
          .map((call) => `, ${call}`)
          .join(''),
      ),
    );
    await queryRunner.query('SELECT organization_field_month_counts_rebuild()');
    await queryRunner.query('ANALYZE organization_field_month_counts');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // As OrganizationOtherKindMonthCounts and FieldMonthCounts left them.
    await queryRunner.query(PERSON_FIELDS_CHANGED(PERSON_EXTRAS.map((call) => `, ${call}`).join('')));
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => EXTRAS(row, delta).join('\n      ')));
    await queryRunner.query(ORGANIZATION_MONTH_COUNTS_REBUILD(''));
    await queryRunner.query('DROP FUNCTION organization_field_month_counts_rebuild()');
    await queryRunner.query('DROP FUNCTION organization_field_month_counts_add(moves, text[], integer)');
    await queryRunner.query('DROP TABLE organization_field_month_counts');
  }
}
