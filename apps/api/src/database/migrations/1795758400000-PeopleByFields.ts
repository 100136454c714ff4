import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: the people by their set of research fields. Flows with a research-field filter
 * over a range of months read the moves of the range and keep those whose mover has the field; the
 * movers with it were found by reading every person (a sequential scan of `people`, ~200,000 rows at
 * a million moves). With this index the analytics read the few distinct sets first (one probe each,
 * a loose index scan), then the ids of the people of each set that matches, from the index alone.
 */
export class PeopleByFields1795758400000 implements MigrationInterface {
  name = 'PeopleByFields1795758400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_people_fields ON people (fields, id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_people_fields`);
  }
}
