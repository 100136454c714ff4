import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: the live moves known only to the year, by date. A range that cuts months takes
 * its whole months from the monthly counts and the moves of its edge days by the date index; a move
 * known to the year may begin up to a year before the range, and this small index finds those
 * without reading that year's moves.
 */
export class YearPrecisionMoves1795755900000 implements MigrationInterface {
  name = 'YearPrecisionMoves1795755900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_moves_year_precision ON moves (effective_on) WHERE date_precision = 'year' AND deleted_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_moves_year_precision`);
  }
}
