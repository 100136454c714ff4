import { MigrationInterface, QueryRunner } from 'typeorm';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
const ROLES = 6;
const SLOTS = STATUSES.length * ROLES;

/** `column[first] + … + column[last]`: one status's slots, every role category. */
const statusSum = (column: string, status: number) =>
  Array.from({ length: ROLES }, (_, role) => `${column}[${status * ROLES + role + 1}]`).join(' + ');

const zeros = `array_fill(0, ARRAY[${SLOTS}])`;

const MOVE_COUNTS_REBUILD = (extra: string) => `
  CREATE OR REPLACE FUNCTION move_counts_rebuild() RETURNS void LANGUAGE sql AS $$
    TRUNCATE move_counts;
    INSERT INTO move_counts
    SELECT date_trunc('month', effective_on)::date, from_organization_id, to_organization_id,
           status, role_category, date_precision, count(*)
    FROM moves WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6;
    SELECT move_kind_counts_rebuild();
    SELECT organization_month_counts_rebuild();
    SELECT move_pairs_rebuild();
    SELECT move_kind_month_counts_rebuild();
    ${extra}
  $$`;

const MOVE_COUNTS_SYNC = (extra: (row: string, delta: number) => string) => `
  CREATE OR REPLACE FUNCTION move_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
      PERFORM move_counts_add(OLD, -1);
      PERFORM organization_month_counts_add(OLD, -1);
      PERFORM move_pairs_add(OLD, -1);
      PERFORM move_field_counts_add(OLD, (SELECT fields FROM people WHERE id = OLD.person_id), -1);
      PERFORM move_kind_month_counts_add(OLD, -1);
      ${extra('OLD', -1)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
      PERFORM move_counts_add(NEW, 1);
      PERFORM organization_month_counts_add(NEW, 1);
      PERFORM move_pairs_add(NEW, 1);
      PERFORM move_field_counts_add(NEW, (SELECT fields FROM people WHERE id = NEW.person_id), 1);
      PERFORM move_kind_month_counts_add(NEW, 1);
      ${extra('NEW', 1)}
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Written by hand: each organisation's arrivals and departures per year, statuses and role
 * categories folded into one array each (`arrivals[slot]`, slot = move_count_slot(status, role)),
 * and per status over every role category in plain generated columns (`arrivals_confirmed`…):
 * reading 36 array elements per row cost three times the aggregation itself. Net flows per
 * organisation or per parent over whole years read these rows — about 150,000 at a million moves,
 * a few per organisation — from an index that carries the per-status columns, instead of
 * aggregating a million moves' two ends.
 * Kept by the trigger on `moves`; an organisation's parent is looked up at query time
 * (organization_roots), so a change of parent needs no recount.
 */
export class OrganizationYearCounts1795755700000 implements MigrationInterface {
  name = 'OrganizationYearCounts1795755700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_year_counts (
        organization_id uuid NOT NULL, year integer,
        arrivals integer[] NOT NULL, departures integer[] NOT NULL,
        ${['arrivals', 'departures']
          .flatMap((column) => STATUSES.map((status, i) => `${column}_${status} integer GENERATED ALWAYS AS (${statusSum(column, i)}) STORED`))
          .join(',\n        ')}
      )
    `);
    // Moves with no date have no year: one row per organisation holds them.
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_organization_year_counts_key ON organization_year_counts (organization_id, year) NULLS NOT DISTINCT
    `);
    // A range of years without a role filter: an index-only scan.
    await queryRunner.query(`
      CREATE INDEX ix_organization_year_counts_year ON organization_year_counts (year, organization_id)
      INCLUDE (${['arrivals', 'departures'].flatMap((column) => STATUSES.map((status) => `${column}_${status}`)).join(', ')})
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_year_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO organization_year_counts AS c
        SELECT side.organization_id, extract(year FROM m.effective_on)::integer,
               CASE WHEN side.arrival THEN one.counts ELSE ${zeros} END, CASE WHEN side.arrival THEN ${zeros} ELSE one.counts END
        FROM (VALUES (m.to_organization_id, true), (m.from_organization_id, false)) AS side(organization_id, arrival),
             (SELECT ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END
                           FROM generate_series(1, ${SLOTS}) i ORDER BY i) AS counts) one
        WHERE side.organization_id IS NOT NULL
        ON CONFLICT (organization_id, year)
        DO UPDATE SET arrivals = int_array_add(c.arrivals, EXCLUDED.arrivals), departures = int_array_add(c.departures, EXCLUDED.departures)
      $$
    `);
    const slots = (arrival: boolean) =>
      `ARRAY[${Array.from({ length: SLOTS }, (_, i) => `count(*) FILTER (WHERE ${arrival ? '' : 'NOT '}arrival AND slot = ${i + 1})`).join(', ')}]::integer[]`;
    await queryRunner.query(`
      CREATE FUNCTION organization_year_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE organization_year_counts;
        INSERT INTO organization_year_counts
        SELECT organization_id, year, ${slots(true)}, ${slots(false)}
        FROM (
          SELECT to_organization_id AS organization_id, extract(year FROM effective_on)::integer AS year, true AS arrival,
                 move_count_slot(status, role_category) AS slot
          FROM moves WHERE deleted_at IS NULL AND to_organization_id IS NOT NULL
          UNION ALL
          SELECT from_organization_id, extract(year FROM effective_on)::integer, false, move_count_slot(status, role_category)
          FROM moves WHERE deleted_at IS NULL AND from_organization_id IS NOT NULL
        ) sides
        GROUP BY 1, 2;
      $$
    `);
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => `PERFORM organization_year_counts_add(${row}, ${delta});`));
    await queryRunner.query(MOVE_COUNTS_REBUILD('SELECT organization_year_counts_rebuild();'));
    await queryRunner.query(`SELECT organization_year_counts_rebuild()`);
    await queryRunner.query(`ANALYZE organization_year_counts`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(MOVE_COUNTS_REBUILD(''));
    await queryRunner.query(MOVE_COUNTS_SYNC(() => ''));
    await queryRunner.query(`DROP FUNCTION organization_year_counts_rebuild()`);
    await queryRunner.query(`DROP FUNCTION organization_year_counts_add(moves, integer)`);
    await queryRunner.query(`DROP TABLE organization_year_counts`);
  }
}
