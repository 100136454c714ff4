import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (TypeORM has no notion of triggers): `move_counts`, the moves counted per month,
 * origin, destination, status, role category and date precision, kept exact by a trigger on every
 * write to `moves` (soft deletes included), so that the dashboards read thousands of rows instead
 * of a million and still show a new move at the next load. `move_counts_rebuild()` recounts it all,
 * for bulk loads that disable the trigger.
 */
export class MoveCountsPreAggregation1795748000000 implements MigrationInterface {
  name = 'MoveCountsPreAggregation1795748000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE move_counts (
        month date,
        from_organization_id uuid,
        to_organization_id uuid,
        status move_status NOT NULL,
        role_category role_category NOT NULL,
        date_precision date_precision NOT NULL,
        moves integer NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_counts_key ON move_counts
        (month, from_organization_id, to_organization_id, status, role_category, date_precision) NULLS NOT DISTINCT
    `);
    await queryRunner.query(`CREATE INDEX ix_move_counts_from ON move_counts (from_organization_id)`);
    await queryRunner.query(`CREATE INDEX ix_move_counts_to ON move_counts (to_organization_id)`);
    await queryRunner.query(`
      CREATE FUNCTION move_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO move_counts AS c
        VALUES (date_trunc('month', m.effective_on)::date, m.from_organization_id, m.to_organization_id,
                m.status, m.role_category, m.date_precision, delta)
        ON CONFLICT (month, from_organization_id, to_organization_id, status, role_category, date_precision)
        DO UPDATE SET moves = c.moves + EXCLUDED.moves
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN PERFORM move_counts_add(OLD, -1); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN PERFORM move_counts_add(NEW, 1); END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER move_counts_sync AFTER INSERT OR UPDATE OR DELETE ON moves
      FOR EACH ROW EXECUTE FUNCTION move_counts_sync()
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE move_counts;
        INSERT INTO move_counts
        SELECT date_trunc('month', effective_on)::date, from_organization_id, to_organization_id,
               status, role_category, date_precision, count(*)
        FROM moves WHERE deleted_at IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6;
      $$
    `);
    await queryRunner.query(`SELECT move_counts_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER move_counts_sync ON moves`);
    await queryRunner.query(`DROP FUNCTION move_counts_sync()`);
    await queryRunner.query(`DROP FUNCTION move_counts_rebuild()`);
    await queryRunner.query(`DROP FUNCTION move_counts_add(moves, integer)`);
    await queryRunner.query(`DROP TABLE move_counts`);
  }
}
