import { MigrationInterface, QueryRunner } from 'typeorm';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const SLOTS = 24;

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Every count keyed by an organisation's sector and country (`kinds`), or by its top-level parent
 * (`parent`), or by both (`move_parent_kind_counts`): the columns of its key as computed from a
 * move `m` (its organisations `f` and `t`, their roots `fr` and `tr`, its mover `p`), and how the
 * count is kept (`moves`: an integer column; `counts`: statuses × role categories folded).
 */
export const KEYED: { by: 'kinds' | 'parent' | 'both'; table: string; key: [string, string][]; count: 'moves' | 'counts'; where?: string }[] = [
  ...['sector', 'country'].flatMap((kind) => [
    {
      by: 'kinds' as const,
      table: `move_${kind}_counts`,
      key: [['year', 'extract(year FROM m.effective_on)::int'], [`from_${kind}`, `f.${kind}`], [`to_${kind}`, `t.${kind}`], ['status', 'm.status'], ['role_category', 'm.role_category']] as [string, string][],
      count: 'moves' as const,
    },
    {
      by: 'kinds' as const,
      table: `move_${kind}_field_counts`,
      key: [['year', 'extract(year FROM m.effective_on)::int'], ['fields', 'field_set(p.fields)'], [`from_${kind}`, `f.${kind}`], [`to_${kind}`, `t.${kind}`], ['status', 'm.status'], ['role_category', 'm.role_category']] as [string, string][],
      count: 'moves' as const,
    },
    {
      by: 'kinds' as const,
      table: `move_${kind}_month_counts`,
      key: [['month', `date_trunc('month', m.effective_on)::date`], ['whole_year', `m.date_precision = 'year'`], [`from_${kind}`, `f.${kind}`], [`to_${kind}`, `t.${kind}`]] as [string, string][],
      count: 'counts' as const,
    },
  ]),
  {
    by: 'kinds',
    table: 'move_kind_month_counts',
    key: [['month', `date_trunc('month', m.effective_on)::date`], ['whole_year', `m.date_precision = 'year'`], ['from_sector', 'f.sector'], ['to_sector', 't.sector'], ['from_country', 'f.country'], ['to_country', 't.country']],
    count: 'counts',
  },
  // Each end of a move, keyed by the kinds of the other end.
  ...[
    { end: 'to', other: 'f', arrival: 'true' },
    { end: 'from', other: 't', arrival: 'false' },
  ].map(({ end, other, arrival }) => ({
    by: 'kinds' as const,
    table: 'organization_other_kind_counts',
    key: [['organization_id', `m.${end}_organization_id`], ['year', 'extract(year FROM m.effective_on)::int'], ['arrival', arrival], ['other_sector', `${other}.sector`], ['other_country', `${other}.country`]] as [string, string][],
    count: 'counts' as const,
    where: `m.${end}_organization_id IS NOT NULL`,
  })),
  {
    by: 'parent',
    table: 'move_pair_counts',
    key: [['parents', 'true'], ['from_id', `coalesce(fr.root_id, m.from_organization_id, ${NIL})`], ['to_id', `coalesce(tr.root_id, m.to_organization_id, ${NIL})`], ['year', 'extract(year FROM m.effective_on)::int'], ['status', 'm.status'], ['role_category', 'm.role_category']],
    count: 'moves',
  },
  {
    by: 'parent',
    table: 'move_pair_totals',
    key: [['parents', 'true'], ['from_id', `coalesce(fr.root_id, m.from_organization_id, ${NIL})`], ['to_id', `coalesce(tr.root_id, m.to_organization_id, ${NIL})`]],
    count: 'moves',
  },
  {
    by: 'both',
    table: 'move_parent_kind_counts',
    key: [['from_root', `coalesce(fr.root_id, m.from_organization_id, ${NIL})`], ['to_root', `coalesce(tr.root_id, m.to_organization_id, ${NIL})`], ['year', 'extract(year FROM m.effective_on)::int'], ['from_sector', 'f.sector'], ['from_country', 'f.country'], ['to_sector', 't.sector'], ['to_country', 't.country']],
    count: 'counts',
  },
];

/** One table's share of the live moves of the organisations `ids`, times `delta`, added to its rows in one statement. */
export function keyedAdd({ by, table, key, count, where }: (typeof KEYED)[number]): string {
  const when = { kinds: 'kinds', parent: 'parent', both: '(kinds OR parent)' }[by];
  const columns = key.map(([column]) => column);
  const value =
    count === 'moves'
      ? 'delta * count(*)'
      : `ARRAY[${Array.from({ length: SLOTS }, (_, i) => `delta * count(*) FILTER (WHERE move_count_slot(m.status, m.role_category) = ${i + 1})`).join(', ')}]::integer[]`;
  return `
    INSERT INTO ${table} AS c (${columns.join(', ')}, ${count})
    SELECT ${key.map(([, expression]) => expression).join(', ')}, ${value}
    FROM moves m
    LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
    LEFT JOIN organization_roots fr ON fr.organization_id = m.from_organization_id
    LEFT JOIN organization_roots tr ON tr.organization_id = m.to_organization_id
    ${key.some(([, expression]) => /\bp\./.test(expression)) ? 'JOIN people p ON p.id = m.person_id' : ''}
    WHERE ${when} AND (m.from_organization_id = ANY(ids) OR m.to_organization_id = ANY(ids)) AND m.deleted_at IS NULL ${where ? `AND ${where}` : ''}
    GROUP BY ${columns.map((_, i) => i + 1).join(', ')}
    ON CONFLICT (${columns.join(', ')}) DO UPDATE
    SET ${count === 'moves' ? 'moves = c.moves + EXCLUDED.moves' : 'counts = int_array_add(c.counts, EXCLUDED.counts)'};`;
}

/** An organisation whose sector, country or parent changes (columns and WHEN of both triggers). */
const CHANGE = `UPDATE OF sector, country, parent_id ON organizations FOR EACH ROW
  WHEN (OLD.sector IS DISTINCT FROM NEW.sector OR OLD.country IS DISTINCT FROM NEW.country OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)`;

/**
 * Written by hand: a change of an organisation's sector, country or parent recounts only what it
 * touches, not every count table from all the moves. Its own live moves — with its
 * sub-organisations' when the parent changes — are taken out of the counts keyed by what changes before the change (a BEFORE trigger:
 * the old sector, country and roots are still in place) and put back after it, one aggregated
 * statement per table (one move at a time would update the same rows of the small tables again and
 * again in one transaction). Only the busiest organisations, past a twentieth of all the moves, are
 * recounted with everything.
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
      CREATE FUNCTION organization_moves_add(ids uuid[], kinds boolean, parent boolean, delta integer) RETURNS void LANGUAGE sql AS $$
        ${KEYED.map(keyedAdd).join('\n')}
      $$
    `);
    // Whether the moves concerned are too many for that: past a twentieth of all the moves (and
    // 10,000), recounting everything costs less.
    await queryRunner.query(`
      CREATE FUNCTION organization_moves_many(ids uuid[]) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      DECLARE
        many bigint := greatest(10000, (SELECT reltuples FROM pg_class WHERE oid = 'moves'::regclass)::bigint / 20);
      BEGIN
        RETURN (
          SELECT count(*) > many FROM (
            SELECT 1 FROM moves WHERE (from_organization_id = ANY(ids) OR to_organization_id = ANY(ids)) AND deleted_at IS NULL LIMIT many + 1
          ) concerned
        );
      END $$
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
          PERFORM organization_other_kind_counts_rebuild();
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
    // As OrganizationOtherKindCounts and PairCounts left them.
    await queryRunner.query(`
      CREATE FUNCTION organization_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM moves WHERE from_organization_id = NEW.id OR to_organization_id = NEW.id) THEN
          PERFORM move_kind_counts_rebuild();
          PERFORM move_kind_month_counts_rebuild();
          PERFORM move_sector_month_counts_rebuild();
          PERFORM move_country_month_counts_rebuild();
          PERFORM move_parent_kind_counts_rebuild();
          PERFORM organization_other_kind_counts_rebuild();
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
