import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: `move_parent_kind_counts` by pair of roots and year, carrying both ends' kinds and
 * the whole `counts` array (status × role). Flows between parents filtered by a member's sector or
 * country look each candidate pair up by (from_root, to_root, year); the key carries the per-status
 * totals, so without a role filter those lookups never leave the index, but a role filter sums array
 * slots, which only the table has: one heap page per row, ~10 rows per pair, for thousands of pairs.
 * This index carries the array, so that those lookups too never leave the index.
 */
export class ParentKindCountsCoveringIndex1795757800000 implements MigrationInterface {
  name = 'ParentKindCountsCoveringIndex1795757800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_move_parent_kind_counts_pair_counts ON move_parent_kind_counts (from_root, to_root, year)
      INCLUDE (from_sector, from_country, to_sector, to_country, counts)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_move_parent_kind_counts_pair_counts`);
  }
}
