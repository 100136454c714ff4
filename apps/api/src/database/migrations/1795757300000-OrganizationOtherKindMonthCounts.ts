import { MigrationInterface, QueryRunner } from 'typeorm';
import { FIELD_MONTH_ROWS } from './1795757000000-FieldMonthCounts';
import { KEYED } from './1795756200000-IncrementalOrganizationRecount';
import { MOVE_COUNTS_SYNC, ORGANIZATION_MOVES_ADD, PARENT_FIELD_ROWS } from './1795756600000-PairFieldCounts';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
const ROLES = 6;
const SLOTS = STATUSES.length * ROLES;
const STATUS_COLUMNS = STATUSES.map((status) => `counts_${status}`);
const FOLDED = `ARRAY[${Array.from({ length: SLOTS }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})`).join(', ')}]::integer[]`;

/** Each end of the live moves, keyed by the kinds of the other end, by year or by month. */
const SIDES = (period: 'year' | 'month') => {
  const named = period === 'year' ? 'extract(year FROM m.effective_on)::int AS year' : `date_trunc('month', m.effective_on)::date AS month, m.date_precision = 'year' AS whole_year`;
  const key = named.replace(/ AS \w+/g, '');
  return `
    SELECT m.to_organization_id AS organization_id, ${named}, true AS arrival,
           f.sector AS other_sector, f.country AS other_country, move_count_slot(m.status, m.role_category) AS slot
    FROM moves m LEFT JOIN organizations f ON f.id = m.from_organization_id
    WHERE m.deleted_at IS NULL AND m.to_organization_id IS NOT NULL
    UNION ALL
    SELECT m.from_organization_id, ${key}, false, t.sector, t.country, move_count_slot(m.status, m.role_category)
    FROM moves m LEFT JOIN organizations t ON t.id = m.to_organization_id
    WHERE m.deleted_at IS NULL AND m.from_organization_id IS NOT NULL`;
};

/** As OrganizationOtherKindCounts left it (`months` false), or rebuilding the monthly split too. */
const REBUILD = (months: boolean) => `
  CREATE OR REPLACE FUNCTION organization_other_kind_counts_rebuild() RETURNS void LANGUAGE sql AS $$
    TRUNCATE organization_other_kind_counts;
    INSERT INTO organization_other_kind_counts (organization_id, year, arrival, other_sector, other_country, counts)
    SELECT organization_id, year, arrival, other_sector, other_country, ${FOLDED}
    FROM (${SIDES('year')}) sides
    GROUP BY 1, 2, 3, 4, 5;
    ${
      months
        ? `TRUNCATE organization_other_kind_month_counts;
    INSERT INTO organization_other_kind_month_counts (organization_id, month, whole_year, arrival, other_sector, other_country, counts)
    SELECT organization_id, month, whole_year, arrival, other_sector, other_country, ${FOLDED}
    FROM (${SIDES('month')}) sides
    GROUP BY 1, 2, 3, 4, 5, 6;`
        : ''
    }
  $$`;

/** The moves trigger's extras as FieldMonthCounts left them. */
const FIELD_EXTRAS = (row: string, delta: number) => [
  `PERFORM move_pair_field_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`,
  ...['sector', 'country'].map((kind) => `PERFORM move_${kind}_field_month_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`),
];

/** The new table in the set-based recount of an organisation's moves (see IncrementalOrganizationRecount). */
export const MONTH_ROWS: typeof KEYED = [
  { end: 'to', other: 'f', arrival: 'true' },
  { end: 'from', other: 't', arrival: 'false' },
].map(({ end, other, arrival }) => ({
  by: 'kinds' as const,
  table: 'organization_other_kind_month_counts',
  key: [
    ['organization_id', `m.${end}_organization_id`],
    ['month', `date_trunc('month', m.effective_on)::date`],
    ['whole_year', `m.date_precision = 'year'`],
    ['arrival', arrival],
    ['other_sector', `${other}.sector`],
    ['other_country', `${other}.country`],
  ] as [string, string][],
  count: 'counts' as const,
  where: `m.${end}_organization_id IS NOT NULL`,
}));

/**
 * Written by hand: `organization_other_kind_counts` by month (each organisation's arrivals and
 * departures per month by the sector and country at the other end; ~1.1 million rows at a million
 * moves). Net flows per month or quarter by organisation or parent with a sector or country filter
 * would aggregate every pair's monthly counts with both ends' organisations; they are ranked from
 * the yearly tables and broken
 * down by month for the ranked organisations only, from their rows of this table, read through its
 * key (which leads with the organisation and carries every count). Kept by the moves trigger and by
 * a change of an organisation's sector or country; rebuilt with the yearly table.
 */
export class OrganizationOtherKindMonthCounts1795757300000 implements MigrationInterface {
  name = 'OrganizationOtherKindMonthCounts1795757300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const statusColumns = STATUSES.map((status, i) => {
      const slots = Array.from({ length: ROLES }, (_, role) => `counts[${i * ROLES + role + 1}]`).join(' + ');
      return `counts_${status} integer GENERATED ALWAYS AS (${slots}) STORED`;
    });
    await queryRunner.query(`
      CREATE TABLE organization_other_kind_month_counts (
        organization_id uuid NOT NULL, month date, whole_year boolean NOT NULL, arrival boolean NOT NULL,
        other_sector sector, other_country character(2), counts integer[] NOT NULL, ${statusColumns.join(', ')}
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_organization_other_kind_month_counts_key
      ON organization_other_kind_month_counts (organization_id, month, whole_year, arrival, other_sector, other_country)
      INCLUDE (${STATUS_COLUMNS.join(', ')}, counts) NULLS NOT DISTINCT
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_other_kind_month_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO organization_other_kind_month_counts AS c (organization_id, month, whole_year, arrival, other_sector, other_country, counts)
        SELECT side.organization_id, date_trunc('month', m.effective_on)::date, m.date_precision = 'year', side.arrival, other.sector, other.country,
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        FROM (VALUES (m.to_organization_id, true, m.from_organization_id), (m.from_organization_id, false, m.to_organization_id))
             AS side(organization_id, arrival, other_id)
        LEFT JOIN organizations other ON other.id = side.other_id
        WHERE side.organization_id IS NOT NULL
        ON CONFLICT (organization_id, month, whole_year, arrival, other_sector, other_country)
        DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    await queryRunner.query(REBUILD(true));
    await queryRunner.query(
      MOVE_COUNTS_SYNC((row, delta) => [...FIELD_EXTRAS(row, delta), `PERFORM organization_other_kind_month_counts_add(${row}, ${delta});`].join('\n      ')),
    );
    await queryRunner.query(ORGANIZATION_MOVES_ADD([...KEYED, PARENT_FIELD_ROWS, ...FIELD_MONTH_ROWS, ...MONTH_ROWS]));
    await queryRunner.query('SELECT organization_other_kind_counts_rebuild()');
    await queryRunner.query('ANALYZE organization_other_kind_month_counts');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // As FieldMonthCounts left them.
    await queryRunner.query(ORGANIZATION_MOVES_ADD([...KEYED, PARENT_FIELD_ROWS, ...FIELD_MONTH_ROWS]));
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => FIELD_EXTRAS(row, delta).join('\n      ')));
    await queryRunner.query(REBUILD(false));
    await queryRunner.query('DROP FUNCTION organization_other_kind_month_counts_add(moves, integer)');
    await queryRunner.query('DROP TABLE organization_other_kind_month_counts');
  }
}
