import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: the indexes behind the lists' default orders (moves: effective date, newest
 * first, undated last, then id; people and organisations: name, then id), on live rows only, so
 * that a page of a large list is read from an index instead of sorting the whole table.
 */
export class ListOrderIndexes1795748100000 implements MigrationInterface {
  name = 'ListOrderIndexes1795748100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_moves_list_order ON moves (effective_on DESC NULLS LAST, id) WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX ix_people_list_order ON people (name, id) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX ix_organizations_list_order ON organizations (name, id) WHERE deleted_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_organizations_list_order`);
    await queryRunner.query(`DROP INDEX ix_people_list_order`);
    await queryRunner.query(`DROP INDEX ix_moves_list_order`);
  }
}
