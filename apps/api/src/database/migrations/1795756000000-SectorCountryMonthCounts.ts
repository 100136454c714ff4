import { MigrationInterface, QueryRunner } from 'typeorm';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
const ROLES = 6;
const SLOTS = STATUSES.length * ROLES;
const KINDS = [
  { kind: 'sector', type: 'sector' },
  { kind: 'country', type: 'character(2)' },
];

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
    SELECT organization_year_counts_rebuild();
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
      PERFORM organization_year_counts_add(OLD, -1);
      ${extra('OLD', -1)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
      PERFORM move_counts_add(NEW, 1);
      PERFORM organization_month_counts_add(NEW, 1);
      PERFORM move_pairs_add(NEW, 1);
      PERFORM move_field_counts_add(NEW, (SELECT fields FROM people WHERE id = NEW.person_id), 1);
      PERFORM move_kind_month_counts_add(NEW, 1);
      PERFORM organization_year_counts_add(NEW, 1);
      ${extra('NEW', 1)}
    END IF;
    RETURN NULL;
  END $$`;

const ORGANIZATION_KIND_CHANGED = (extra: string) => `
  CREATE OR REPLACE FUNCTION organization_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM moves WHERE from_organization_id = NEW.id OR to_organization_id = NEW.id) THEN
      PERFORM move_kind_counts_rebuild();
      PERFORM move_kind_month_counts_rebuild();
      ${extra}
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Written by hand: moves per month between sectors, and between countries — `move_kind_month_counts`
 * rolled up over the other kind. A sector view without a country filter (or the reverse), per month
 * or over a range that is not whole years, reads a few thousand rows instead of a hundred thousand.
 * Same layout: `whole_year` marks year-precision moves, `counts[slot]` folds statuses × role
 * categories, `counts_<status>` sums a status over every role. Kept by the moves trigger; recounted
 * when an organisation changes sector or country.
 */
export class SectorCountryMonthCounts1795756000000 implements MigrationInterface {
  name = 'SectorCountryMonthCounts1795756000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { kind, type } of KINDS) {
      const statusColumns = STATUSES.map((status, i) => {
        const slots = Array.from({ length: ROLES }, (_, role) => `counts[${i * ROLES + role + 1}]`).join(' + ');
        return `counts_${status} integer GENERATED ALWAYS AS (${slots}) STORED`;
      });
      await queryRunner.query(`
        CREATE TABLE move_${kind}_month_counts (
          month date, whole_year boolean NOT NULL, from_${kind} ${type}, to_${kind} ${type},
          counts integer[] NOT NULL, ${statusColumns.join(', ')}
        )
      `);
      await queryRunner.query(`
        CREATE UNIQUE INDEX uq_move_${kind}_month_counts_key
        ON move_${kind}_month_counts (month, whole_year, from_${kind}, to_${kind}) NULLS NOT DISTINCT
      `);
      await queryRunner.query(`
        CREATE FUNCTION move_${kind}_month_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
          INSERT INTO move_${kind}_month_counts AS c (month, whole_year, from_${kind}, to_${kind}, counts)
          SELECT date_trunc('month', m.effective_on)::date, m.date_precision = 'year', f.${kind}, t.${kind},
                 ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
          FROM (SELECT 1) one
          LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
          ON CONFLICT (month, whole_year, from_${kind}, to_${kind})
          DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
        $$
      `);
      await queryRunner.query(`
        CREATE FUNCTION move_${kind}_month_counts_rebuild() RETURNS void LANGUAGE sql AS $$
          TRUNCATE move_${kind}_month_counts;
          INSERT INTO move_${kind}_month_counts (month, whole_year, from_${kind}, to_${kind}, counts)
          SELECT month, whole_year, from_${kind}, to_${kind},
                 ARRAY[${Array.from({ length: SLOTS }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})`).join(', ')}]::integer[]
          FROM (
            SELECT date_trunc('month', m.effective_on)::date AS month, m.date_precision = 'year' AS whole_year,
                   f.${kind} AS from_${kind}, t.${kind} AS to_${kind}, move_count_slot(m.status, m.role_category) AS slot
            FROM moves m LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
            WHERE m.deleted_at IS NULL
          ) sides
          GROUP BY 1, 2, 3, 4;
        $$
      `);
    }
    const each = (call: (kind: string) => string) => KINDS.map(({ kind }) => call(kind)).join('\n');
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => each((kind) => `PERFORM move_${kind}_month_counts_add(${row}, ${delta});`)));
    await queryRunner.query(MOVE_COUNTS_REBUILD(each((kind) => `SELECT move_${kind}_month_counts_rebuild();`)));
    await queryRunner.query(ORGANIZATION_KIND_CHANGED(each((kind) => `PERFORM move_${kind}_month_counts_rebuild();`)));
    for (const { kind } of KINDS) {
      await queryRunner.query(`SELECT move_${kind}_month_counts_rebuild()`);
      await queryRunner.query(`ANALYZE move_${kind}_month_counts`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_KIND_CHANGED(''));
    await queryRunner.query(MOVE_COUNTS_REBUILD(''));
    await queryRunner.query(MOVE_COUNTS_SYNC(() => ''));
    for (const { kind } of KINDS) {
      await queryRunner.query(`DROP FUNCTION move_${kind}_month_counts_rebuild()`);
      await queryRunner.query(`DROP FUNCTION move_${kind}_month_counts_add(moves, integer)`);
      await queryRunner.query(`DROP TABLE move_${kind}_month_counts`);
    }
  }
}
