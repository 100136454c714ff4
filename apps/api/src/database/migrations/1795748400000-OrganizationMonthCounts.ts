import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: each organisation's arrivals and departures per month, status and role
 * category, kept by the same trigger as the other counts. A lab's headcount series reads its own
 * few hundred rows instead of every count that mentions it — from the index alone, which
 * carries the counts too.
 */
export class OrganizationMonthCounts1795748400000 implements MigrationInterface {
  name = 'OrganizationMonthCounts1795748400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_month_counts (
        organization_id uuid NOT NULL, month date,
        status move_status NOT NULL, role_category role_category NOT NULL,
        arrivals integer NOT NULL, departures integer NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_organization_month_counts_key
      ON organization_month_counts (organization_id, month, status, role_category) INCLUDE (arrivals, departures) NULLS NOT DISTINCT
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_month_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO organization_month_counts AS c
        SELECT side.organization_id, date_trunc('month', m.effective_on)::date, m.status, m.role_category, side.arrivals, side.departures
        FROM (VALUES (m.to_organization_id, delta, 0), (m.from_organization_id, 0, delta)) AS side(organization_id, arrivals, departures)
        WHERE side.organization_id IS NOT NULL
        ON CONFLICT (organization_id, month, status, role_category)
        DO UPDATE SET arrivals = c.arrivals + EXCLUDED.arrivals, departures = c.departures + EXCLUDED.departures
      $$
    `);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION move_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
          PERFORM move_counts_add(OLD, -1);
          PERFORM organization_month_counts_add(OLD, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
          PERFORM move_counts_add(NEW, 1);
          PERFORM organization_month_counts_add(NEW, 1);
        END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_month_counts_rebuild() RETURNS void LANGUAGE sql AS $$
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
        GROUP BY 1, 2, 3, 4;
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
        SELECT organization_month_counts_rebuild();
      $$
    `);
    await queryRunner.query(`SELECT organization_month_counts_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
      CREATE OR REPLACE FUNCTION move_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN PERFORM move_counts_add(OLD, -1); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN PERFORM move_counts_add(NEW, 1); END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`DROP FUNCTION organization_month_counts_rebuild()`);
    await queryRunner.query(`DROP FUNCTION organization_month_counts_add(moves, integer)`);
    await queryRunner.query(`DROP TABLE organization_month_counts`);
  }
}
