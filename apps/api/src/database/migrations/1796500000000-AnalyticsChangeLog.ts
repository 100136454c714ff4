import { MigrationInterface, QueryRunner } from 'typeorm';

/** The pre-aggregated count tables, the organisation roots they used, and the indexes only they read. */
const COUNT_TABLES = [
  'move_counts',
  'move_country_counts',
  'move_country_field_counts',
  'move_country_field_month_counts',
  'move_country_month_counts',
  'move_kind_month_counts',
  'move_pair_counts',
  'move_pair_field_counts',
  'move_pair_totals',
  'move_parent_kind_counts',
  'move_parent_month_counts',
  'move_sector_counts',
  'move_sector_field_counts',
  'move_sector_field_month_counts',
  'move_sector_month_counts',
  'organization_arrival_month_counts',
  'organization_field_month_counts',
  'organization_month_counts',
  'organization_other_kind_counts',
  'organization_other_kind_month_counts',
  'organization_year_counts',
  'organization_year_role_counts',
  'parent_year_counts',
  'organization_roots',
];

/**
 * Analytics read an in-memory copy of the moves in each API process (see docs/adr), so the count
 * tables, the functions and triggers that kept them, and the indexes only they read go. In their
 * place, `analytics_changes`: one row per changed move, organisation or person (or `all` after a
 * TRUNCATE), written by statement triggers in the writing transaction. A process applies the rows
 * past its last read to its copy before it answers; `xid` tells it which transactions may still
 * commit rows below a sequence number it has seen.
 *
 * One way only: going down would need the count machinery of the migrations before this one.
 */
export class AnalyticsChangeLog1796500000000 implements MigrationInterface {
  name = 'AnalyticsChangeLog1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS move_counts_sync ON moves`);
    for (const trigger of ['organization_root_inserted', 'organization_changing', 'organization_changed']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger} ON organizations`);
    }
    await queryRunner.query(`DROP TRIGGER IF EXISTS person_fields_changed ON people`);
    await queryRunner.query(`DROP TABLE ${COUNT_TABLES.join(', ')} CASCADE`);
    const functions: { signature: string }[] = await queryRunner.query(
      `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.proname = ANY($1)`,
      [
        [
          'move_counts_sync', 'organization_changed', 'organization_changing', 'organization_root_inserted', 'person_fields_changed',
          'move_count_slot', 'int_array_add', 'field_set', 'organization_subtree', 'organization_moves_add', 'organization_moves_many',
          'organization_roots_rebuild', 'move_counts_add', 'move_counts_rebuild', 'move_field_counts_add', 'move_kind_counts_rebuild',
          'move_pairs_add', 'move_pairs_rebuild', 'move_parent_pairs_rebuild', 'move_pair_field_parents_rebuild',
          'move_country_field_month_counts_add', 'move_country_month_counts_add', 'move_country_month_counts_rebuild',
          'move_kind_month_counts_add', 'move_kind_month_counts_rebuild', 'move_pair_field_counts_add', 'move_pair_field_counts_rebuild',
          'move_parent_kind_counts_add', 'move_parent_kind_counts_rebuild', 'move_parent_month_counts_add',
          'move_parent_month_counts_rebuild', 'move_sector_field_month_counts_add', 'move_sector_month_counts_add',
          'move_sector_month_counts_rebuild', 'organization_arrival_month_counts_add', 'organization_arrival_month_counts_rebuild',
          'organization_field_month_counts_add', 'organization_field_month_counts_rebuild', 'organization_month_counts_add',
          'organization_month_counts_rebuild', 'organization_other_kind_counts_add', 'organization_other_kind_counts_rebuild',
          'organization_other_kind_month_counts_add', 'organization_year_counts_add', 'organization_year_counts_rebuild',
          'organization_year_role_counts_add', 'organization_year_role_counts_rebuild', 'parent_year_counts_add',
          'parent_year_counts_rebuild',
        ],
      ],
    );
    for (const { signature } of functions) await queryRunner.query(`DROP FUNCTION ${signature} CASCADE`);
    await queryRunner.query(`DROP INDEX IF EXISTS ix_moves_date_ends, ix_moves_year_precision, ix_people_fields`);

    await queryRunner.query(`
      CREATE TABLE analytics_changes (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        entity text NOT NULL CHECK (entity IN ('move', 'organization', 'person', 'all')),
        id uuid,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_analytics_changes_xid ON analytics_changes (xid)`);
    await queryRunner.query(`CREATE INDEX ix_analytics_changes_changed_at ON analytics_changes (changed_at)`);
    // TG_ARGV[0]: the entity; TG_ARGV[1] (updates): the columns whose change the facts copy.
    await queryRunner.query(`
      CREATE FUNCTION analytics_change_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          INSERT INTO analytics_changes (entity) VALUES ('all');
        ELSIF TG_OP = 'INSERT' THEN
          INSERT INTO analytics_changes (entity, id) SELECT TG_ARGV[0], id FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO analytics_changes (entity, id) SELECT TG_ARGV[0], id FROM old_rows;
        ELSE
          EXECUTE format(
            'INSERT INTO analytics_changes (entity, id)
             SELECT %L, n.id FROM new_rows n JOIN old_rows o USING (id) WHERE (%s) IS DISTINCT FROM (%s)',
            TG_ARGV[0],
            (SELECT string_agg('o.' || quote_ident(c), ', ') FROM unnest(string_to_array(TG_ARGV[1], ',')) c),
            (SELECT string_agg('n.' || quote_ident(c), ', ') FROM unnest(string_to_array(TG_ARGV[1], ',')) c)
          );
        END IF;
        RETURN NULL;
      END $$`);
    const copied: Record<string, [string, string]> = {
      moves: ['move', 'person_id,from_organization_id,to_organization_id,role_category,effective_on,date_precision,status,deleted_at'],
      organizations: ['organization', 'name,sector,country,parent_id,deleted_at'],
      people: ['person', 'fields'],
    };
    for (const [table, [entity, columns]] of Object.entries(copied)) {
      const recorded = (...args: string[]) => `EXECUTE FUNCTION analytics_change_recorded(${args.map((a) => `'${a}'`).join(', ')})`;
      await queryRunner.query(`CREATE TRIGGER ${table}_inserted_for_analytics AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT ${recorded(entity)}`);
      await queryRunner.query(`CREATE TRIGGER ${table}_deleted_for_analytics AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT ${recorded(entity)}`);
      await queryRunner.query(
        `CREATE TRIGGER ${table}_updated_for_analytics AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT ${recorded(entity, columns)}`,
      );
      await queryRunner.query(`CREATE TRIGGER ${table}_truncated_for_analytics AFTER TRUNCATE ON ${table} FOR EACH STATEMENT ${recorded(entity)}`);
    }
  }

  public async down(): Promise<void> {
    throw new Error('AnalyticsChangeLog cannot be reverted: the count tables it dropped came from the migrations before it');
  }
}
