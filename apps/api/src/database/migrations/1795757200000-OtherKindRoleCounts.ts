import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUS_COLUMNS = ['counts_rumoured', 'counts_announced', 'counts_confirmed', 'counts_cancelled'];

const KIND_INDEX = (kind: 'sector' | 'country', withCounts: boolean) => `
  CREATE INDEX ix_organization_other_kind_counts_${kind} ON organization_other_kind_counts (other_${kind}, year)
  INCLUDE (organization_id, arrival, ${kind === 'sector' ? 'other_country' : 'other_sector'}, ${STATUS_COLUMNS.join(', ')}${withCounts ? ', counts' : ''})`;

/**
 * Written by hand: the sector and country indexes of `organization_other_kind_counts` carry the
 * counts by status × role category too, so that a role filter (which reads `counts[i]`) is answered
 * from the index alone, like the other filters, instead of a bitmap scan of the table's pages. Each
 * index grows about threefold.
 */
export class OtherKindRoleCounts1795757200000 implements MigrationInterface {
  name = 'OtherKindRoleCounts1795757200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const kind of ['sector', 'country'] as const) {
      await queryRunner.query(`DROP INDEX ix_organization_other_kind_counts_${kind}`);
      await queryRunner.query(KIND_INDEX(kind, true));
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const kind of ['sector', 'country'] as const) {
      await queryRunner.query(`DROP INDEX ix_organization_other_kind_counts_${kind}`);
      await queryRunner.query(KIND_INDEX(kind, false));
    }
  }
}
