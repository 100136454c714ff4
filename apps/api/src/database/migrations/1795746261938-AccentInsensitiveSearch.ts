import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (TypeORM cannot generate functions or expression indexes): the accent- and
 * case-insensitive search behind every list's `q`. unaccent() itself is only STABLE, so an
 * IMMUTABLE wrapper naming its dictionary makes it usable in indexes; trigram indexes serve
 * `LIKE '%word%'` on the names users search most.
 */
export class AccentInsensitiveSearch1795746261938 implements MigrationInterface {
  name = 'AccentInsensitiveSearch1795746261938';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION immutable_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN public.unaccent('public.unaccent'::regdictionary, $1)
    `);
    await queryRunner.query(
      `CREATE INDEX ix_people_name_search ON people USING gin (immutable_unaccent(lower(name)) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_organizations_name_search ON organizations USING gin (immutable_unaccent(lower(name)) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_organizations_name_search`);
    await queryRunner.query(`DROP INDEX ix_people_name_search`);
    await queryRunner.query(`DROP FUNCTION immutable_unaccent(text)`);
  }
}
