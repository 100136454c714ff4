import { MigrationInterface, QueryRunner } from 'typeorm';

const KIND_TABLES = [
  { table: 'move_sector_field_counts', column: 'sector', type: 'sector' },
  { table: 'move_country_field_counts', column: 'country', type: 'character(2)' },
];

const MOVE_COUNTS_SYNC = (extra: (row: string, delta: number) => string) => `
  CREATE OR REPLACE FUNCTION move_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
      PERFORM move_counts_add(OLD, -1);
      PERFORM organization_month_counts_add(OLD, -1);
      PERFORM move_pairs_add(OLD, -1);
      ${extra('OLD', -1)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
      PERFORM move_counts_add(NEW, 1);
      PERFORM organization_month_counts_add(NEW, 1);
      PERFORM move_pairs_add(NEW, 1);
      ${extra('NEW', 1)}
    END IF;
    RETURN NULL;
  END $$`;

const KIND_REBUILD = (extra: string) => `
  CREATE OR REPLACE FUNCTION move_kind_counts_rebuild() RETURNS void LANGUAGE sql AS $$
    TRUNCATE move_sector_counts;
    TRUNCATE move_country_counts;
    INSERT INTO move_sector_counts
    SELECT extract(year FROM m.effective_on)::int, f.sector, t.sector, m.status, m.role_category, count(*)
    FROM moves m LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
    WHERE m.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO move_country_counts
    SELECT extract(year FROM m.effective_on)::int, f.country, t.country, m.status, m.role_category, count(*)
    FROM moves m LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
    WHERE m.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
    ${extra}
  $$`;

/**
 * Written by hand: the yearly counts between sectors and between countries again, split by the
 * research fields of the person who moved (their set of fields, sorted: a filter on fields matches
 * a set once, so a move is never counted twice). The research-field filter of the dashboards reads
 * these instead of joining a million moves to their people. Kept by the trigger on `moves`, by a
 * trigger on people's fields, and recounted with the other yearly counts when an organisation
 * changes sector or country.
 */
export class FieldKindCounts1795755500000 implements MigrationInterface {
  name = 'FieldKindCounts1795755500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION field_set(fields text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN ARRAY(SELECT DISTINCT f FROM unnest(fields) AS f ORDER BY f)
    `);
    for (const { table, column, type } of KIND_TABLES) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          year integer, fields text[] NOT NULL, from_${column} ${type}, to_${column} ${type},
          status move_status NOT NULL, role_category role_category NOT NULL, moves integer NOT NULL
        )
      `);
      await queryRunner.query(`
        CREATE UNIQUE INDEX uq_${table}_key ON ${table} (year, fields, from_${column}, to_${column}, status, role_category) NULLS NOT DISTINCT
      `);
    }
    await queryRunner.query(`
      CREATE FUNCTION move_field_counts_add(m moves, fields text[], delta integer) RETURNS void LANGUAGE sql AS $$
        ${KIND_TABLES.map(
          ({ table, column }) => `
        INSERT INTO ${table} AS c
        VALUES (extract(year FROM m.effective_on)::int, field_set(fields),
                (SELECT ${column} FROM organizations WHERE id = m.from_organization_id),
                (SELECT ${column} FROM organizations WHERE id = m.to_organization_id), m.status, m.role_category, delta)
        ON CONFLICT (year, fields, from_${column}, to_${column}, status, role_category) DO UPDATE SET moves = c.moves + EXCLUDED.moves;`,
        ).join('')}
      $$
    `);
    const rebuild = KIND_TABLES.map(
      ({ table, column }) => `
    TRUNCATE ${table};
    INSERT INTO ${table}
    SELECT extract(year FROM m.effective_on)::int, field_set(p.fields), f.${column}, t.${column}, m.status, m.role_category, count(*)
    FROM moves m JOIN people p ON p.id = m.person_id
    LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
    WHERE m.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;`,
    ).join('');
    await queryRunner.query(KIND_REBUILD(rebuild));
    await queryRunner.query(
      MOVE_COUNTS_SYNC((row, delta) => `PERFORM move_field_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`),
    );
    await queryRunner.query(`
      CREATE FUNCTION person_fields_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM move_field_counts_add(m, OLD.fields, -1), move_field_counts_add(m, NEW.fields, 1)
        FROM moves m WHERE m.person_id = NEW.id AND m.deleted_at IS NULL;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER person_fields_changed AFTER UPDATE OF fields ON people
      FOR EACH ROW WHEN (field_set(OLD.fields) IS DISTINCT FROM field_set(NEW.fields)) EXECUTE FUNCTION person_fields_changed()
    `);
    await queryRunner.query(`SELECT move_kind_counts_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER person_fields_changed ON people`);
    await queryRunner.query(`DROP FUNCTION person_fields_changed()`);
    await queryRunner.query(MOVE_COUNTS_SYNC(() => ''));
    await queryRunner.query(KIND_REBUILD(''));
    await queryRunner.query(`DROP FUNCTION move_field_counts_add(moves, text[], integer)`);
    for (const { table } of KIND_TABLES) await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(`DROP FUNCTION field_set(text[])`);
  }
}
