import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated, then reviewed: the `members` population (everyone but advisors), on the enum that
 * targets and observations share. The generator repeated the ADD VALUE once per column; PostgreSQL
 * cannot drop an enum value, so going down rebuilds the type (and fails while a row uses it).
 */
export class AddMembersPopulation1796404009757 implements MigrationInterface {
  name = 'AddMembersPopulation1796404009757';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."population" ADD VALUE 'members'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."population_old" AS ENUM('researchers', 'staff', 'phd_students')`);
    for (const table of ['headcount_targets', 'headcount_observations']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "population" TYPE "public"."population_old" USING "population"::"text"::"public"."population_old"`,
      );
    }
    await queryRunner.query(`DROP TYPE "public"."population"`);
    await queryRunner.query(`ALTER TYPE "public"."population_old" RENAME TO "population"`);
  }
}
