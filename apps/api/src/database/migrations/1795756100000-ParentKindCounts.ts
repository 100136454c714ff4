import { MigrationInterface, QueryRunner } from 'typeorm';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
const ROLES = 6;
const SLOTS = STATUSES.length * ROLES;

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

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
      ${extra}
    END IF;
    RETURN NULL;
  END $$`;

/** Everything between parents, recounted from the counts between organisations (see PairCounts). */
const MOVE_PARENT_PAIRS_REBUILD = (extra: string) => `
  CREATE OR REPLACE FUNCTION move_parent_pairs_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM move_pair_counts WHERE parents;
    DELETE FROM move_pair_totals WHERE parents;
    INSERT INTO move_pair_counts
    SELECT true, coalesce(f.root_id, c.from_id), coalesce(t.root_id, c.to_id), c.year, c.status, c.role_category, sum(c.moves)
    FROM move_pair_counts c
    LEFT JOIN organization_roots f ON f.organization_id = c.from_id
    LEFT JOIN organization_roots t ON t.organization_id = c.to_id
    WHERE NOT c.parents GROUP BY 1, 2, 3, 4, 5, 6;
    INSERT INTO move_pair_totals SELECT true, from_id, to_id, sum(moves) FROM move_pair_counts WHERE parents GROUP BY 1, 2, 3;
    ${extra}
  $$`;

const STATUS_COLUMNS = STATUSES.map((status) => `counts_${status}`);

/**
 * Written by hand: moves per year between top-level parents, split by the sector and country of
 * the organisations at each end. A flow between parents filtered by country or sector keeps a
 * move by its own organisations' country and sector (a parent's members can be in several), which
 * `move_pair_counts` cannot tell. The busiest pairs stay a threshold top-N over `move_pair_totals`;
 * each candidate pair is counted here, from the key index alone (it carries the per-status
 * columns), instead of aggregating a million moves joined to their organisations and parents.
 * Same layout as the other yearly tables: `counts[slot]` folds statuses × role categories,
 * `counts_<status>` sums a status over every role; an unknown side is the nil uuid with no kinds.
 * Kept by the moves trigger; recounted with the other rows between parents (a change of parent,
 * move_parent_pairs_rebuild) and when an organisation changes sector or country.
 */
export class ParentKindCounts1795756100000 implements MigrationInterface {
  name = 'ParentKindCounts1795756100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const statusColumns = STATUSES.map((status, i) => {
      const slots = Array.from({ length: ROLES }, (_, role) => `counts[${i * ROLES + role + 1}]`).join(' + ');
      return `counts_${status} integer GENERATED ALWAYS AS (${slots}) STORED`;
    });
    await queryRunner.query(`
      CREATE TABLE move_parent_kind_counts (
        from_root uuid NOT NULL, to_root uuid NOT NULL, year integer,
        from_sector sector, from_country character(2), to_sector sector, to_country character(2),
        counts integer[] NOT NULL, ${statusColumns.join(', ')}
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_parent_kind_counts_key
      ON move_parent_kind_counts (from_root, to_root, year, from_sector, from_country, to_sector, to_country)
      INCLUDE (${STATUS_COLUMNS.join(', ')}) NULLS NOT DISTINCT
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_parent_kind_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO move_parent_kind_counts AS c (from_root, to_root, year, from_sector, from_country, to_sector, to_country, counts)
        SELECT coalesce(fr.root_id, m.from_organization_id, ${NIL}), coalesce(tr.root_id, m.to_organization_id, ${NIL}),
               extract(year FROM m.effective_on)::int, f.sector, f.country, t.sector, t.country,
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        FROM (SELECT 1) one
        LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
        LEFT JOIN organization_roots fr ON fr.organization_id = m.from_organization_id
        LEFT JOIN organization_roots tr ON tr.organization_id = m.to_organization_id
        ON CONFLICT (from_root, to_root, year, from_sector, from_country, to_sector, to_country)
        DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    // From the yearly counts between organisations, up to date whenever this runs (move_pairs_rebuild).
    await queryRunner.query(`
      CREATE FUNCTION move_parent_kind_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE move_parent_kind_counts;
        INSERT INTO move_parent_kind_counts (from_root, to_root, year, from_sector, from_country, to_sector, to_country, counts)
        SELECT from_root, to_root, year, from_sector, from_country, to_sector, to_country,
               ARRAY[${Array.from({ length: SLOTS }, (_, i) => `coalesce(sum(moves) FILTER (WHERE slot = ${i + 1}), 0)`).join(', ')}]::integer[]
        FROM (
          SELECT coalesce(fr.root_id, c.from_id) AS from_root, coalesce(tr.root_id, c.to_id) AS to_root, c.year,
                 f.sector AS from_sector, f.country AS from_country, t.sector AS to_sector, t.country AS to_country,
                 move_count_slot(c.status, c.role_category) AS slot, c.moves
          FROM move_pair_counts c
          LEFT JOIN organizations f ON f.id = c.from_id LEFT JOIN organizations t ON t.id = c.to_id
          LEFT JOIN organization_roots fr ON fr.organization_id = c.from_id
          LEFT JOIN organization_roots tr ON tr.organization_id = c.to_id
          WHERE NOT c.parents
        ) sides
        GROUP BY 1, 2, 3, 4, 5, 6, 7;
      $$
    `);
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => `PERFORM move_parent_kind_counts_add(${row}, ${delta});`));
    await queryRunner.query(MOVE_PARENT_PAIRS_REBUILD('SELECT move_parent_kind_counts_rebuild();'));
    await queryRunner.query(ORGANIZATION_KIND_CHANGED('PERFORM move_parent_kind_counts_rebuild();'));
    await queryRunner.query(`SELECT move_parent_kind_counts_rebuild()`);
    await queryRunner.query(`ANALYZE move_parent_kind_counts`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_KIND_CHANGED(''));
    await queryRunner.query(MOVE_PARENT_PAIRS_REBUILD(''));
    await queryRunner.query(MOVE_COUNTS_SYNC(() => ''));
    await queryRunner.query(`DROP FUNCTION move_parent_kind_counts_rebuild()`);
    await queryRunner.query(`DROP FUNCTION move_parent_kind_counts_add(moves, integer)`);
    await queryRunner.query(`DROP TABLE move_parent_kind_counts`);
  }
}
