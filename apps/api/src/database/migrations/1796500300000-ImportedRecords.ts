import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated, then reviewed: the import that created a person, a source or a move. */
export class ImportedRecords1796500300000 implements MigrationInterface {
  name = 'ImportedRecords1796500300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "sources"
      ADD "import_id" uuid
    `);
    await queryRunner.query(`
      ALTER TABLE "people"
      ADD "import_id" uuid
    `);
    await queryRunner.query(`
      ALTER TABLE "moves"
      ADD "import_id" uuid
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_sources_import_id" ON "sources" ("import_id")
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_people_import_id" ON "people" ("import_id")
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_moves_import_id" ON "moves" ("import_id")
    `);
    await queryRunner.query(`
      ALTER TABLE "sources"
      ADD CONSTRAINT "fk_sources_import" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "people"
      ADD CONSTRAINT "fk_people_import" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "moves"
      ADD CONSTRAINT "fk_moves_import" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "moves" DROP CONSTRAINT "fk_moves_import"
    `);
    await queryRunner.query(`
      ALTER TABLE "people" DROP CONSTRAINT "fk_people_import"
    `);
    await queryRunner.query(`
      ALTER TABLE "sources" DROP CONSTRAINT "fk_sources_import"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_moves_import_id"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_people_import_id"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_sources_import_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "moves" DROP COLUMN "import_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "people" DROP COLUMN "import_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "sources" DROP COLUMN "import_id"
    `);
  }
}
