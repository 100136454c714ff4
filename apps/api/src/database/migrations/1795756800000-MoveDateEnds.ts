import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: the live moves by date, with what the analytics read of each (both ends, status,
 * role category, precision, mover). Views the counts cannot answer (a research-field filter outside
 * whole years, the days at the edges of a range) read the moves of their range from this index
 * alone instead of scanning the table.
 */
export class MoveDateEnds1795756800000 implements MigrationInterface {
  name = 'MoveDateEnds1795756800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_moves_date_ends ON moves (effective_on)
      INCLUDE (from_organization_id, to_organization_id, status, role_category, date_precision, person_id)
      WHERE deleted_at IS NULL
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_moves_date_ends`);
  }
}
