import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated, then reviewed: the imports' history (`imports`), the import that created an
 * organisation, its status in the Research Organization Registry, and the links between
 * organisations that a registry states (`organization_relations`).
 */
export class RorImport1796500100000 implements MigrationInterface {
  name = 'RorImport1796500100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "imports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" text NOT NULL,
        "file_name" text NOT NULL,
        "file_sha256" character(64) NOT NULL,
        "user_id" uuid,
        "user_email" text,
        "totals" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_imports_file_sha256" ON "imports" ("file_sha256")
    `);
    await queryRunner.query(`
      CREATE TABLE "organization_relations" (
        "organization_id" uuid NOT NULL,
        "type" text NOT NULL,
        "related_id" uuid NOT NULL,
        CONSTRAINT "ck_organization_relations_type" CHECK (
          type IN (
            'parent',
            'child',
            'related',
            'successor',
            'predecessor'
          )
        ),
        CONSTRAINT "PK_294b8d6fdc6ab0ad2a8071f4150" PRIMARY KEY ("organization_id", "type", "related_id")
      )
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_organization_relations_related_id" ON "organization_relations" ("related_id")
    `);
    await queryRunner.query(`
      CREATE TYPE "public"."ror_status" AS ENUM('active', 'inactive', 'withdrawn')
    `);
    await queryRunner.query(`
      ALTER TABLE "organizations"
      ADD "ror_status" "public"."ror_status"
    `);
    await queryRunner.query(`
      ALTER TABLE "organizations"
      ADD "import_id" uuid
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_organizations_import_id" ON "organizations" ("import_id")
    `);
    await queryRunner.query(`
      ALTER TABLE "organizations"
      ADD CONSTRAINT "fk_organizations_import" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "organization_relations"
      ADD CONSTRAINT "fk_organization_relations_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "organization_relations"
      ADD CONSTRAINT "fk_organization_relations_related" FOREIGN KEY ("related_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "organization_relations" DROP CONSTRAINT "fk_organization_relations_related"
    `);
    await queryRunner.query(`
      ALTER TABLE "organization_relations" DROP CONSTRAINT "fk_organization_relations_organization"
    `);
    await queryRunner.query(`
      ALTER TABLE "organizations" DROP CONSTRAINT "fk_organizations_import"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_organizations_import_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "organizations" DROP COLUMN "import_id"
    `);
    await queryRunner.query(`
      ALTER TABLE "organizations" DROP COLUMN "ror_status"
    `);
    await queryRunner.query(`
      DROP TYPE "public"."ror_status"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_organization_relations_related_id"
    `);
    await queryRunner.query(`
      DROP TABLE "organization_relations"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_imports_file_sha256"
    `);
    await queryRunner.query(`
      DROP TABLE "imports"
    `);
  }
}
