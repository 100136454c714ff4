import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: `move_parent_kind_counts` by each end's sector and country. Flows between
 * parents with a filter that few of the busiest pairs pass (big tech in the United States) are
 * aggregated from the rows it selects — a bitmap of these indexes — instead of from every move.
 */
export class ParentKindIndexes1795756400000 implements MigrationInterface {
  name = 'ParentKindIndexes1795756400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['from_sector', 'from_country', 'to_sector', 'to_country']) {
      await queryRunner.query(`CREATE INDEX ix_move_parent_kind_counts_${column} ON move_parent_kind_counts (${column}, year)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['from_sector', 'from_country', 'to_sector', 'to_country']) {
      await queryRunner.query(`DROP INDEX ix_move_parent_kind_counts_${column}`);
    }
  }
}
