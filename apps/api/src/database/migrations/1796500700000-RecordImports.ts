import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated, then reviewed: a headcount target carries the import that created it. */
export class RecordImports1796500700000 implements MigrationInterface {
  name = 'RecordImports1796500700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "headcount_targets"
      ADD "import_id" uuid
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_headcount_targets_import_id" ON "headcount_targets" ("import_id")
    `);
    await queryRunner.query(`
      ALTER TABLE "headcount_targets"
      ADD CONSTRAINT "fk_headcount_targets_import" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "headcount_targets" DROP CONSTRAINT "fk_headcount_targets_import"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_headcount_targets_import_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "headcount_targets" DROP COLUMN "import_id"
    `);
  }
}
