import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: the index on the live moves known only to the year (YearPrecisionMoves) now
 * carries what the monthly paths read of them (both ends, status, role category, mover), so those
 * that begin up to a year before a range are read from the index alone: in the table, the moves of
 * one year sit on as many pages as there are moves.
 */
export class YearPrecisionMoveEnds1795756700000 implements MigrationInterface {
  name = 'YearPrecisionMoveEnds1795756700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_moves_year_precision`);
    await queryRunner.query(`
      CREATE INDEX ix_moves_year_precision ON moves (effective_on)
      INCLUDE (from_organization_id, to_organization_id, status, role_category, person_id)
      WHERE date_precision = 'year' AND deleted_at IS NULL
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_moves_year_precision`);
    await queryRunner.query(`CREATE INDEX ix_moves_year_precision ON moves (effective_on) WHERE date_precision = 'year' AND deleted_at IS NULL`);
  }
}
