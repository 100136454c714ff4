import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: `organization_other_kind_month_counts` by the other end's country, then month,
 * carrying the organisation and the per-status counts. Net flows by organisation or parent with a
 * country filter over whole months (or the whole months of a range that cuts them) rank every
 * organisation from its monthly counts (AnalyticsService.countryMonthEnds): one outside the filter
 * counts its moves whose other end passes, which this index reads alone rather than the pairs of
 * organisations month by month, each end joined to its organisation. Without a role
 * filter only (the folded `counts` array is not carried).
 */
export class OtherCountryMonthIndex1795757900000 implements MigrationInterface {
  name = 'OtherCountryMonthIndex1795757900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_organization_other_kind_month_counts_other_country ON organization_other_kind_month_counts (other_country, month)
      INCLUDE (organization_id, whole_year, arrival, other_sector, counts_rumoured, counts_announced, counts_confirmed, counts_cancelled)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_organization_other_kind_month_counts_other_country`);
  }
}
