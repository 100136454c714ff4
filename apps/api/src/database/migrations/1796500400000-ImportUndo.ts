import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated, then reviewed: when an import was undone. */
export class ImportUndo1796500400000 implements MigrationInterface {
  name = 'ImportUndo1796500400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "imports"
      ADD "undone_at" TIMESTAMP WITH TIME ZONE
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "imports" DROP COLUMN "undone_at"
    `);
  }
}
