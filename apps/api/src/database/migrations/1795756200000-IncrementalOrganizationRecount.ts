import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Past this many live moves of the organisations concerned, everything is recounted instead. One by
 * one, the same rows of the small tables (between sectors, between countries) are updated again and
 * again in one transaction, which grows their version chains: at a million moves, 12 moves took
 * 9 ms, 850 moves 4.7 s, against ~50 s for recounting everything.
 */
const MOVES_RECOUNTED_ONE_BY_ONE = 1000;

/** An organisation whose sector, country or parent changes (columns and WHEN of both triggers). */
const CHANGE = `UPDATE OF sector, country, parent_id ON organizations FOR EACH ROW
  WHEN (OLD.sector IS DISTINCT FROM NEW.sector OR OLD.country IS DISTINCT FROM NEW.country OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)`;

/**
 * Written by hand: a change of an organisation's sector, country or parent no longer recounts
 * every count table from all the moves (close to a minute at a million moves, in the request that
 * saved the organisation). Its own live moves — with its sub-organisations' when the parent
 * changes — are taken out of the counts they are keyed by before the change (a BEFORE trigger: the
 * counting functions still read the old sector, country and roots) and put back after it. Only
 * when those moves are many (the busiest organisations: 167 of 20,000 in the generated million moves) is everything recounted as before.
 */
export class IncrementalOrganizationRecount1795756200000 implements MigrationInterface {
  name = 'IncrementalOrganizationRecount1795756200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER organization_kind_changed ON organizations`);
    await queryRunner.query(`DROP TRIGGER organization_parent_changed ON organizations`);
    await queryRunner.query(`DROP FUNCTION organization_kind_changed()`);
    await queryRunner.query(`DROP FUNCTION organization_parent_changed()`);
    // The organisation and, when its parent changes, the organisations under it.
    await queryRunner.query(`
      CREATE FUNCTION organization_subtree(id uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
        WITH RECURSIVE subtree AS (
          SELECT id
          UNION
          SELECT o.id FROM organizations o JOIN subtree s ON o.parent_id = s.id
        )
        SELECT array_agg(subtree.id) FROM subtree;
      $$
    `);
    // The moves' share of every count keyed by what changes, added with delta (-1: taken out).
    await queryRunner.query(`
      CREATE FUNCTION organization_moves_add(ids uuid[], kinds boolean, parent boolean, delta integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        m moves;
      BEGIN
        FOR m IN SELECT * FROM moves WHERE (from_organization_id = ANY(ids) OR to_organization_id = ANY(ids)) AND deleted_at IS NULL LOOP
          IF kinds THEN
            PERFORM move_counts_add(m, delta); -- with the yearly counts between sectors and between countries
            PERFORM move_field_counts_add(m, (SELECT fields FROM people WHERE id = m.person_id), delta);
            PERFORM move_kind_month_counts_add(m, delta);
            PERFORM move_sector_month_counts_add(m, delta);
            PERFORM move_country_month_counts_add(m, delta);
          END IF;
          IF parent THEN
            PERFORM move_pairs_add(m, delta);
          END IF;
          PERFORM move_parent_kind_counts_add(m, delta);
        END LOOP;
      END $$
    `);
    // How many live moves a change concerns, counted up to the limit.
    await queryRunner.query(`
      CREATE FUNCTION organization_moves_many(ids uuid[]) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT count(*) > ${MOVES_RECOUNTED_ONE_BY_ONE} FROM (
          SELECT 1 FROM moves WHERE (from_organization_id = ANY(ids) OR to_organization_id = ANY(ids)) AND deleted_at IS NULL
          LIMIT ${MOVES_RECOUNTED_ONE_BY_ONE + 1}
        ) concerned;
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_changing() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent boolean := OLD.parent_id IS DISTINCT FROM NEW.parent_id;
        ids uuid[] := CASE WHEN parent THEN organization_subtree(OLD.id) ELSE ARRAY[OLD.id] END;
      BEGIN
        IF NOT organization_moves_many(ids) THEN
          PERFORM organization_moves_add(ids, OLD.sector IS DISTINCT FROM NEW.sector OR OLD.country IS DISTINCT FROM NEW.country, parent, -1);
        END IF;
        RETURN NEW;
      END $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kinds boolean := OLD.sector IS DISTINCT FROM NEW.sector OR OLD.country IS DISTINCT FROM NEW.country;
        parent boolean := OLD.parent_id IS DISTINCT FROM NEW.parent_id;
        ids uuid[] := CASE WHEN parent THEN organization_subtree(NEW.id) ELSE ARRAY[NEW.id] END;
      BEGIN
        IF parent THEN
          UPDATE organization_roots
          SET root_id = coalesce((SELECT root_id FROM organization_roots WHERE organization_id = NEW.parent_id), NEW.parent_id, NEW.id)
          WHERE organization_id = ANY(ids);
        END IF;
        IF NOT organization_moves_many(ids) THEN
          PERFORM organization_moves_add(ids, kinds, parent, 1);
          RETURN NULL;
        END IF;
        IF kinds THEN
          PERFORM move_kind_counts_rebuild();
          PERFORM move_kind_month_counts_rebuild();
          PERFORM move_sector_month_counts_rebuild();
          PERFORM move_country_month_counts_rebuild();
        END IF;
        IF parent THEN
          PERFORM move_parent_pairs_rebuild(); -- with move_parent_kind_counts
        ELSE
          PERFORM move_parent_kind_counts_rebuild();
        END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`CREATE TRIGGER organization_changing BEFORE ${CHANGE} EXECUTE FUNCTION organization_changing()`);
    await queryRunner.query(`CREATE TRIGGER organization_changed AFTER ${CHANGE} EXECUTE FUNCTION organization_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER organization_changed ON organizations`);
    await queryRunner.query(`DROP TRIGGER organization_changing ON organizations`);
    await queryRunner.query(`DROP FUNCTION organization_changed()`);
    await queryRunner.query(`DROP FUNCTION organization_changing()`);
    await queryRunner.query(`DROP FUNCTION organization_moves_many(uuid[])`);
    await queryRunner.query(`DROP FUNCTION organization_moves_add(uuid[], boolean, boolean, integer)`);
    await queryRunner.query(`DROP FUNCTION organization_subtree(uuid)`);
    // As ParentKindCounts and PairCounts left them.
    await queryRunner.query(`
      CREATE FUNCTION organization_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM moves WHERE from_organization_id = NEW.id OR to_organization_id = NEW.id) THEN
          PERFORM move_kind_counts_rebuild();
          PERFORM move_kind_month_counts_rebuild();
          PERFORM move_sector_month_counts_rebuild();
          PERFORM move_country_month_counts_rebuild();
          PERFORM move_parent_kind_counts_rebuild();
        END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER organization_kind_changed AFTER UPDATE OF sector, country ON organizations
      FOR EACH ROW WHEN (OLD.sector IS DISTINCT FROM NEW.sector OR OLD.country IS DISTINCT FROM NEW.country)
      EXECUTE FUNCTION organization_kind_changed()
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_parent_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        root uuid := coalesce((SELECT root_id FROM organization_roots WHERE organization_id = NEW.parent_id), NEW.parent_id, NEW.id);
        moved uuid[];
      BEGIN
        WITH RECURSIVE subtree AS (
          SELECT NEW.id AS id
          UNION
          SELECT o.id FROM organizations o JOIN subtree s ON o.parent_id = s.id
        )
        SELECT array_agg(id) INTO moved FROM subtree;
        UPDATE organization_roots SET root_id = root WHERE organization_id = ANY(moved);
        IF EXISTS (SELECT 1 FROM moves WHERE from_organization_id = ANY(moved) OR to_organization_id = ANY(moved)) THEN
          PERFORM move_parent_pairs_rebuild();
        END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER organization_parent_changed AFTER UPDATE OF parent_id ON organizations
      FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION organization_parent_changed()
    `);
  }
}
