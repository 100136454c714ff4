import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: `move_counts` by pair of organisations, then month, an unknown side as the nil
 * uuid (the key of `move_pair_totals`), carrying every column the count of one pair needs. The
 * busiest pairs over whole months that are not whole years are then a threshold top-N like those
 * over whole years: each candidate pair is counted by an index-only range scan of its months
 * instead of aggregating every pair (AnalyticsService.candidateCount).
 */
export class MonthlyPairIndex1795756300000 implements MigrationInterface {
  name = 'MonthlyPairIndex1795756300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_move_counts_pair_month ON move_counts (
        (coalesce(from_organization_id, '00000000-0000-0000-0000-000000000000'::uuid)),
        (coalesce(to_organization_id, '00000000-0000-0000-0000-000000000000'::uuid)),
        month
      ) INCLUDE (from_organization_id, to_organization_id, status, role_category, date_precision, moves)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_move_counts_pair_month`);
  }
}
