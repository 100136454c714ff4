import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated, then reviewed: the import (a lab roster) that created a headcount observation. */
export class RosterObservations1796500500000 implements MigrationInterface {
  name = 'RosterObservations1796500500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "headcount_observations"
      ADD "import_id" uuid
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_headcount_observations_import_id" ON "headcount_observations" ("import_id")
    `);
    await queryRunner.query(`
      ALTER TABLE "headcount_observations"
      ADD CONSTRAINT "fk_headcount_observations_import" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "headcount_observations" DROP CONSTRAINT "fk_headcount_observations_import"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_headcount_observations_import_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "headcount_observations" DROP COLUMN "import_id"
    `);
  }
}
