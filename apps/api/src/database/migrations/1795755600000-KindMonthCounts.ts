import { MigrationInterface, QueryRunner } from 'typeorm';

/** The enums' sizes when this was written: `counts` has one slot per status × role category. */
const STATUSES = 4; // rumoured, announced, confirmed, cancelled
const ROLES = 6; // leadership, researcher, engineer, advisor, student, other
const SLOTS = STATUSES * ROLES;

const KIND_MONTH_REBUILD = `
  CREATE FUNCTION move_kind_month_counts_rebuild() RETURNS void LANGUAGE sql AS $$
    TRUNCATE move_kind_month_counts;
    INSERT INTO move_kind_month_counts
    SELECT month, whole_year, from_sector, to_sector, from_country, to_country,
           ARRAY[${Array.from({ length: SLOTS }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})`).join(', ')}]::integer[]
    FROM (
      SELECT date_trunc('month', m.effective_on)::date AS month, m.date_precision = 'year' AS whole_year,
             f.sector AS from_sector, t.sector AS to_sector, f.country AS from_country, t.country AS to_country,
             move_count_slot(m.status, m.role_category) AS slot
      FROM moves m LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
      WHERE m.deleted_at IS NULL
    ) sides
    GROUP BY 1, 2, 3, 4, 5, 6;
  $$`;

const ORGANIZATION_KIND_CHANGED = (extra: string) => `
  CREATE OR REPLACE FUNCTION organization_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM moves WHERE from_organization_id = NEW.id OR to_organization_id = NEW.id) THEN
      PERFORM move_kind_counts_rebuild();
      ${extra}
    END IF;
    RETURN NULL;
  END $$`;

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
      ${extra('OLD', -1)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
      PERFORM move_counts_add(NEW, 1);
      PERFORM organization_month_counts_add(NEW, 1);
      PERFORM move_pairs_add(NEW, 1);
      PERFORM move_field_counts_add(NEW, (SELECT fields FROM people WHERE id = NEW.person_id), 1);
      ${extra('NEW', 1)}
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Written by hand: moves per month between kinds of organisation — origin and destination sector
 * and country together — for the views the yearly tables cannot answer: per month or quarter, or
 * by sector with a country filter (and the reverse). Statuses and role categories are folded into
 * one array per row, `counts[slot]` with slot = move_count_slot(status, role) (the enums' order,
 * which a test checks against the code's):
 * on a million moves the rows split by status and role barely aggregate anything, folded they are
 * a quarter as many. `whole_year` marks year-precision moves, which count in any range their year
 * overlaps. Kept by the trigger on `moves`; recounted when an organisation changes sector or country.
 */
export class KindMonthCounts1795755600000 implements MigrationInterface {
  name = 'KindMonthCounts1795755600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The enums' order, written out: an IMMUTABLE CASE is inlined, enum_range() would be read per row.
    await queryRunner.query(`
      CREATE FUNCTION move_count_slot(status move_status, role role_category) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN CASE status WHEN 'rumoured' THEN 0 WHEN 'announced' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'cancelled' THEN 3 END * ${ROLES}
             + CASE role WHEN 'leadership' THEN 1 WHEN 'researcher' THEN 2 WHEN 'engineer' THEN 3 WHEN 'advisor' THEN 4
                         WHEN 'student' THEN 5 WHEN 'other' THEN 6 END
    `);
    await queryRunner.query(`
      CREATE FUNCTION int_array_add(a integer[], b integer[]) RETURNS integer[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN ARRAY(SELECT x + y FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i) ORDER BY i)
    `);
    await queryRunner.query(`
      CREATE TABLE move_kind_month_counts (
        month date, whole_year boolean NOT NULL,
        from_sector sector, to_sector sector, from_country character(2), to_country character(2),
        counts integer[] NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_kind_month_counts_key
      ON move_kind_month_counts (month, whole_year, from_sector, to_sector, from_country, to_country) NULLS NOT DISTINCT
    `);
    // A filter on countries or sectors (either end) reads only its rows.
    for (const column of ['from_country', 'to_country', 'from_sector', 'to_sector']) {
      await queryRunner.query(`CREATE INDEX ix_move_kind_month_counts_${column} ON move_kind_month_counts (${column}, month)`);
    }
    await queryRunner.query(`
      CREATE FUNCTION move_kind_month_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO move_kind_month_counts AS c
        SELECT date_trunc('month', m.effective_on)::date, m.date_precision = 'year', f.sector, t.sector, f.country, t.country,
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        FROM (SELECT 1) one
        LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
        ON CONFLICT (month, whole_year, from_sector, to_sector, from_country, to_country)
        DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    await queryRunner.query(KIND_MONTH_REBUILD);
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => `PERFORM move_kind_month_counts_add(${row}, ${delta});`));
    await queryRunner.query(MOVE_COUNTS_REBUILD('SELECT move_kind_month_counts_rebuild();'));
    await queryRunner.query(ORGANIZATION_KIND_CHANGED('PERFORM move_kind_month_counts_rebuild();'));
    await queryRunner.query(`SELECT move_kind_month_counts_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_KIND_CHANGED(''));
    await queryRunner.query(MOVE_COUNTS_REBUILD(''));
    await queryRunner.query(MOVE_COUNTS_SYNC(() => ''));
    await queryRunner.query(`DROP FUNCTION move_kind_month_counts_rebuild()`);
    await queryRunner.query(`DROP FUNCTION move_kind_month_counts_add(moves, integer)`);
    await queryRunner.query(`DROP TABLE move_kind_month_counts`);
    await queryRunner.query(`DROP FUNCTION int_array_add(integer[], integer[])`);
    await queryRunner.query(`DROP FUNCTION move_count_slot(move_status, role_category)`);
  }
}
