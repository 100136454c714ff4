import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated, then edited: `search_text(name, aliases)` stored as a column on people and
 * organisations, and the trigram indexes moved onto it. A search for a word that every name holds
 * ("organisation" among 20,000 "Sample organisation N") rechecks every row, and reading a stored
 * text is far cheaper than unaccenting each name again. The metadata rows
 * (TypeORM's record of generated columns) name the current database, not the one it was generated on.
 */
export class SearchTextColumns1795755357749 implements MigrationInterface {
  name = 'SearchTextColumns1795755357749';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['organizations', 'people']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "search_text" text GENERATED ALWAYS AS (search_text(name, aliases)) STORED`);
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
         VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', 'search_text', 'search_text(name, aliases)')`,
        [table],
      );
      await queryRunner.query(`DROP INDEX ix_${table}_search_text`);
      await queryRunner.query(`CREATE INDEX ix_${table}_search_text ON "${table}" USING gin (search_text gin_trgm_ops)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['people', 'organizations']) {
      await queryRunner.query(`DROP INDEX ix_${table}_search_text`);
      await queryRunner.query(
        `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_text'
         AND "database" = current_database() AND "schema" = current_schema() AND "table" = $1`,
        [table],
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_text"`);
      await queryRunner.query(`CREATE INDEX ix_${table}_search_text ON "${table}" USING gin (search_text(name, aliases) gin_trgm_ops)`);
    }
  }
}
