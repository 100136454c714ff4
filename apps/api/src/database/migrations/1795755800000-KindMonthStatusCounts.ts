import { MigrationInterface, QueryRunner } from 'typeorm';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
const ROLES = 6;

/**
 * Written by hand: `move_kind_month_counts` gets each status's count over every role category as
 * plain generated columns (`counts_confirmed`…). Without a role filter — the dashboards' usual
 * query — summing three columns replaces reading eighteen array elements per row, which cost
 * most of a per-month net-flow query at a million moves.
 */
export class KindMonthStatusCounts1795755800000 implements MigrationInterface {
  name = 'KindMonthStatusCounts1795755800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [i, status] of STATUSES.entries()) {
      const slots = Array.from({ length: ROLES }, (_, role) => `counts[${i * ROLES + role + 1}]`).join(' + ');
      await queryRunner.query(`ALTER TABLE move_kind_month_counts ADD COLUMN counts_${status} integer GENERATED ALWAYS AS (${slots}) STORED`);
    }
    await queryRunner.query(`ANALYZE move_kind_month_counts`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const status of STATUSES) await queryRunner.query(`ALTER TABLE move_kind_month_counts DROP COLUMN counts_${status}`);
  }
}
