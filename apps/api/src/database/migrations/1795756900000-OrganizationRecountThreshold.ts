import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether an organisation change concerns too many moves to move them one table statement at a time (see IncrementalOrganizationRecount). */
const ORGANIZATION_MOVES_MANY = (share: number) => `
  CREATE OR REPLACE FUNCTION organization_moves_many(ids uuid[]) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
  DECLARE
    many bigint := greatest(10000, (SELECT reltuples FROM pg_class WHERE oid = 'moves'::regclass)::bigint / ${share});
  BEGIN
    RETURN (
      SELECT count(*) > many FROM (
        SELECT 1 FROM moves WHERE (from_organization_id = ANY(ids) OR to_organization_id = ANY(ids)) AND deleted_at IS NULL LIMIT many + 1
      ) concerned
    );
  END $$`;

/**
 * Written by hand: a change of an organisation's sector, country or parent recounts every table
 * from all the moves only past a quarter of them, where moving an organisation's own moves starts
 * to cost more than recounting everything.
 */
export class OrganizationRecountThreshold1795756900000 implements MigrationInterface {
  name = 'OrganizationRecountThreshold1795756900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_MOVES_MANY(4));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ORGANIZATION_MOVES_MANY(20));
  }
}
