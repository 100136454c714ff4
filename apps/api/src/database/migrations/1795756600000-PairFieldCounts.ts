import { MigrationInterface, QueryRunner } from 'typeorm';
import { KEYED, keyedAdd } from './1795756200000-IncrementalOrganizationRecount';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
const ROLES = 6;
const SLOTS = STATUSES.length * ROLES;
const STATUS_COLUMNS = STATUSES.map((status) => `counts_${status}`);

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** As OrganizationOtherKindCounts left it, plus `extra`. */
export const MOVE_COUNTS_SYNC = (extra: (row: string, delta: number) => string) => `
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
      PERFORM organization_other_kind_counts_add(OLD, -1);
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
      PERFORM organization_other_kind_counts_add(NEW, 1);
      ${extra('NEW', 1)}
    END IF;
    RETURN NULL;
  END $$`;

/** As OrganizationOtherKindCounts left it, plus `extra`. */
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
    SELECT organization_other_kind_counts_rebuild();
    ${extra}
  $$`;

/** As ParentKindCounts left it (everything between parents, from the counts between organisations), plus `extra`. */
export const MOVE_PARENT_PAIRS_REBUILD = (extra: string) => `
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
    SELECT move_parent_kind_counts_rebuild();
    ${extra}
  $$`;

/** As FieldKindCounts left it, plus `extra` (calls with each move `m` of the person). */
export const PERSON_FIELDS_CHANGED = (extra: string) => `
  CREATE OR REPLACE FUNCTION person_fields_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM move_field_counts_add(m, OLD.fields, -1), move_field_counts_add(m, NEW.fields, 1)${extra}
    FROM moves m WHERE m.person_id = NEW.id AND m.deleted_at IS NULL;
    RETURN NULL;
  END $$`;

/** The new table in the set-based recount of an organisation's moves (see IncrementalOrganizationRecount). */
export const PARENT_FIELD_ROWS: (typeof KEYED)[number] = {
  by: 'parent',
  table: 'move_pair_field_counts',
  key: [['parents', 'true'], ['from_id', `coalesce(fr.root_id, m.from_organization_id, ${NIL})`], ['to_id', `coalesce(tr.root_id, m.to_organization_id, ${NIL})`], ['year', 'extract(year FROM m.effective_on)::int'], ['fields', 'field_set(p.fields)']],
  count: 'counts',
};

export const ORGANIZATION_MOVES_ADD = (keyed: typeof KEYED) => `
  CREATE OR REPLACE FUNCTION organization_moves_add(ids uuid[], kinds boolean, parent boolean, delta integer) RETURNS void LANGUAGE sql AS $$
    ${keyed.map(keyedAdd).join('\n')}
  $$`;

/**
 * Written by hand: moves per year between organisations (`parents` false) and between top-level
 * parents (`parents` true), split by the mover's set of research fields, as `move_pair_counts` is
 * not. The busiest pairs with a research-field filter are the same threshold top-N as
 * without one, each candidate pair counted from this table's key index (it carries the per-status
 * columns), and whole-year views that aggregate (parents with sector or country filters, top
 * origins, net flows) read its rows between organisations instead of the moves, set of fields by
 * set of fields through a second index. Same layout as
 * the other folded tables: `counts[slot]` (statuses × role categories), `counts_<status>`; an
 * unknown side is the nil uuid; a set of fields is matched once, so a move is never counted twice.
 * Kept by the moves trigger, by the trigger on people's fields, and by a change of parent (its
 * parent rows, like every count between parents).
 */
export class PairFieldCounts1795756600000 implements MigrationInterface {
  name = 'PairFieldCounts1795756600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const statusColumns = STATUSES.map((status, i) => {
      const slots = Array.from({ length: ROLES }, (_, role) => `counts[${i * ROLES + role + 1}]`).join(' + ');
      return `counts_${status} integer GENERATED ALWAYS AS (${slots}) STORED`;
    });
    await queryRunner.query(`
      CREATE TABLE move_pair_field_counts (
        parents boolean NOT NULL, from_id uuid NOT NULL, to_id uuid NOT NULL, year integer, fields text[] NOT NULL,
        counts integer[] NOT NULL, ${statusColumns.join(', ')}
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_pair_field_counts_key
      ON move_pair_field_counts (parents, from_id, to_id, year, fields) INCLUDE (${STATUS_COLUMNS.join(', ')}) NULLS NOT DISTINCT
    `);
    // The rows between organisations of one set of fields (read set by set: see AnalyticsService.fieldPairFacts).
    await queryRunner.query(`
      CREATE INDEX ix_move_pair_field_counts_fields ON move_pair_field_counts (fields, year)
      INCLUDE (from_id, to_id, ${STATUS_COLUMNS.join(', ')}) WHERE NOT parents
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_pair_field_counts_add(m moves, fields text[], delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO move_pair_field_counts AS c (parents, from_id, to_id, year, fields, counts)
        SELECT side.parents, side.from_id, side.to_id, extract(year FROM m.effective_on)::int, field_set(fields),
               ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
        FROM (
          SELECT false, coalesce(m.from_organization_id, ${NIL}), coalesce(m.to_organization_id, ${NIL})
          UNION ALL
          SELECT true,
                 coalesce((SELECT root_id FROM organization_roots WHERE organization_id = m.from_organization_id), m.from_organization_id, ${NIL}),
                 coalesce((SELECT root_id FROM organization_roots WHERE organization_id = m.to_organization_id), m.to_organization_id, ${NIL})
        ) AS side(parents, from_id, to_id)
        ON CONFLICT (parents, from_id, to_id, year, fields) DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
      $$
    `);
    // The rows between parents, from those between organisations (after a change of parent).
    await queryRunner.query(`
      CREATE FUNCTION move_pair_field_parents_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM move_pair_field_counts WHERE parents;
        INSERT INTO move_pair_field_counts (parents, from_id, to_id, year, fields, counts)
        SELECT true, coalesce(f.root_id, c.from_id), coalesce(t.root_id, c.to_id), c.year, c.fields,
               ARRAY[${Array.from({ length: SLOTS }, (_, i) => `sum(c.counts[${i + 1}])`).join(', ')}]::integer[]
        FROM move_pair_field_counts c
        LEFT JOIN organization_roots f ON f.organization_id = c.from_id
        LEFT JOIN organization_roots t ON t.organization_id = c.to_id
        WHERE NOT c.parents GROUP BY 1, 2, 3, 4, 5;
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_pair_field_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE move_pair_field_counts;
        INSERT INTO move_pair_field_counts (parents, from_id, to_id, year, fields, counts)
        SELECT false, from_id, to_id, year, fields,
               ARRAY[${Array.from({ length: SLOTS }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})`).join(', ')}]::integer[]
        FROM (
          SELECT coalesce(m.from_organization_id, ${NIL}) AS from_id, coalesce(m.to_organization_id, ${NIL}) AS to_id,
                 extract(year FROM m.effective_on)::int AS year, field_set(p.fields) AS fields,
                 move_count_slot(m.status, m.role_category) AS slot
          FROM moves m JOIN people p ON p.id = m.person_id
          WHERE m.deleted_at IS NULL
        ) moved
        GROUP BY 1, 2, 3, 4, 5;
        SELECT move_pair_field_parents_rebuild();
      $$
    `);
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => `PERFORM move_pair_field_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`));
    await queryRunner.query(MOVE_COUNTS_REBUILD('SELECT move_pair_field_counts_rebuild();'));
    await queryRunner.query(MOVE_PARENT_PAIRS_REBUILD('SELECT move_pair_field_parents_rebuild();'));
    await queryRunner.query(PERSON_FIELDS_CHANGED(', move_pair_field_counts_add(m, OLD.fields, -1), move_pair_field_counts_add(m, NEW.fields, 1)'));
    await queryRunner.query(ORGANIZATION_MOVES_ADD([...KEYED, PARENT_FIELD_ROWS]));
    await queryRunner.query(`SELECT move_pair_field_counts_rebuild()`);
    await queryRunner.query(`ANALYZE move_pair_field_counts`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_MOVES_ADD(KEYED));
    await queryRunner.query(PERSON_FIELDS_CHANGED(''));
    await queryRunner.query(MOVE_PARENT_PAIRS_REBUILD(''));
    await queryRunner.query(MOVE_COUNTS_REBUILD(''));
    await queryRunner.query(MOVE_COUNTS_SYNC(() => ''));
    await queryRunner.query(`DROP FUNCTION move_pair_field_counts_rebuild()`);
    await queryRunner.query(`DROP FUNCTION move_pair_field_parents_rebuild()`);
    await queryRunner.query(`DROP FUNCTION move_pair_field_counts_add(moves, text[], integer)`);
    await queryRunner.query(`DROP TABLE move_pair_field_counts`);
  }
}
