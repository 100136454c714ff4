import { MigrationInterface, QueryRunner } from 'typeorm';

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

const MOVE_COUNTS_REBUILD = (extra: string) => `
  CREATE OR REPLACE FUNCTION move_counts_rebuild() RETURNS void LANGUAGE sql AS $$
    TRUNCATE move_counts;
    INSERT INTO move_counts
    SELECT date_trunc('month', effective_on)::date, from_organization_id, to_organization_id,
           status, role_category, date_precision, count(*)
    FROM moves WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6;
    SELECT move_kind_counts_rebuild();
    SELECT organization_month_counts_rebuild();
    ${extra}
  $$`;

const MOVE_COUNTS_SYNC = (extra: (row: string, delta: number) => string) => `
  CREATE OR REPLACE FUNCTION move_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
      PERFORM move_counts_add(OLD, -1);
      PERFORM organization_month_counts_add(OLD, -1);
      ${extra('OLD', -1)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
      PERFORM move_counts_add(NEW, 1);
      PERFORM organization_month_counts_add(NEW, 1);
      ${extra('NEW', 1)}
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Written by hand: what the flows between single organisations, or between top-level parents,
 * need at a million moves, where there are hundreds of thousands of distinct pairs and a Sankey
 * shows the busiest hundred.
 *
 * - `organization_roots`: each organisation's top-level parent (itself when it has none), kept by
 *   triggers on `organizations`; a table has statistics where the recursive query had none.
 * - `move_pair_counts`: moves per year, origin, destination, status and role category, once between
 *   organisations (`parents` false) and once between their top-level parents (`parents` true). An
 *   unknown side is the nil uuid, so that every key is indexable.
 * - `move_pair_totals`: each pair's count of every live move, whatever its date or status: an upper
 *   bound of any filtered count, ranked by an index. The API reads the pairs in that order, counts
 *   the first thousand exactly, and stops when the bound of the next pair is below the last one
 *   it keeps (a threshold top-N; see AnalyticsService.topPairs).
 *
 * The top origins and destinations of one organisation read its rows of `move_pair_counts` too.
 *
 * The trigger on `moves` keeps both counts exact; a change of an organisation's parent recounts the
 * parents' rows (rare, and a second or two at a million moves).
 */
export class PairCounts1795755400000 implements MigrationInterface {
  name = 'PairCounts1795755400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_roots (
        organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
        root_id uuid NOT NULL
      )
    `);
    await queryRunner.query(`CREATE INDEX ix_organization_roots_root_id ON organization_roots (root_id)`);
    await queryRunner.query(`
      CREATE FUNCTION organization_roots_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE organization_roots;
        INSERT INTO organization_roots
        WITH RECURSIVE roots AS (
          SELECT id, id AS root_id FROM organizations WHERE parent_id IS NULL
          UNION
          SELECT o.id, r.root_id FROM organizations o JOIN roots r ON o.parent_id = r.id
        )
        SELECT id, root_id FROM roots;
      $$
    `);
    await queryRunner.query(`
      CREATE TABLE move_pair_counts (
        parents boolean NOT NULL, from_id uuid NOT NULL, to_id uuid NOT NULL, year integer,
        status move_status NOT NULL, role_category role_category NOT NULL, moves integer NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_move_pair_counts_key
      ON move_pair_counts (parents, from_id, to_id, year, status, role_category) INCLUDE (moves) NULLS NOT DISTINCT
    `);
    // One organisation's origins: its rows as a destination. Both pair columns lead, so that a
    // lookup of one pair is as cheap through this index as through the key (PostgreSQL 18 picks it).
    await queryRunner.query(
      `CREATE INDEX ix_move_pair_counts_destination ON move_pair_counts (parents, to_id, from_id, year) INCLUDE (status, role_category, moves)`,
    );
    await queryRunner.query(`
      CREATE TABLE move_pair_totals (
        parents boolean NOT NULL, from_id uuid NOT NULL, to_id uuid NOT NULL, moves integer NOT NULL,
        PRIMARY KEY (parents, from_id, to_id)
      )
    `);
    await queryRunner.query(`CREATE INDEX ix_move_pair_totals_rank ON move_pair_totals (parents, moves DESC) INCLUDE (from_id, to_id)`);
    await queryRunner.query(`
      CREATE FUNCTION move_pairs_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        WITH sides AS (
          SELECT false AS parents, coalesce(m.from_organization_id, ${NIL}) AS from_id, coalesce(m.to_organization_id, ${NIL}) AS to_id
          UNION ALL
          SELECT true,
                 coalesce((SELECT root_id FROM organization_roots WHERE organization_id = m.from_organization_id), m.from_organization_id, ${NIL}),
                 coalesce((SELECT root_id FROM organization_roots WHERE organization_id = m.to_organization_id), m.to_organization_id, ${NIL})
        ),
        counted AS (
          INSERT INTO move_pair_counts AS c
          SELECT parents, from_id, to_id, extract(year FROM m.effective_on)::int, m.status, m.role_category, delta FROM sides
          ON CONFLICT (parents, from_id, to_id, year, status, role_category) DO UPDATE SET moves = c.moves + EXCLUDED.moves
        )
        INSERT INTO move_pair_totals AS t SELECT parents, from_id, to_id, delta FROM sides
        ON CONFLICT (parents, from_id, to_id) DO UPDATE SET moves = t.moves + EXCLUDED.moves;
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_parent_pairs_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM move_pair_counts WHERE parents;
        DELETE FROM move_pair_totals WHERE parents;
        INSERT INTO move_pair_counts
        SELECT true, coalesce(f.root_id, c.from_id), coalesce(t.root_id, c.to_id), c.year, c.status, c.role_category, sum(c.moves)
        FROM move_pair_counts c
        LEFT JOIN organization_roots f ON f.organization_id = c.from_id
        LEFT JOIN organization_roots t ON t.organization_id = c.to_id
        WHERE NOT c.parents GROUP BY 1, 2, 3, 4, 5, 6;
        INSERT INTO move_pair_totals SELECT true, from_id, to_id, sum(moves) FROM move_pair_counts WHERE parents GROUP BY 1, 2, 3;
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION move_pairs_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE move_pair_counts;
        TRUNCATE move_pair_totals;
        INSERT INTO move_pair_counts
        SELECT false, coalesce(from_organization_id, ${NIL}), coalesce(to_organization_id, ${NIL}),
               extract(year FROM effective_on)::int, status, role_category, count(*)
        FROM moves WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
        INSERT INTO move_pair_totals SELECT false, from_id, to_id, sum(moves) FROM move_pair_counts GROUP BY 1, 2, 3;
        SELECT move_parent_pairs_rebuild();
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_root_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO organization_roots
        VALUES (NEW.id, coalesce((SELECT root_id FROM organization_roots WHERE organization_id = NEW.parent_id), NEW.parent_id, NEW.id));
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER organization_root_inserted AFTER INSERT ON organizations
      FOR EACH ROW EXECUTE FUNCTION organization_root_inserted()
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
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => `PERFORM move_pairs_add(${row}, ${delta});`));
    await queryRunner.query(MOVE_COUNTS_REBUILD('SELECT move_pairs_rebuild();'));
    await queryRunner.query(`SELECT organization_roots_rebuild()`);
    await queryRunner.query(`SELECT move_pairs_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(MOVE_COUNTS_REBUILD(''));
    await queryRunner.query(MOVE_COUNTS_SYNC(() => ''));
    await queryRunner.query(`DROP TRIGGER organization_parent_changed ON organizations`);
    await queryRunner.query(`DROP FUNCTION organization_parent_changed()`);
    await queryRunner.query(`DROP TRIGGER organization_root_inserted ON organizations`);
    await queryRunner.query(`DROP FUNCTION organization_root_inserted()`);
    await queryRunner.query(`DROP FUNCTION move_pairs_rebuild()`);
    await queryRunner.query(`DROP FUNCTION move_parent_pairs_rebuild()`);
    await queryRunner.query(`DROP FUNCTION move_pairs_add(moves, integer)`);
    await queryRunner.query(`DROP TABLE move_pair_totals`);
    await queryRunner.query(`DROP TABLE move_pair_counts`);
    await queryRunner.query(`DROP FUNCTION organization_roots_rebuild()`);
    await queryRunner.query(`DROP TABLE organization_roots`);
  }
}
