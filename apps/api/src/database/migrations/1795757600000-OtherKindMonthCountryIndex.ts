import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: `organization_other_kind_month_counts` by organisation, then the other end's
 * country, then month, carrying every count. Net flows per period with a country filter break the
 * ranked organisations down month by month; one that is not in the country counts only its moves
 * whose other end is, which the key (organisation, month, …) could only filter out of all its
 * rows (at a million moves, per month by parent over five years with France: ~140,000 index
 * entries read for ~24,000 kept). Through this index it reads those alone.
 */
export class OtherKindMonthCountryIndex1795757600000 implements MigrationInterface {
  name = 'OtherKindMonthCountryIndex1795757600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_organization_other_kind_month_counts_country ON organization_other_kind_month_counts (organization_id, other_country, month)
      INCLUDE (whole_year, arrival, other_sector, counts_rumoured, counts_announced, counts_confirmed, counts_cancelled, counts)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_organization_other_kind_month_counts_country`);
  }
}
