import { MigrationInterface, QueryRunner } from 'typeorm';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
const ROLES = 6;
const SLOTS = STATUSES.length * ROLES;

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
    SELECT move_sector_month_counts_rebuild();
    SELECT move_country_month_counts_rebuild();
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
      PERFORM move_sector_month_counts_add(OLD, -1);
      PERFORM move_country_month_counts_add(OLD, -1);
      PERFORM move_parent_kind_counts_add(OLD, -1);
      ${extra('OLD', -1)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
      PERFORM move_counts_add(NEW, 1);
      PERFORM organization_month_counts_add(NEW, 1);
      PERFORM move_pairs_add(NEW, 1);
      PERFORM move_field_counts_add(NEW, (SELECT fields FROM people WHERE id = NEW.person_id), 1);
      PERFORM move_kind_month_counts_add(NEW, 1);
      PERFORM organization_year_counts_add(NEW, 1);
      PERFORM move_sector_month_counts_add(NEW, 1);
      PERFORM move_country_month_counts_add(NEW, 1);
      PERFORM move_parent_kind_counts_add(NEW, 1);
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
      PERFORM move_sector_month_counts_rebuild();
      PERFORM move_country_month_counts_rebuild();
      PERFORM move_parent_kind_counts_rebuild();
      ${extra}
    END IF;
    RETURN NULL;
  END $$`;

const STATUS_COLUMNS = STATUSES.map((status) => `counts_${status}`);

/**
 * Written by hand: each organisation's arrivals (`arrival`) and departures per year, split by the
 * sector and country of the organisation at the other end (none: unknown). Net flows by
 * organisation with a sector or country filter keep a move when either end passes, so an
 * organisation that does not pass still counts the moves it exchanged with those that do, which
 * `organization_year_counts` cannot tell: those are this table's rows whose other end passes (an
 * index on each kind), and an organisation that passes counts all its moves. Same layout as the
 * other yearly tables: `counts[slot]` folds statuses × role categories, `counts_<status>` sums a
 * status over every role. Kept by the moves trigger; a change of an organisation's sector or
 * country moves its partners' rows.
 */
export class OrganizationOtherKindCounts1795756150000 implements MigrationInterface {
  name = 'OrganizationOtherKindCounts1795756150000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const statusColumns = STATUSES.map((status, i) => {
      const slots = Array.from({ length: ROLES }, (_, role) => `counts[${i * ROLES + role + 1}]`).join(' + ');
      return `counts_${status} integer GENERATED ALWAYS AS (${slots}) STORED`;
    });
    await queryRunner.query(`
      CREATE TABLE organization_other_kind_counts (
        organization_id uuid NOT NULL, year integer, arrival boolean NOT NULL,
        other_sector sector, other_country character(2),
        counts integer[] NOT NULL, ${statusColumns.join(', ')}
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_organization_other_kind_counts_key
      ON organization_other_kind_counts (organization_id, year, arrival, other_sector, other_country) NULLS NOT DISTINCT
    `);
    for (const kind of ['sector', 'country']) {
      await queryRunner.query(`
        CREATE INDEX ix_organization_other_kind_counts_${kind} ON organization_other_kind_counts (other_${kind}, year)
        INCLUDE (organization_id, arrival, ${kind === 'sector' ? 'other_country' : 'other_sector'}, ${STATUS_COLUMNS.join(', ')})
      `);
    }
    await queryRunner.query(`
      CREATE FUNCTION organization_other_kind_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO organization_other_kind_counts AS c (organization_id, year, arrival, other_sector, other_country, counts)
        SELECT side.organization_id, extract(year FROM m.effective_on)::int, side.arrival, other.sector, other.country,
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        FROM (VALUES (m.to_organization_id, true, m.from_organization_id), (m.from_organization_id, false, m.to_organization_id))
             AS side(organization_id, arrival, other_id)
        LEFT JOIN organizations other ON other.id = side.other_id
        WHERE side.organization_id IS NOT NULL
        ON CONFLICT (organization_id, year, arrival, other_sector, other_country)
        DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_other_kind_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE organization_other_kind_counts;
        INSERT INTO organization_other_kind_counts (organization_id, year, arrival, other_sector, other_country, counts)
        SELECT organization_id, year, arrival, other_sector, other_country,
               ARRAY[${Array.from({ length: SLOTS }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})`).join(', ')}]::integer[]
        FROM (
          SELECT m.to_organization_id AS organization_id, extract(year FROM m.effective_on)::int AS year, true AS arrival,
                 f.sector AS other_sector, f.country AS other_country, move_count_slot(m.status, m.role_category) AS slot
          FROM moves m LEFT JOIN organizations f ON f.id = m.from_organization_id
          WHERE m.deleted_at IS NULL AND m.to_organization_id IS NOT NULL
          UNION ALL
          SELECT m.from_organization_id, extract(year FROM m.effective_on)::int, false, t.sector, t.country, move_count_slot(m.status, m.role_category)
          FROM moves m LEFT JOIN organizations t ON t.id = m.to_organization_id
          WHERE m.deleted_at IS NULL AND m.from_organization_id IS NOT NULL
        ) sides
        GROUP BY 1, 2, 3, 4, 5;
      $$
    `);
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => `PERFORM organization_other_kind_counts_add(${row}, ${delta});`));
    await queryRunner.query(MOVE_COUNTS_REBUILD('SELECT organization_other_kind_counts_rebuild();'));
    await queryRunner.query(ORGANIZATION_KIND_CHANGED('PERFORM organization_other_kind_counts_rebuild();'));
    await queryRunner.query(`SELECT organization_other_kind_counts_rebuild()`);
    await queryRunner.query(`ANALYZE organization_other_kind_counts`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_KIND_CHANGED(''));
    await queryRunner.query(MOVE_COUNTS_REBUILD(''));
    await queryRunner.query(MOVE_COUNTS_SYNC(() => ''));
    await queryRunner.query(`DROP FUNCTION organization_other_kind_counts_rebuild()`);
    await queryRunner.query(`DROP FUNCTION organization_other_kind_counts_add(moves, integer)`);
    await queryRunner.query(`DROP TABLE organization_other_kind_counts`);
  }
}
