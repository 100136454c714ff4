import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: a name and its aliases searched as one accent- and case-free text, with a
 * trigram index, so that `q` on people and organisations is one indexed LIKE instead of an OR
 * that scans the table (the name-only indexes of the first migrations give way to these).
 * `array_to_string` is only STABLE; on text[] it depends on no setting, so the wrapper can
 * honestly be IMMUTABLE.
 */
export class SearchTextIndexes1795748300000 implements MigrationInterface {
  name = 'SearchTextIndexes1795748300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION search_text(name text, aliases text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN immutable_unaccent(lower(name || ' ' || coalesce(array_to_string(aliases, ' '), '')))
    `);
    await queryRunner.query(`CREATE INDEX ix_people_search_text ON people USING gin (search_text(name, aliases) gin_trgm_ops)`);
    await queryRunner.query(
      `CREATE INDEX ix_organizations_search_text ON organizations USING gin (search_text(name, aliases) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX ix_people_name_search`);
    await queryRunner.query(`DROP INDEX ix_organizations_name_search`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_people_name_search ON people USING gin (immutable_unaccent(lower(name)) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_organizations_name_search ON organizations USING gin (immutable_unaccent(lower(name)) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX ix_organizations_search_text`);
    await queryRunner.query(`DROP INDEX ix_people_search_text`);
    await queryRunner.query(`DROP FUNCTION search_text(text, text[])`);
  }
}
