import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: moves counted per year between sectors, and per year between countries, kept
 * exact by the same trigger as `move_counts`. The dashboards' default views (whole years, by
 * sector or by country) read a few thousand rows from these instead of a million. A change of an
 * organisation's sector or country recounts them (rare, and a second or two at a million moves).
 */
export class YearlyKindCounts1795748200000 implements MigrationInterface {
  name = 'YearlyKindCounts1795748200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE move_sector_counts (
        year integer, from_sector sector, to_sector sector,
        status move_status NOT NULL, role_category role_category NOT NULL, moves integer NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_sector_counts_key ON move_sector_counts (year, from_sector, to_sector, status, role_category) NULLS NOT DISTINCT
    `);
    await queryRunner.query(`
      CREATE TABLE move_country_counts (
        year integer, from_country character(2), to_country character(2),
        status move_status NOT NULL, role_category role_category NOT NULL, moves integer NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_country_counts_key ON move_country_counts (year, from_country, to_country, status, role_category) NULLS NOT DISTINCT
    `);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION move_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO move_counts AS c
        VALUES (date_trunc('month', m.effective_on)::date, m.from_organization_id, m.to_organization_id,
                m.status, m.role_category, m.date_precision, delta)
        ON CONFLICT (month, from_organization_id, to_organization_id, status, role_category, date_precision)
        DO UPDATE SET moves = c.moves + EXCLUDED.moves;
        INSERT INTO move_sector_counts AS c
        VALUES (extract(year FROM m.effective_on)::int,
                (SELECT sector FROM organizations WHERE id = m.from_organization_id),
                (SELECT sector FROM organizations WHERE id = m.to_organization_id), m.status, m.role_category, delta)
        ON CONFLICT (year, from_sector, to_sector, status, role_category) DO UPDATE SET moves = c.moves + EXCLUDED.moves;
        INSERT INTO move_country_counts AS c
        VALUES (extract(year FROM m.effective_on)::int,
                (SELECT country FROM organizations WHERE id = m.from_organization_id),
                (SELECT country FROM organizations WHERE id = m.to_organization_id), m.status, m.role_category, delta)
        ON CONFLICT (year, from_country, to_country, status, role_category) DO UPDATE SET moves = c.moves + EXCLUDED.moves;
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_kind_counts_rebuild() RETURNS void LANGUAGE sql AS $$
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
      $$
    `);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION move_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE move_counts;
        INSERT INTO move_counts
        SELECT date_trunc('month', effective_on)::date, from_organization_id, to_organization_id,
               status, role_category, date_precision, count(*)
        FROM moves WHERE deleted_at IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6;
        SELECT move_kind_counts_rebuild();
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM moves WHERE from_organization_id = NEW.id OR to_organization_id = NEW.id) THEN
          PERFORM move_kind_counts_rebuild();
        END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER organization_kind_changed AFTER UPDATE OF sector, country ON organizations
      FOR EACH ROW WHEN (OLD.sector IS DISTINCT FROM NEW.sector OR OLD.country IS DISTINCT FROM NEW.country)
      EXECUTE FUNCTION organization_kind_changed()
    `);
    await queryRunner.query(`SELECT move_kind_counts_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER organization_kind_changed ON organizations`);
    await queryRunner.query(`DROP FUNCTION organization_kind_changed()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION move_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE move_counts;
        INSERT INTO move_counts
        SELECT date_trunc('month', effective_on)::date, from_organization_id, to_organization_id,
               status, role_category, date_precision, count(*)
        FROM moves WHERE deleted_at IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6;
      $$
    `);
    await queryRunner.query(`DROP FUNCTION move_kind_counts_rebuild()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION move_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO move_counts AS c
        VALUES (date_trunc('month', m.effective_on)::date, m.from_organization_id, m.to_organization_id,
                m.status, m.role_category, m.date_precision, delta)
        ON CONFLICT (month, from_organization_id, to_organization_id, status, role_category, date_precision)
        DO UPDATE SET moves = c.moves + EXCLUDED.moves
      $$
    `);
    await queryRunner.query(`DROP TABLE move_country_counts`);
    await queryRunner.query(`DROP TABLE move_sector_counts`);
  }
}
