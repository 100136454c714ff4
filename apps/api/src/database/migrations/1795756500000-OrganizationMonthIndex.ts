import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: `organization_month_counts` by month, carrying what net flows need. Net flows
 * by organisation or parent over whole months that are not whole years read the months of the
 * range by an index-only scan (each organisation's arrivals and departures: one row per
 * organisation, month, status and role) instead of both ends of every pair of organisations.
 */
export class OrganizationMonthIndex1795756500000 implements MigrationInterface {
  name = 'OrganizationMonthIndex1795756500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_organization_month_counts_month ON organization_month_counts (month)
      INCLUDE (organization_id, status, role_category, arrivals, departures)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_organization_month_counts_month`);
  }
}
