import { MigrationInterface, QueryRunner } from 'typeorm';
import { KEYED } from './1795756200000-IncrementalOrganizationRecount';
import { MOVE_COUNTS_SYNC, ORGANIZATION_MOVES_ADD, PARENT_FIELD_ROWS, PERSON_FIELDS_CHANGED } from './1795756600000-PairFieldCounts';

/** The enums when this was written: one slot per status × role category (move_count_slot). */
const STATUSES = ['rumoured', 'announced', 'confirmed', 'cancelled'];
const ROLES = 6;
const SLOTS = STATUSES.length * ROLES;
const STATUS_COLUMNS = STATUSES.map((status) => `counts_${status}`);
const KINDS = [
  { kind: 'sector', type: 'sector' },
  { kind: 'country', type: 'character(2)' },
];

/** Folds `slot` (move_count_slot) into one count per slot, for a GROUP BY. */
const FOLDED = `ARRAY[${Array.from({ length: SLOTS }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})`).join(', ')}]::integer[]`;

/** The monthly counts by sector (country) of one move `m`, and with its mover's `fields` if given. */
const monthRows = (kind: string, fields?: string) => `
  SELECT date_trunc('month', m.effective_on)::date AS month, m.date_precision = 'year' AS whole_year,
         ${fields ? `field_set(${fields}) AS fields,` : ''} f.${kind} AS from_${kind}, t.${kind} AS to_${kind},
         move_count_slot(m.status, m.role_category) AS slot
  FROM moves m ${fields ? 'JOIN people p ON p.id = m.person_id' : ''}
  LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
  WHERE m.deleted_at IS NULL`;

/** As SectorCountryMonthCounts left it (`fields` false), or with the split by fields after it. */
const MONTH_COUNTS_REBUILD = (kind: string, fields: boolean) => `
  CREATE OR REPLACE FUNCTION move_${kind}_month_counts_rebuild() RETURNS void LANGUAGE sql AS $$
    TRUNCATE move_${kind}_month_counts;
    INSERT INTO move_${kind}_month_counts (month, whole_year, from_${kind}, to_${kind}, counts)
    SELECT month, whole_year, from_${kind}, to_${kind}, ${FOLDED}
    FROM (${monthRows(kind)}) sides
    GROUP BY 1, 2, 3, 4;
    ${
      fields
        ? `TRUNCATE move_${kind}_field_month_counts;
    INSERT INTO move_${kind}_field_month_counts (month, whole_year, fields, from_${kind}, to_${kind}, counts)
    SELECT month, whole_year, fields, from_${kind}, to_${kind}, ${FOLDED}
    FROM (${monthRows(kind, 'p.fields')}) sides
    GROUP BY 1, 2, 3, 4, 5;`
        : ''
    }
  $$`;

/** The new tables in the set-based recount of an organisation's moves (see IncrementalOrganizationRecount). */
export const FIELD_MONTH_ROWS: typeof KEYED = KINDS.map(({ kind }) => ({
  by: 'kinds' as const,
  table: `move_${kind}_field_month_counts`,
  key: [['month', `date_trunc('month', m.effective_on)::date`], ['whole_year', `m.date_precision = 'year'`], ['fields', 'field_set(p.fields)'], [`from_${kind}`, `f.${kind}`], [`to_${kind}`, `t.${kind}`]] as [string, string][],
  count: 'counts' as const,
}));

/**
 * Written by hand: moves per month between sectors, and between countries, split by the mover's
 * set of research fields (`move_sector_month_counts` and `move_country_month_counts` split as the
 * yearly `…_field_counts` are). A research-field filter by sector or country per month or quarter,
 * or over a range that is not whole years, would aggregate every move of its range with its mover;
 * these answer from the rows of the sets that
 * match, read set by set through the key (which leads with the set). Kept by the moves trigger, by
 * the trigger on people's fields and by a change of an organisation's sector or country; rebuilt
 * with the roll-ups they split.
 */
export class FieldMonthCounts1795757000000 implements MigrationInterface {
  name = 'FieldMonthCounts1795757000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { kind, type } of KINDS) {
      const statusColumns = STATUSES.map((status, i) => {
        const slots = Array.from({ length: ROLES }, (_, role) => `counts[${i * ROLES + role + 1}]`).join(' + ');
        return `counts_${status} integer GENERATED ALWAYS AS (${slots}) STORED`;
      });
      await queryRunner.query(`
        CREATE TABLE move_${kind}_field_month_counts (
          month date, whole_year boolean NOT NULL, fields text[] NOT NULL, from_${kind} ${type}, to_${kind} ${type},
          counts integer[] NOT NULL, ${statusColumns.join(', ')}
        )
      `);
      await queryRunner.query(`
        CREATE UNIQUE INDEX uq_move_${kind}_field_month_counts_key
        ON move_${kind}_field_month_counts (fields, month, whole_year, from_${kind}, to_${kind}) INCLUDE (${STATUS_COLUMNS.join(', ')}) NULLS NOT DISTINCT
      `);
      await queryRunner.query(`
        CREATE FUNCTION move_${kind}_field_month_counts_add(m moves, fields text[], delta integer) RETURNS void LANGUAGE sql AS $$
          INSERT INTO move_${kind}_field_month_counts AS c (month, whole_year, fields, from_${kind}, to_${kind}, counts)
          SELECT date_trunc('month', m.effective_on)::date, m.date_precision = 'year', field_set(fields), f.${kind}, t.${kind},
                 ARRAY(SELECT CASE WHEN i = move_count_slot(m.status, m.role_category) THEN delta ELSE 0 END FROM generate_series(1, ${SLOTS}) i ORDER BY i)
          FROM (SELECT 1) one
          LEFT JOIN organizations f ON f.id = m.from_organization_id LEFT JOIN organizations t ON t.id = m.to_organization_id
          ON CONFLICT (fields, month, whole_year, from_${kind}, to_${kind})
          DO UPDATE SET counts = int_array_add(c.counts, EXCLUDED.counts);
        $$
      `);
      await queryRunner.query(MONTH_COUNTS_REBUILD(kind, true));
    }
    const adds = (row: string, fields: string, delta: number) =>
      KINDS.map(({ kind }) => `move_${kind}_field_month_counts_add(${row}, ${fields}, ${delta})`);
    await queryRunner.query(
      MOVE_COUNTS_SYNC((row, delta) =>
        [
          `PERFORM move_pair_field_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`,
          ...adds(row, `(SELECT fields FROM people WHERE id = ${row}.person_id)`, delta).map((add) => `PERFORM ${add};`),
        ].join('\n      '),
      ),
    );
    await queryRunner.query(
      PERSON_FIELDS_CHANGED(
        [
          'move_pair_field_counts_add(m, OLD.fields, -1)',
          'move_pair_field_counts_add(m, NEW.fields, 1)',
          ...adds('m', 'OLD.fields', -1),
          ...adds('m', 'NEW.fields', 1),
        ]
          .map((call) => `, ${call}`)
          .join(''),
      ),
    );
    await queryRunner.query(ORGANIZATION_MOVES_ADD([...KEYED, PARENT_FIELD_ROWS, ...FIELD_MONTH_ROWS]));
    for (const { kind } of KINDS) {
      await queryRunner.query(`SELECT move_${kind}_month_counts_rebuild()`);
      await queryRunner.query(`ANALYZE move_${kind}_field_month_counts`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // As PairFieldCounts left them.
    await queryRunner.query(ORGANIZATION_MOVES_ADD([...KEYED, PARENT_FIELD_ROWS]));
    await queryRunner.query(PERSON_FIELDS_CHANGED(', move_pair_field_counts_add(m, OLD.fields, -1), move_pair_field_counts_add(m, NEW.fields, 1)'));
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => `PERFORM move_pair_field_counts_add(${row}, (SELECT fields FROM people WHERE id = ${row}.person_id), ${delta});`));
    for (const { kind } of KINDS) {
      await queryRunner.query(MONTH_COUNTS_REBUILD(kind, false));
      await queryRunner.query(`DROP FUNCTION move_${kind}_field_month_counts_add(moves, text[], integer)`);
      await queryRunner.query(`DROP TABLE move_${kind}_field_month_counts`);
    }
  }
}
