import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUS_COLUMNS = ['counts_rumoured', 'counts_announced', 'counts_confirmed', 'counts_cancelled'];
const KEY = '(from_root, to_root, year, from_sector, from_country, to_sector, to_country)';

/**
 * Written by hand: the key of `move_parent_kind_counts` carries the `counts` array (status × role)
 * as well as the per-status counts, in place of the covering index by pair of roots and year that
 * carried the array alone (ParentKindCountsCoveringIndex). Both fit a candidate pair's lookup, and
 * which one PostgreSQL picks moves with its statistics: after an ANALYZE it read lookups without a
 * role filter through the covering index and lookups with one through the key, each then fetching
 * every row from the table. One index that carries both answers either from the index alone, and
 * takes less room than the two.
 */
export class ParentKindKeyCarriesCounts1795758100000 implements MigrationInterface {
  name = 'ParentKindKeyCarriesCounts1795758100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_move_parent_kind_counts_pair_counts`);
    await queryRunner.query(`DROP INDEX uq_move_parent_kind_counts_key`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_parent_kind_counts_key ON move_parent_kind_counts ${KEY}
      INCLUDE (${STATUS_COLUMNS.join(', ')}, counts) NULLS NOT DISTINCT
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // As ParentKindCounts and ParentKindCountsCoveringIndex left them.
    await queryRunner.query(`DROP INDEX uq_move_parent_kind_counts_key`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_move_parent_kind_counts_key ON move_parent_kind_counts ${KEY} INCLUDE (${STATUS_COLUMNS.join(', ')}) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      CREATE INDEX ix_move_parent_kind_counts_pair_counts ON move_parent_kind_counts (from_root, to_root, year)
      INCLUDE (from_sector, from_country, to_sector, to_country, counts)
    `);
  }
}
