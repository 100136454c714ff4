import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated, then reviewed: Google Scholar, DBLP and OpenAlex ids on people, each unique. */
export class PeopleIdentifiers1796500200000 implements MigrationInterface {
  name = 'PeopleIdentifiers1796500200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "people"
      ADD "google_scholar_id" text
    `);
    await queryRunner.query(`
      ALTER TABLE "people"
      ADD "dblp_id" text
    `);
    await queryRunner.query(`
      ALTER TABLE "people"
      ADD "openalex_id" text
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_people_google_scholar_id" ON "people" ("google_scholar_id")
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_people_dblp_id" ON "people" ("dblp_id")
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_people_openalex_id" ON "people" ("openalex_id")
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX "public"."uq_people_openalex_id"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_people_dblp_id"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_people_google_scholar_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "people" DROP COLUMN "openalex_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "people" DROP COLUMN "dblp_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "people" DROP COLUMN "google_scholar_id"
    `);
  }
}
