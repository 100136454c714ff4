import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: the index behind the moves list's default order (effective date, newest first,
 * undated last, then id), on live rows only, so that the first page of a million moves is read
 * from the index instead of sorting them all.
 */
export class ListOrderIndexes1795748100000 implements MigrationInterface {
  name = 'ListOrderIndexes1795748100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_moves_list_order ON moves (effective_on DESC NULLS LAST, id) WHERE deleted_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_moves_list_order`);
  }
}
