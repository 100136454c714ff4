import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated, then reviewed: running imports' progress, unlogged (transient, written often). */
export class ImportProgress1796500600000 implements MigrationInterface {
  name = 'ImportProgress1796500600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "import_progress" (
        "key" uuid NOT NULL,
        "user_id" uuid,
        "stage" text NOT NULL,
        "done" integer NOT NULL DEFAULT '0',
        "total" integer NOT NULL DEFAULT '0',
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_50fd127daffa0fb31e65d175746" PRIMARY KEY ("key")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE "import_progress"
    `);
  }
}
