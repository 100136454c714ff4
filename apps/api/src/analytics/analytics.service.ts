import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MoveStatus, Population, RoleCategory } from '@talentflow/domain';
import { DataSource } from 'typeorm';
import { AnalyticsFilterDto, FlowsQueryDto, HeadcountQueryDto, type Level, NetFlowsQueryDto, TopQueryDto } from './dto/analytics-filter.dto';
import { Sql } from './sql';

const DEFAULT_STATUSES = [MoveStatus.Announced, MoveStatus.Confirmed];

/** The statuses a filter asks for: announced and confirmed unless it names others. */
const statusesOf = (filter: AnalyticsFilterDto): MoveStatus[] => (filter.statuses?.length ? filter.statuses : DEFAULT_STATUSES);

/** One link of a flow: keys (null: unknown) and names at the level, and the moves between them. */
type Link = { source: string | null; source_name: string | null; target: string | null; target_name: string | null; value: number };

/** The unknown side of a move in `move_pair_counts` and `move_pair_totals`. */
const NIL = '00000000-0000-0000-0000-000000000000';

/** Which moves change a population's headcount: advisors join nobody's staff. */
const POPULATION_ROLES: Record<Population, RoleCategory[]> = {
  [Population.Researchers]: [RoleCategory.Researcher, RoleCategory.Leadership],
  [Population.Staff]: [RoleCategory.Researcher, RoleCategory.Leadership, RoleCategory.Engineer, RoleCategory.Other],
  [Population.PhdStudents]: [RoleCategory.Student],
  [Population.Members]: Object.values(RoleCategory).filter((role) => role !== RoleCategory.Advisor),
};

const isFirstOfMonth = (date?: string) => !date || date.endsWith('-01');
const isLastOfMonth = (date?: string) => {
  if (!date) return true;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

/**
 * The whole months inside a range that is not made of whole months (2023-03-15..2024-06-20 →
 * 2023-04-01..2024-05-31), which the monthly counts answer while the moves answer the days at its
 * edges; undefined when the range is whole months already, open, or holds no whole month.
 */
function wholeMonthsWithin({ from, to }: AnalyticsFilterDto): { from: string; to: string } | undefined {
  if (!AnalyticsService.SPLIT_RANGES || !from || !to || (isFirstOfMonth(from) && isLastOfMonth(to))) return undefined;
  const first = new Date(`${from}T00:00:00Z`);
  if (!isFirstOfMonth(from)) first.setUTCMonth(first.getUTCMonth() + 1, 1);
  const last = new Date(`${to}T00:00:00Z`);
  if (!isLastOfMonth(to)) last.setUTCDate(0); // the last day of the month before
  if (first > last) return undefined;
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** How many calendar months a range touches (open: as many as there can be). */
function monthsSpanned({ from, to }: AnalyticsFilterDto): number {
  if (!from || !to) return Infinity;
  const month = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return month(to) - month(from) + 1;
}

/** Whether a range is made of whole years, which the yearly counts answer. */
const isWholeYears = ({ from, to }: AnalyticsFilterDto) => (!from || from.endsWith('-01-01')) && (!to || to.endsWith('-12-31'));

/** The years of a range made of whole years, as conditions on a yearly table's `year` (alias `t`). */
function yearConditions(sql: Sql, filter: AnalyticsFilterDto, t: string): string[] {
  const where: string[] = [];
  if (filter.from) where.push(`${t}.year >= ${sql.param(Number(filter.from.slice(0, 4)))}`);
  if (filter.to) where.push(`${t}.year <= ${sql.param(Number(filter.to.slice(0, 4)))}`);
  return where;
}

/** The statuses and role categories asked for, on a table or the moves (alias `t`). */
function kindOfMoveConditions(sql: Sql, filter: AnalyticsFilterDto, t: string): string[] {
  const where = [`${t}.status = ANY(${sql.param(statusesOf(filter))}::move_status[])`];
  if (filter.roleCategories?.length) where.push(`${t}.role_category = ANY(${sql.param(filter.roleCategories)}::role_category[])`);
  return where;
}

/** The conditions of a yearly count table (alias `t`): status, role category and years. */
function yearlyConditions(sql: Sql, filter: AnalyticsFilterDto, t: string): string[] {
  return [...kindOfMoveConditions(sql, filter, t), ...yearConditions(sql, filter, t)];
}

/**
 * A monthly table's rows in a range starting at `from` (a first of month, parameter): from that
 * month on, and a year back for the rows of moves known only to the year (`yearOnly`, a boolean
 * SQL expression), whose year reaches into the range. Two ranges of the index on the month.
 */
const monthsFrom = (month: string, yearOnly: string, from: string) =>
  `(${month} >= ${from}::date OR (${yearOnly} AND ${month} > (${from}::date - interval '1 year')::date AND ${month} < ${from}::date))`;

/**
 * The same rows of `move_counts` (alias `n`; of another monthly table, with its `yearOnly`
 * condition) in a range of whole months as separate index ranges on the month, each a list of
 * conditions: the months of the range, and the year before it for moves known only to the year.
 */
function monthRanges(sql: Sql, filter: AnalyticsFilterDto, n: string, yearOnly = `${n}.date_precision = 'year'`): string[][] {
  const to = filter.to ? [`${n}.month <= ${sql.param(filter.to)}::date`] : [];
  if (!filter.from) return [to];
  const from = sql.param(filter.from);
  return [
    [`${n}.month >= ${from}::date`, ...to],
    [yearOnly, `${n}.month > (${from}::date - interval '1 year')::date`, `${n}.month < ${from}::date`],
  ];
}

/**
 * The first day of the net-flow period (month, quarter, year) holding `month` (an SQL date), or
 * NULL when net flows are over the whole range. Yearly tables pass `make_date(year, 1, 1)`, only
 * ever asked for per year.
 */
const periodStart = ({ period }: NetFlowsQueryDto, month: string) => (period === 'none' ? 'NULL::date' : `date_trunc('${period}', ${month})::date`);

/**
 * How net flows per period break the ranked keys down, period by period, from their own rows (see
 * `AnalyticsService.breakdown`).
 */
type Breakdown = 'years' | 'months' | 'edges' | 'kinds' | 'kindEdges' | 'fields';

/** The moves (alias m) whose period overlaps the range. */
function dateConditions(sql: Sql, filter: AnalyticsFilterDto): string[] {
  const dates: string[] = [];
  if (filter.from) {
    const from = sql.param(filter.from);
    // The second is implied by the first (no period is longer than a year), and a range of the index on the date.
    dates.push(`m.effective_on + ${PERIOD_OF('m.date_precision')} > ${from}::date`, `m.effective_on > (${from}::date - interval '1 year')::date`);
  }
  if (filter.to) dates.push(`m.effective_on <= ${sql.param(filter.to)}::date`);
  return dates;
}

/**
 * `sets(fields)`: the distinct sets of research fields of a table whose index leads with `fields`
 * (rows where `where` holds, on unqualified columns), one index probe per set (a loose index scan):
 * the few sets there are, where a filter `fields && …` would read every row.
 */
const fieldSets = (table: string, where = 'true') => `WITH RECURSIVE sets AS (
  SELECT min(fields) AS fields FROM ${table} WHERE ${where}
  UNION ALL
  SELECT (SELECT min(n.fields) FROM ${table} n WHERE ${where} AND n.fields > s.fields) FROM sets s WHERE s.fields IS NOT NULL
)`;

/** Each organisation's monthly arrivals and departures split by the mover's set of fields. */
const FIELD_MONTHS = 'organization_field_month_counts';
/** Each organisation's arrivals and departures by month, every status and role folded into one row. */
const ORGANIZATION_MONTHS = 'organization_arrival_month_counts';
/** Moves by month between top-level parents, every status and role folded into one row. */
const PARENT_MONTHS = 'move_parent_month_counts';

/** `(key, period, arrivals, departures)` from pairs `(from_key, to_key, …, n)`: each an arrival and a departure. */
const endsOf = (pairs: string, period: string) => `
  SELECT to_key AS key, ${period} AS period, n AS arrivals, 0 AS departures FROM ${pairs} WHERE to_key IS NOT NULL
  UNION ALL
  SELECT from_key, ${period}, 0, n FROM ${pairs} WHERE from_key IS NOT NULL`;

/** The period a date is known for, by its precision, as an SQL interval. */
const PERIOD_OF = (precision: string) =>
  `(CASE ${precision} WHEN 'year' THEN interval '1 year' WHEN 'month' THEN interval '1 month' ELSE interval '1 day' END)`;

/**
 * Every figure of the dashboards, computed by PostgreSQL from the cheapest source that answers
 * exactly, all kept by one trigger on `moves` (see the migrations and the README's table):
 * yearly counts between sectors or countries (`…_field_counts` split by research fields) for
 * whole-year views by kind; `move_pair_counts` for the busiest pairs of organisations or parents
 * and top origins over whole years (`move_parent_kind_counts` for parents filtered by sector or
 * country, `move_pair_field_counts` with a research field); `organization_year_counts` and
 * `organization_other_kind_counts` for net flows by organisation or parent over whole years;
 * monthly counts between kinds (`move_kind_month_counts`, rolled up to sectors alone and countries
 * alone, the roll-ups also split by research fields) or between organisations (`move_counts`, also
 * pair by pair for the busiest) for whole months; `organization_month_counts` for headcount series;
 * `organization_arrival_month_counts` for net flows by organisation or parent over whole months
 * (`organization_month_counts` with a role filter; `organization_field_month_counts`, the same
 * split by research fields, with a research-field filter; with a country filter,
 * `organization_other_kind_month_counts` for the organisations outside it). A range that cuts
 * months takes its whole months from those and the days around them from `moves` (by an index on
 * the date that carries what is read), which also answers what no count holds. A move with a month
 * or year date counts in a range its period overlaps.
 */
@Injectable()
export class AnalyticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether a range that cuts months is split into whole months and edge days (tests compare with the moves alone). */
  static SPLIT_RANGES = true;

  /** Whether these filters can be answered from the pre-aggregated counts. */
  static usesCounts(filter: AnalyticsFilterDto): boolean {
    return !filter.fields?.length && isFirstOfMonth(filter.from) && isLastOfMonth(filter.to);
  }

  /**
   * The yearly counts between sectors or between countries, when they can answer: whole years,
   * a sector or country level, and no filter they do not hold (organisations; the other kind).
   */
  static kindTable(query: FlowsQueryDto): { table: string; column: 'sector' | 'country'; byFields: boolean } | undefined {
    if (query.organizationIds?.length) return undefined;
    if (!isWholeYears(query)) return undefined;
    // With research fields, the same counts split by the mover's set of fields.
    const byFields = Boolean(query.fields?.length);
    if (query.level === 'sector' && !query.countries?.length) {
      return { table: byFields ? 'move_sector_field_counts' : 'move_sector_counts', column: 'sector', byFields };
    }
    if (query.level === 'country' && !query.sectors?.length) {
      return { table: byFields ? 'move_country_field_counts' : 'move_country_counts', column: 'country', byFields };
    }
    return undefined;
  }

  /** `kinds(from_key, to_key, year, n)` from a yearly table. */
  private kindFacts(sql: Sql, query: FlowsQueryDto, { table, column, byFields }: { table: string; column: string; byFields: boolean }): string {
    const where = [`k.moves <> 0`, ...yearlyConditions(sql, query, 'k')];
    if (byFields) where.push(`k.fields && ${sql.param(query.fields)}::text[]`);
    const kinds = column === 'sector' ? query.sectors : query.countries?.map((c) => c.toUpperCase());
    if (kinds?.length) {
      const values = sql.param(kinds);
      where.push(`(k.from_${column}::text = ANY(${values}) OR k.to_${column}::text = ANY(${values}))`);
    }
    return `SELECT k.from_${column}::text AS from_key, k.to_${column}::text AS to_key, k.year, k.moves AS n FROM ${table} k WHERE ${where.join(' AND ')}`;
  }

  /**
   * `facts(from_id, to_id, month, n)`: the moves that pass the move filters, counted. When the
   * caller needs no finer period than the year (`yearsSuffice`), whole years with a research-field
   * filter are read from the yearly counts between organisations split by fields (`month`: 1 January).
   */
  private facts(sql: Sql, filter: AnalyticsFilterDto, yearsSuffice = false): string {
    if (yearsSuffice && filter.fields?.length && isWholeYears(filter)) return this.fieldPairFacts(sql, filter);
    if (AnalyticsService.usesCounts(filter)) return this.monthlyFacts(sql, filter);
    const months = filter.fields?.length ? undefined : wholeMonthsWithin(filter);
    // The whole months from the monthly counts, the days around them from the moves.
    if (months) return `${this.monthlyFacts(sql, { ...filter, ...months })} UNION ALL ${this.edgeFacts(sql, filter, months)}`;
    return this.moveFacts(sql, filter, dateConditions(sql, filter));
  }

  /**
   * `facts` from `move_counts`, for a range of whole months: each range of months read on its own
   * from the key index, which leads with the month and carries the count (as one OR, a bitmap of
   * the table).
   */
  private monthlyFacts(sql: Sql, filter: AnalyticsFilterDto): string {
    const kinds = kindOfMoveConditions(sql, filter, 'c');
    return monthRanges(sql, filter, 'c')
      .map(
        (range) => `SELECT c.from_organization_id AS from_id, c.to_organization_id AS to_id, c.month, c.moves AS n
            FROM move_counts c WHERE ${[`c.moves <> 0`, ...kinds, ...range].join(' AND ')}`,
      )
      .join(' UNION ALL ');
  }

  /**
   * `facts` from `move_pair_field_counts` between organisations, for whole years and a
   * research-field filter. Its index on (set of fields, year) is read set by set: the distinct
   * sets first, one index probe each (a loose index scan), then the rows of those that match
   * (and `condition`, on alias n, if given).
   */
  private fieldPairFacts(sql: Sql, filter: AnalyticsFilterDto, condition?: string): string {
    const where = [`NOT n.parents`, `n.fields = s.fields`, ...yearConditions(sql, filter, 'n'), ...(condition ? [condition] : [])];
    return `${fieldSets('move_pair_field_counts', 'NOT parents')}
            SELECT nullif(n.from_id, '${NIL}') AS from_id, nullif(n.to_id, '${NIL}') AS to_id, make_date(n.year, 1, 1) AS month,
                   ${AnalyticsService.countsOf(filter, 'n.counts')} AS n
            FROM sets s CROSS JOIN LATERAL (SELECT * FROM move_pair_field_counts n WHERE ${where.join(' AND ')}) n
            WHERE s.fields && ${sql.param(filter.fields)}::text[]`;
  }

  /**
   * `facts` from the moves themselves, one per move, with the conditions on their dates given.
   * With a research-field filter, each mover's fields: looked up move by move when the dates keep
   * `few` moves (fewer lookups than there are people with the fields); otherwise the
   * movers among the people with a matching set of fields, read from the index on (fields, id) set
   * by set. Those people had been found by reading every person (`EXISTS … p.fields && …`, a
   * sequential scan of `people`): at a million moves, flows between organisations with a research
   * field over April – June 2024 took 74 ms in SQL, 31 with the index.
   */
  private moveFacts(sql: Sql, filter: AnalyticsFilterDto, dates: string[], few = false): string {
    const where = [`m.deleted_at IS NULL`, ...kindOfMoveConditions(sql, filter, 'm'), ...dates];
    if (filter.fields?.length) {
      const fields = `${sql.param(filter.fields)}::text[]`;
      where.push(
        few
          ? `(SELECT p.fields FROM people p WHERE p.id = m.person_id) && ${fields}`
          : `m.person_id IN (SELECT p.id FROM (${fieldSets('people')} SELECT fields FROM sets WHERE fields && ${fields}) s JOIN people p ON p.fields = s.fields)`,
      );
    }
    return `SELECT m.from_organization_id AS from_id, m.to_organization_id AS to_id,
                   date_trunc('month', m.effective_on)::date AS month, 1 AS n
            FROM moves m WHERE ${where.join(' AND ')}`;
  }

  /**
   * `facts` of the moves in the range but not in its whole `months`: those dated in the days
   * around them, and those known to the month or year whose period reaches into the range only
   * there. Three date ranges that do not overlap, each read on its own from an index that carries
   * what is read (`ix_moves_date_ends`, and the small one on year-precision moves): as one OR, the
   * planner read them by a bitmap of the plain date index and fetched every move from the table
   * (~8,500 pages for 15 March 2023 – 20 June 2024 at a million moves).
   */
  private edgeFacts(sql: Sql, filter: AnalyticsFilterDto, months: { from: string; to: string }): string {
    const [from, to, first, last] = [sql.param(filter.from), sql.param(filter.to), sql.param(months.from), sql.param(months.to)];
    const period = PERIOD_OF('m.date_precision');
    const exact = [
      `m.effective_on + ${period} > ${from}::date`,
      `m.effective_on <= ${to}::date`,
      `NOT (m.effective_on + ${period} > ${first}::date AND m.effective_on <= ${last}::date)`,
    ];
    // Implied by the above, and spelled as date ranges for the indexes: the days before the whole
    // months, those after them, and moves known to a year that ends before them.
    const ranges = [
      `m.effective_on >= date_trunc('month', ${from}::date)::date AND m.effective_on < ${first}::date`,
      `m.effective_on > ${last}::date`,
      `m.date_precision = 'year' AND m.effective_on > (${from}::date - interval '1 year')::date AND m.effective_on <= (${first}::date - interval '1 year')::date`,
    ];
    return ranges.map((range) => this.moveFacts(sql, filter, [...exact, range], true)).join(' UNION ALL ');
  }

  /**
   * Whether the monthly counts between kinds of organisation can answer: a sector or country
   * level, whole months, and no filter on organisations (with research fields, none on the other
   * kind either: only the roll-ups are split by fields).
   */
  static usesKindMonths(filter: AnalyticsFilterDto, level: Level): boolean {
    if (level !== 'sector' && level !== 'country') return false;
    if (filter.organizationIds?.length) return false;
    // With research fields: the roll-ups split by fields, which hold no filter on the other kind.
    if (filter.fields?.length) return !(level === 'sector' ? filter.countries?.length : filter.sectors?.length) && isFirstOfMonth(filter.from) && isLastOfMonth(filter.to);
    return AnalyticsService.usesCounts(filter);
  }

  /**
   * A folded count column (`counts`, `arrivals`, `departures`: one slot per status × role
   * category, the enums' order as move_count_slot) summed over the statuses and role categories
   * asked for. Without a role filter, the per-status generated columns (`counts_confirmed`…):
   * reading array elements costs more than the aggregation around them.
   */
  private static countsOf(filter: AnalyticsFilterDto, column: string): string {
    const statuses = statusesOf(filter);
    const roles = filter.roleCategories;
    const allStatuses = Object.values(MoveStatus);
    // Column names from the enum itself, never from the request (which is validated against it anyway).
    if (!roles?.length) return allStatuses.filter((status) => statuses.includes(status)).map((status) => `${column}_${status}`).join(' + ');
    const allRoles = Object.values(RoleCategory);
    const slots = statuses.flatMap((status) => roles.map((role) => allStatuses.indexOf(status) * allRoles.length + allRoles.indexOf(role) + 1));
    return slots.map((slot) => `${column}[${slot}]`).join(' + ');
  }

  /**
   * `sides(from_key, to_key, month, n)` from the monthly counts between kinds of organisation
   * (`move_kind_month_counts`, or its roll-up to the level's kind alone, split by the mover's fields
   * with a research-field filter, read set by set), filtered on either side.
   */
  private kindMonthSides(sql: Sql, filter: AnalyticsFilterDto, level: 'sector' | 'country'): string {
    const where: string[] = [];
    if (filter.from) where.push(monthsFrom('c.month', 'c.whole_year', sql.param(filter.from)));
    if (filter.to) where.push(`c.month <= ${sql.param(filter.to)}::date`);
    const side = (end: 'from' | 'to') => {
      const conditions: string[] = [];
      if (filter.countries?.length) conditions.push(`c.${end}_country = ANY(${sql.param(filter.countries.map((c) => c.toUpperCase()))})`);
      if (filter.sectors?.length) conditions.push(`c.${end}_sector = ANY(${sql.param(filter.sectors)}::sector[])`);
      return conditions.join(' AND ');
    };
    if (filter.countries?.length || filter.sectors?.length) where.push(`((${side('from')}) OR (${side('to')}))`);
    // Without a filter on the other kind, its roll-up (sectors alone, or countries alone): a few thousand rows.
    const otherKind = level === 'sector' ? filter.countries?.length : filter.sectors?.length;
    const select = `SELECT c.from_${level}::text AS from_key, c.to_${level}::text AS to_key, c.month, sum(${AnalyticsService.countsOf(filter, 'c.counts')})::int AS n`;
    const group = `GROUP BY c.from_${level}, c.to_${level}, c.month`;
    if (filter.fields?.length) {
      const table = `move_${level}_field_month_counts`;
      return `${fieldSets(table)}
              ${select}
              FROM sets s CROSS JOIN LATERAL (SELECT * FROM ${table} c WHERE ${['c.fields = s.fields', ...where].join(' AND ')}) c
              WHERE s.fields && ${sql.param(filter.fields)}::text[]
              ${group}`;
    }
    const table = otherKind ? 'move_kind_month_counts' : `move_${level}_month_counts`;
    return `${select} FROM ${table} c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${group}`;
  }

  /**
   * Whether the monthly counts between parents can answer flows between parents by aggregating: whole
   * months, no filter on organisations (a parent's members can differ in sector and country),
   * research fields or roles. With a role filter, `move_counts`' rows of that role alone, joined to
   * their roots, were faster than summing the role's slots of every row here (side by side at a
   * million moves, researchers over 15 March 2023 – 20 June 2024: 56 ms, against 67 from here).
   */
  static usesParentMonths(filter: AnalyticsFilterDto): boolean {
    const organizationFilter = Boolean(filter.organizationIds?.length || filter.countries?.length || filter.sectors?.length);
    return AnalyticsService.usesCounts(filter) && !organizationFilter && !filter.roleCategories?.length;
  }

  /**
   * `sides(from_key, to_key, month, n)` between parents from `move_parent_month_counts`, each range
   * of months through its indexes on the month: rows already keyed by root, where `move_counts`
   * joined each of its rows to the roots at both ends (at a million moves, every status over March
   * 2023 – June 2024 aggregated: 139 → 68 ms in SQL, side by side).
   */
  private parentMonthSides(sql: Sql, filter: AnalyticsFilterDto): string {
    const counts = AnalyticsService.countsOf(filter, 'c.counts');
    return monthRanges(sql, filter, 'c', 'c.whole_year')
      .map(
        (range) => `SELECT nullif(c.from_root, '${NIL}') AS from_key, nullif(c.to_root, '${NIL}') AS to_key, c.month, ${counts} AS n
            FROM ${PARENT_MONTHS} c ${range.length ? `WHERE ${range.join(' AND ')}` : ''}`,
      )
      .join(' UNION ALL ');
  }

  /** `facts(from_id, to_id, n)` from the yearly counts between single organisations (null: unknown). */
  private pairFacts(sql: Sql, filter: AnalyticsFilterDto, condition: string): string {
    const where = [`NOT n.parents`, condition, ...yearlyConditions(sql, filter, 'n')];
    return `SELECT nullif(n.from_id, '${NIL}') AS from_id, nullif(n.to_id, '${NIL}') AS to_id, n.moves AS n
            FROM move_pair_counts n WHERE ${where.join(' AND ')}`;
  }

  /** The country and sector filters on an organisation's columns named `${prefix}country`, `${prefix}sector`. */
  private static kindConditions(sql: Sql, filter: AnalyticsFilterDto, prefix: string): string[] {
    const conditions: string[] = [];
    if (filter.countries?.length) conditions.push(`${prefix}country = ANY(${sql.param(filter.countries.map((c) => c.toUpperCase()))})`);
    if (filter.sectors?.length) conditions.push(`${prefix}sector = ANY(${sql.param(filter.sectors)}::sector[])`);
    return conditions;
  }

  /**
   * Whether one side of a move (its organisation id `id`, joined as `o`, its root as `r`) passes
   * the organisation filters; undefined when there are none.
   */
  private organizationMatches(sql: Sql, filter: AnalyticsFilterDto, id: string, o: string, r: string): string | undefined {
    const conditions = AnalyticsService.kindConditions(sql, filter, `${o}.`);
    if (filter.organizationIds?.length) {
      const ids = sql.param(filter.organizationIds);
      conditions.push(`(${id} = ANY(${ids}::uuid[]) OR ${r}.root_id = ANY(${ids}::uuid[]))`);
    }
    return conditions.length ? `(${id} IS NOT NULL AND ${conditions.join(' AND ')})` : undefined;
  }

  /**
   * `sides(from_key, to_key, month, n)`: the facts with each side's key at the level (an
   * organisation's or its root's id, a sector, a country), filtered. Only the joins the level and
   * the filters need are made: at a million moves each join of the facts costs more than the
   * aggregation itself. Names come after aggregation (`named`). `yearsSuffice`: see `facts`. With
   * a sector or country filter by organisation or parent, the CTE `passing` comes before `sides`.
   */
  private sides(sql: Sql, filter: AnalyticsFilterDto, level: Level, yearsSuffice = false): string {
    if (level === 'parent') {
      if (AnalyticsService.usesParentMonths(filter)) return `WITH sides AS (${this.parentMonthSides(sql, filter)})`;
      const months = wholeMonthsWithin(filter);
      if (months && AnalyticsService.usesParentMonths({ ...filter, ...months })) {
        // The whole months from the monthly counts between parents, the days around them from the moves.
        return `WITH sides AS (
          ${this.parentMonthSides(sql, { ...filter, ...months })}
          UNION ALL ${this.sidesOf(sql, filter, level, this.edgeFacts(sql, filter, months))}
        )`;
      }
    }
    if (level === 'sector' || level === 'country') {
      if (AnalyticsService.usesKindMonths(filter, level)) return `WITH sides AS (${this.kindMonthSides(sql, filter, level)})`;
      const months = wholeMonthsWithin(filter);
      if (months && AnalyticsService.usesKindMonths({ ...filter, ...months }, level)) {
        // The whole months from the monthly kind counts, the days around them from the moves.
        return `WITH sides AS (
          ${this.kindMonthSides(sql, { ...filter, ...months }, level)}
          UNION ALL ${this.sidesOf(sql, filter, level, this.edgeFacts(sql, filter, months))}
        )`;
      }
    }
    const facts = this.facts(sql, filter, yearsSuffice);
    if ((level === 'organization' || level === 'parent') && (filter.countries?.length || filter.sectors?.length) && !filter.organizationIds?.length) {
      // The organisations that pass read once (`passing`), not each end joined to its organisation:
      // side by side at a million moves, flows by parent over March 2023 – June 2024 with big tech
      // 121 → 60 ms, over 15 March – 20 June with France 162 → 110; the grid's 32 net flows by
      // organisation or parent with big tech, or France and researchers, over months or days that
      // come here 8–59 ms faster.
      return `WITH ${AnalyticsService.passing(sql, filter)}, sides AS (${this.sidesOf(sql, filter, level, facts, true)})`;
    }
    return `WITH sides AS (${this.sidesOf(sql, filter, level, facts)})`;
  }

  /**
   * `facts` with each side's key at the level, filtered (see `sides`). `passing`: the sector and
   * country filters are the CTE `passing` of the organisations that pass (`usesCountryMonths`),
   * looked up by id instead of joining every organisation at both ends.
   */
  private sidesOf(sql: Sql, filter: AnalyticsFilterDto, level: Level, facts: string, passing = false): string {
    const byKind = level === 'sector' || level === 'country';
    const organizationFilter = !passing && Boolean(filter.countries?.length || filter.sectors?.length || filter.organizationIds?.length);
    const joinOrganizations = byKind || organizationFilter;
    const joinRoots = level === 'parent' || Boolean(filter.organizationIds?.length);
    const passes = (id: string) => `${id} IN (SELECT id FROM passing)`;
    const from = passing ? passes('f.from_id') : this.organizationMatches(sql, filter, 'f.from_id', 'fo', 'fr');
    const to = passing ? passes('f.to_id') : this.organizationMatches(sql, filter, 'f.to_id', 'tor', 'tr');
    const key = (id: string, o: string, r: string) =>
      level === 'organization' ? id : level === 'parent' ? `${r}.root_id` : `${o}.${level}::text`;
    return `SELECT ${key('f.from_id', 'fo', 'fr')} AS from_key, ${key('f.to_id', 'tor', 'tr')} AS to_key, f.month, f.n
        FROM (${facts}) f
        ${joinOrganizations ? 'LEFT JOIN organizations fo ON fo.id = f.from_id LEFT JOIN organizations tor ON tor.id = f.to_id' : ''}
        ${joinRoots ? 'LEFT JOIN organization_roots fr ON fr.organization_id = f.from_id LEFT JOIN organization_roots tr ON tr.organization_id = f.to_id' : ''}
        ${from && to ? `WHERE ${from} OR ${to}` : ''}`;
  }

  /** The display name of a key at a level: an organisation's name, or the sector or country itself. */
  private static named(level: Level, key: string, alias: string): { join: string; name: string } {
    return level === 'organization' || level === 'parent'
      ? { join: `LEFT JOIN organizations ${alias} ON ${alias}.id = ${key}::uuid`, name: `${alias}.name` }
      : { join: '', name: key };
  }

  /**
   * Whether the busiest pairs can be counted pair by pair, and from what: organisations or parents
   * over whole years from the yearly pair counts (between parents with a sector or country filter,
   * `move_parent_kind_counts`: a parent's members can differ in both; with a research-field filter,
   * `move_pair_field_counts`, but not both filters between parents); over whole months, when the
   * range spans MONTHLY_PAIRS_FROM months or more, without a research-field filter, organisations
   * from `move_counts` by its index on the pair, parents from `move_parent_month_counts` by its key
   * where it answers (`usesParentMonths`; with a role filter, summing its slots pair by pair was
   * ~9 ms slower than aggregating `move_counts`' rows of the role). Never with an organisation filter.
   */
  static pairCounts(query: FlowsQueryDto): 'yearly' | 'monthly' | undefined {
    if (query.level !== 'organization' && query.level !== 'parent') return undefined;
    if (query.organizationIds?.length) return undefined;
    const fields = Boolean(query.fields?.length);
    if (isWholeYears(query)) return fields && AnalyticsService.byMemberKinds(query) ? undefined : 'yearly';
    if (fields) return undefined;
    const long = monthsSpanned(query) >= AnalyticsService.MONTHLY_PAIRS_FROM;
    const source =
      query.level === 'organization' ? AnalyticsService.usesCounts(query) && !query.roleCategories?.length : AnalyticsService.usesParentMonths(query);
    return long && source ? 'monthly' : undefined;
  }

  /**
   * The shortest range, in months, whose busiest pairs are counted pair by pair. Over fewer months
   * the all-time bounds are too loose (the first candidates settle nothing, and thousands are
   * counted) and aggregating the few rows is cheaper. Side by side at a million moves, HTTP p50
   * aggregated → pair by pair, by organisation: 3 months 46 → 119 ms, 6 months 58 → 106, 9 months
   * 88 → 90, 12 months 101 → 89, 16 months 119 → 87, 24 months 183 → 49; by parent: 3 months
   * 36 → 82, 6 months 50 → 64, 9 months 84 → 58, 16 months 105 → 39. (It was 3, measured when
   * aggregating cost more: 3 months ~95 → ~90.) By organisation with a role filter, aggregating the
   * role's rows was faster at every length (3 months 24 → 201 ms, 9 months 29 → 84, 16 months
   * 45 → 88, 24 months 90 → 120), so that never counts pair by pair over months.
   */
  static MONTHLY_PAIRS_FROM = 9;

  /** Whether a flow between parents keeps moves by their organisations' sector or country. */
  private static byMemberKinds(query: FlowsQueryDto): boolean {
    return query.level === 'parent' && Boolean(query.countries?.length || query.sectors?.length);
  }

  /** How many of the pairs ranked by their bound are counted exactly at first (tests lower it). */
  static FIRST_CANDIDATES = 1000;

  /** Past this share of all the pairs, counting candidates costs more than aggregating everything. */
  static CANDIDATE_SHARE = 1 / 20;

  /**
   * The `limit` busiest pairs, exactly, without counting every pair (a threshold top-N), or
   * undefined when aggregating everything is cheaper. Pairs are read in the order of
   * `move_pair_totals`: every live move of the pair, whatever its date, status or role, an upper
   * bound of its count under any filter.
   * 1. The first FIRST_CANDIDATES pairs are counted exactly with the filters. If the last count
   *    kept is above the bound of every pair left out, no pair left out can rank: done.
   * 2. Otherwise that count T is a floor: only pairs whose bound reaches T can rank. If they are
   *    few enough (CANDIDATE_SHARE of all the pairs), all of them are counted: exact by construction.
   *    Whether they are few and their counts come in one query: the pairs reaching T had been
   *    counted in a round trip of their own, then read again to be counted (at a million moves,
   *    flows by organisation over March 2023 – June 2024 with France and researchers, ~30 ms of
   *    ~175 in SQL).
   */
  private async busiestPairs(query: FlowsQueryDto): Promise<Link[] | undefined> {
    if (!AnalyticsService.pairCounts(query)) return undefined;
    const first = await this.countPairs(query, { first: AnalyticsService.FIRST_CANDIDATES });
    if (first.exhausted || first.settled) return first.found;
    const floor = first.found.at(-1)?.value;
    if (first.found.length < query.limit || floor === undefined) return undefined; // a filter that keeps few moves
    const most = Math.max(0, Math.floor(first.pairs * AnalyticsService.CANDIDATE_SHARE));
    const second = await this.countPairs(query, { atLeast: floor, most });
    return second.considered > most ? undefined : second.found;
  }

  /**
   * `move_pair_totals` (alias t) at the query's level (`parents`, the parameter naming it), filtered
   * by the organisation filters; `ctes`: the common table expressions it reads. With a sector or
   * country filter between organisations, either end among the organisations that pass (`passing`,
   * read once): each end joined to its organisation had cost ~7 ms of the first ~40 ms query and ~20
   * of the second at a million moves (France and researchers over March 2023 – June 2024).
   */
  private rankedPairs(sql: Sql, query: FlowsQueryDto): { ctes: string[]; ranked: string; parents: string } {
    const parents = sql.param(query.level === 'parent');
    if (AnalyticsService.byMemberKinds(query)) {
      // Parents with at least one member that passes: a pair of two others cannot count.
      return {
        ctes: [
          `matching AS MATERIALIZED (
             SELECT r.root_id FROM organization_roots r JOIN organizations o ON o.id = r.organization_id
             WHERE ${AnalyticsService.kindConditions(sql, query, 'o.').join(' AND ')}
           )`,
        ],
        ranked: `move_pair_totals t WHERE t.parents = ${parents} AND t.moves > 0
                 AND (t.from_id IN (SELECT root_id FROM matching) OR t.to_id IN (SELECT root_id FROM matching))`,
        parents,
      };
    }
    // (Never with an organisation filter: see pairCounts.)
    const kinds = Boolean(query.countries?.length || query.sectors?.length);
    const ranked = `move_pair_totals t WHERE t.parents = ${parents} AND t.moves > 0
      ${kinds ? 'AND (t.from_id IN (SELECT id FROM passing) OR t.to_id IN (SELECT id FROM passing))' : ''}`;
    return { ctes: kinds ? [AnalyticsService.passing(sql, query)] : [], ranked, parents };
  }

  /**
   * The sector or country conditions on either end of a row of `move_parent_kind_counts` (alias n):
   * a move counts when the organisation at one of its ends passes.
   */
  private static parentKindSides(sql: Sql, query: FlowsQueryDto): string {
    const side = (end: 'from' | 'to') => `(${AnalyticsService.kindConditions(sql, query, `n.${end}_`).join(' AND ')})`;
    return `(${side('from')} OR ${side('to')})`;
  }

  /**
   * `pairs(from_key, to_key, value)` between parents filtered by sector or country over whole years,
   * from `move_parent_kind_counts` by its indexes on each end's kinds (a filter too selective for
   * the busiest-pairs threshold reads few rows).
   */
  private parentKindPairs(sql: Sql, query: FlowsQueryDto): string {
    const where = [...yearConditions(sql, query, 'n'), AnalyticsService.parentKindSides(sql, query)];
    return `SELECT nullif(n.from_root, '${NIL}') AS from_key, nullif(n.to_root, '${NIL}') AS to_key,
                   sum(${AnalyticsService.countsOf(query, 'n.counts')})::int AS value
            FROM move_parent_kind_counts n WHERE ${where.join(' AND ')} GROUP BY 1, 2`;
  }

  /** One candidate pair's (alias c) exact count with the filters: a scalar subquery. */
  private candidateCount(sql: Sql, query: FlowsQueryDto, parents: string): string {
    if (AnalyticsService.pairCounts(query) === 'monthly' && query.level === 'parent') {
      // The pair's rows of move_parent_month_counts by its key, from a year before the range (for
      // the moves known only to the year) in one index range. As two ranges, one of them `whole_year`,
      // the planner read the small index on the year-only rows of every pair for each candidate on a
      // small database (10,000 moves: 27 ms against 5 by aggregating).
      const where = ['n.from_root = c.from_id', 'n.to_root = c.to_id'];
      if (query.from) {
        const from = sql.param(query.from);
        where.push(`n.month > (${from}::date - interval '1 year')::date`, monthsFrom('n.month', 'n.whole_year', from));
      }
      if (query.to) where.push(`n.month <= ${sql.param(query.to)}::date`);
      return `SELECT coalesce(sum(${AnalyticsService.countsOf(query, 'n.counts')}), 0) FROM ${PARENT_MONTHS} n WHERE ${where.join(' AND ')}`;
    }
    if (AnalyticsService.pairCounts(query) === 'monthly') {
      // The pair's rows of move_counts (an unknown side is NULL there) by the index on the pair
      // and the month: one index range per range of months, summed.
      const where = [
        `coalesce(n.from_organization_id, '${NIL}') = c.from_id`,
        `coalesce(n.to_organization_id, '${NIL}') = c.to_id`,
        `n.moves <> 0`,
        ...kindOfMoveConditions(sql, query, 'n'),
      ];
      return monthRanges(sql, query, 'n')
        .map((range) => `(SELECT coalesce(sum(n.moves), 0) FROM move_counts n WHERE ${[...where, ...range].join(' AND ')})`)
        .join(' + ');
    }
    if (query.fields?.length) {
      // By the mover's set of fields (never with member kinds: see pairCounts).
      const where = [`n.parents = ${parents}`, `n.from_id = c.from_id`, `n.to_id = c.to_id`, ...yearConditions(sql, query, 'n'), `n.fields && ${sql.param(query.fields)}::text[]`];
      return `SELECT coalesce(sum(${AnalyticsService.countsOf(query, 'n.counts')}), 0) FROM move_pair_field_counts n WHERE ${where.join(' AND ')}`;
    }
    if (!AnalyticsService.byMemberKinds(query)) {
      const where = [`n.parents = ${parents}`, `n.from_id = c.from_id`, `n.to_id = c.to_id`, ...yearlyConditions(sql, query, 'n')];
      return `SELECT coalesce(sum(n.moves), 0) FROM move_pair_counts n WHERE ${where.join(' AND ')}`;
    }
    // Between parents, by the sector and country of the organisations at either end.
    const where = [`n.from_root = c.from_id`, `n.to_root = c.to_id`, ...yearConditions(sql, query, 'n'), AnalyticsService.parentKindSides(sql, query)];
    return `SELECT coalesce(sum(${AnalyticsService.countsOf(query, 'n.counts')}), 0) FROM move_parent_kind_counts n WHERE ${where.join(' AND ')}`;
  }

  /**
   * The pairs ranked first (`first`), or every pair whose bound reaches `atLeast` (none counted
   * if they are more than `most`), counted exactly with the filters: the `limit` busiest of them,
   * with names; how many were candidates (`considered`; past `most`, `most` + 1), whether they were
   * all the pairs, whether the answer is settled, and PostgreSQL's estimate of the number of pairs.
   */
  private async countPairs(query: FlowsQueryDto, pick: { first: number } | { atLeast: number; most: number }) {
    const sql = new Sql();
    const { ctes, ranked, parents } = this.rankedPairs(sql, query);
    const count = this.candidateCount(sql, query, parents);
    // Past `most` candidates, one more is enough to know it; none of them is counted then.
    const most = 'most' in pick && Number.isFinite(pick.most) ? sql.param(pick.most) : undefined;
    const rows: (Omit<Link, 'value'> & { considered: number; least: number | null; pairs: number; value: number | null })[] =
      await this.dataSource.query(
        `WITH ${ctes.map((cte) => `${cte},`).join(' ')} candidates AS MATERIALIZED (
           SELECT t.from_id, t.to_id, t.moves AS bound FROM ${ranked}
           ${'atLeast' in pick ? `AND t.moves >= ${sql.param(pick.atLeast)} ${most ? `LIMIT ${most}::int + 1` : ''}` : `ORDER BY t.moves DESC LIMIT ${sql.param(pick.first)}`}
         ),
         counted AS MATERIALIZED (
           SELECT nullif(c.from_id, '${NIL}')::text AS source, nullif(c.to_id, '${NIL}')::text AS target,
                  (${count})::int AS value
           FROM candidates c ${most ? `WHERE (SELECT count(*) FROM candidates) <= ${most}::int` : ''}
         )
         SELECT s.considered, s.least, (SELECT reltuples FROM pg_class WHERE oid = 'move_pair_totals'::regclass)::int AS pairs,
                top.source, sn.name AS source_name, top.target, tn.name AS target_name, top.value
         FROM (SELECT count(*)::int AS considered, min(bound)::int AS least FROM candidates) s
         LEFT JOIN LATERAL (
           SELECT * FROM counted WHERE value > 0 ORDER BY value DESC, source, target LIMIT ${sql.param(query.limit)}
         ) top ON true
         LEFT JOIN organizations sn ON sn.id = top.source::uuid LEFT JOIN organizations tn ON tn.id = top.target::uuid
         ORDER BY top.value DESC, top.source, top.target`,
        sql.params,
      );
    const [{ considered, least, pairs }] = rows;
    const found: Link[] = rows.filter((row): row is (typeof rows)[number] & { value: number } => row.value !== null);
    return {
      found,
      considered,
      exhausted: 'atLeast' in pick || considered < pick.first,
      settled: found.length === query.limit && least !== null && (found.at(-1)?.value ?? 0) > least,
      pairs, // -1 before move_pair_totals is first analysed
    };
  }

  /** Moves aggregated from → to at a level, as nodes and weighted links ready for a Sankey diagram. */
  async flows(query: FlowsQueryDto) {
    const rows = (await this.busiestPairs(query)) ?? (await this.aggregatedPairs(query));
    // Origins on the left, destinations on the right: a lab can be both, and a Sankey needs no cycle.
    const nodes: { id: string; key: string; name: string; side: 'origin' | 'destination' }[] = [];
    const index = new Map<string, number>();
    const node = (side: 'origin' | 'destination', key: string | null, name: string | null) => {
      const id = `${side}:${key ?? 'unknown'}`;
      if (!index.has(id)) {
        index.set(id, nodes.length);
        nodes.push({ id, key: key ?? 'unknown', name: name ?? 'Unknown', side });
      }
      return index.get(id) as number;
    };
    const links = rows.map((row) => ({
      source: node('origin', row.source, row.source_name),
      target: node('destination', row.target, row.target_name),
      value: row.value,
    }));
    return { level: query.level, nodes, links, total: links.reduce((sum, link) => sum + link.value, 0) };
  }

  /** The `limit` busiest pairs by aggregating every count that passes the filters. */
  private aggregatedPairs(query: FlowsQueryDto): Promise<Link[]> {
    const sql = new Sql();
    const kind = AnalyticsService.kindTable(query);
    const aggregated = kind
      ? `WITH kinds AS (${this.kindFacts(sql, query, kind)}),
         pairs AS (SELECT from_key, to_key, sum(n)::int AS value FROM kinds GROUP BY 1, 2)`
      : AnalyticsService.byMemberKinds(query) && AnalyticsService.pairCounts(query) === 'yearly'
      ? `WITH pairs AS (${this.parentKindPairs(sql, query)})`
      : `${this.sides(sql, query, query.level, true)},
         pairs AS (SELECT from_key, to_key, sum(n)::int AS value FROM sides GROUP BY 1, 2)`;
    const source = AnalyticsService.named(query.level, 'p.from_key', 'sn');
    const target = AnalyticsService.named(query.level, 'p.to_key', 'tn');
    return this.dataSource.query(
      `${aggregated}
       SELECT p.from_key AS source, ${source.name} AS source_name, p.to_key AS target, ${target.name} AS target_name, p.value
       FROM (SELECT * FROM pairs WHERE value > 0 ORDER BY value DESC, from_key, to_key LIMIT ${sql.param(query.limit)}) p
       ${source.join} ${target.join}
       ORDER BY p.value DESC, 1, 3`,
      sql.params,
    );
  }

  /**
   * Whether each organisation's yearly arrivals and departures can answer net flows: by
   * organisation or parent, in whole years, overall or per year, and no filter on organisations
   * or research fields (those keep or drop a move by its other end or by its mover).
   */
  static usesOrganizationYears(query: NetFlowsQueryDto): boolean {
    if (query.level !== 'organization' && query.level !== 'parent') return false;
    if (query.period !== 'none' && query.period !== 'year') return false;
    if (query.fields?.length || query.organizationIds?.length || query.countries?.length || query.sectors?.length) return false;
    return isWholeYears(query);
  }

  /**
   * `(key, period, arrivals, departures)` from `organization_year_counts`: all the keys, by the
   * index on the year; or only the keys of the CTE `only`, one by one through its key (`ofEachKey`);
   * either way only the rows where `condition` (alias c) holds, if given.
   * With a role filter, from `organization_year_role_counts` (a row per status and role category)
   * the same ways: summing the role's array slots of every organisation's years had taken 81 ms in
   * SQL to rank parents by researchers over 2020–2024 at a million moves, its rows of the role 22.
   * By parent without a role filter or a condition, from each parent's own yearly counts (`parentYearEnds`).
   */
  private organizationYearEnds(sql: Sql, query: NetFlowsQueryDto, only?: string, condition?: string): string {
    const parents = query.level === 'parent';
    const byRole = Boolean(query.roleCategories?.length);
    if (parents && !byRole && condition === undefined) return this.parentYearEnds(sql, query, only);
    const table = byRole ? 'organization_year_role_counts' : 'organization_year_counts';
    const years = [...(byRole ? yearlyConditions(sql, query, 'c') : yearConditions(sql, query, 'c')), ...(condition ? [condition] : [])];
    const [arrivals, departures] = byRole
      ? ['c.arrivals', 'c.departures']
      : [AnalyticsService.countsOf(query, 'c.arrivals'), AnalyticsService.countsOf(query, 'c.departures')];
    const columns = `${periodStart(query, 'make_date(c.year, 1, 1)')} AS period, ${arrivals} AS arrivals, ${departures} AS departures`;
    if (only !== undefined) {
      return AnalyticsService.ofEachKey(query, only, (organization) => `
        SELECT ${columns} FROM ${table} c WHERE ${[`c.organization_id = ${organization}`, ...years].join(' AND ')}`);
    }
    return `SELECT ${parents ? 'r.root_id' : 'c.organization_id'} AS key, ${columns}
      FROM ${table} c ${parents ? 'JOIN organization_roots r ON r.organization_id = c.organization_id' : ''}
      ${years.length ? `WHERE ${years.join(' AND ')}` : ''}`;
  }

  /**
   * `(key, period, arrivals, departures)` by parent from `parent_year_counts`, each parent's ends
   * already summed over its members: all the parents, by the index on the year; or only the keys
   * of the CTE `only`, through the key. Joining each organisation's years to its root had been ~40 %
   * of ranking parents over whole years.
   */
  private parentYearEnds(sql: Sql, query: NetFlowsQueryDto, only?: string): string {
    const counts = AnalyticsService.countsOf(query, 'c.counts');
    const years = yearConditions(sql, query, 'c');
    return `SELECT c.root_id AS key, ${periodStart(query, 'make_date(c.year, 1, 1)')} AS period,
        CASE WHEN c.arrival THEN ${counts} ELSE 0 END AS arrivals, CASE WHEN c.arrival THEN 0 ELSE ${counts} END AS departures
      FROM ${only === undefined ? 'parent_year_counts c' : `${only} k JOIN parent_year_counts c ON c.root_id = k.key`}
      ${years.length ? `WHERE ${years.join(' AND ')}` : ''}`;
  }

  /**
   * Whether each organisation's monthly arrivals and departures can answer net flows: by
   * organisation or parent, whole months (whole years go to the yearly counts first), and no filter
   * on organisations, sectors, countries or research fields.
   */
  static usesOrganizationMonths(query: NetFlowsQueryDto): boolean {
    if (query.level !== 'organization' && query.level !== 'parent') return false;
    if (query.organizationIds?.length || query.countries?.length || query.sectors?.length) return false;
    return AnalyticsService.usesCounts(query);
  }

  /**
   * For a range that cuts months, the whole months inside it that each organisation's monthly
   * counts (split by fields with a research-field filter) can answer with the same conditions, the
   * days around them coming from the moves; undefined otherwise.
   */
  static organizationMonthsWithin(query: NetFlowsQueryDto): { from: string; to: string } | undefined {
    const months = wholeMonthsWithin(query);
    if (!months) return undefined;
    const within = { ...query, ...months };
    return AnalyticsService.usesOrganizationMonths(within) ||
      AnalyticsService.usesOrganizationFieldMonths(within) ||
      AnalyticsService.usesCountryMonths(within)
      ? months
      : undefined;
  }

  /**
   * Whether each organisation's monthly counts, by the other end's kinds for those outside the
   * filter, can answer net flows with a country filter (a sector filter too): by organisation or
   * parent, whole months, no filter on organisations, research fields or roles. (Whole years with a
   * sector or country filter go to the yearly counts first: `usesOtherKindYears`.) With a role
   * filter the pairs' rows of that role alone stay: from here, summing the folded slots, the grid's
   * 16 combinations with France and researchers over months were −17 to +14 ms, within the noise.
   */
  static usesCountryMonths(query: NetFlowsQueryDto): boolean {
    if (query.level !== 'organization' && query.level !== 'parent') return false;
    if (!query.countries?.length || query.fields?.length || query.organizationIds?.length || query.roleCategories?.length) return false;
    return isFirstOfMonth(query.from) && isLastOfMonth(query.to);
  }

  /**
   * `passing(id)`: the organisations that pass the sector and country filters, for `otherKindEnds`,
   * `countryMonthEnds`, `sidesOf` (the edge days, and the pairs that `sides` reads) and the busiest
   * pairs' candidates (`rankedPairs`). Read once: joined to the organisations instead, each branch
   * hashed every organisation again (side by side at a million moves, ranking parents 55 → 46 ms).
   */
  private static passing(sql: Sql, query: AnalyticsFilterDto): string {
    return `passing AS MATERIALIZED (SELECT o.id FROM organizations o WHERE ${AnalyticsService.kindConditions(sql, query, 'o.').join(' AND ')})`;
  }

  /**
   * `(key, period, arrivals, departures)` of every organisation (or parent) with a country filter
   * over whole months, from the CTE `passing`: an organisation that passes counts all its moves,
   * from `organization_arrival_month_counts` through its indexes on the month; one that does not,
   * those whose other end passes, from `organization_other_kind_month_counts` through its index on
   * (the other end's country, month). Each range of months on its own (`monthRanges`). The pairs of
   * organisations month by month, each end joined to its organisation, had been read instead: at a
   * million moves, parents ranked with France over March 2023 – June 2024 98 → 46 ms in SQL; through
   * HTTP, the grid's 16 combinations with France over whole months or days 37–99 ms faster.
   */
  private countryMonthEnds(sql: Sql, query: NetFlowsQueryDto): string {
    return this.everyArrivalMonthEnds(sql, query, [
      { table: ORGANIZATION_MONTHS, condition: 'c.organization_id IN (SELECT id FROM passing)' },
      {
        table: 'organization_other_kind_month_counts',
        condition: [...AnalyticsService.kindConditions(sql, query, 'c.other_'), 'c.organization_id NOT IN (SELECT id FROM passing)'].join(' AND '),
      },
    ]);
  }

  /**
   * Whether each organisation's monthly counts split by the mover's fields can answer net flows:
   * by organisation or parent, a research-field filter, whole months, and no filter on
   * organisations, sectors or countries.
   */
  static usesOrganizationFieldMonths(query: NetFlowsQueryDto): boolean {
    if (query.level !== 'organization' && query.level !== 'parent') return false;
    if (!query.fields?.length || query.organizationIds?.length || query.countries?.length || query.sectors?.length) return false;
    return isFirstOfMonth(query.from) && isLastOfMonth(query.to);
  }

  /**
   * `(key, period, arrivals, departures)` with a research-field filter from
   * `organization_field_month_counts`, for a range of whole months: every organisation's rows of
   * the sets that match, set by set (the CTE `sets` of `fieldSets` on that table) through its index
   * on (set, month), which carries every count (by role too); each range of months on its own.
   */
  private organizationFieldMonthEnds(sql: Sql, query: NetFlowsQueryDto): string {
    const parents = query.level === 'parent';
    const counts = AnalyticsService.countsOf(query, 'c.counts');
    const rows = monthRanges(sql, query, 'c', 'c.whole_year')
      .map((range) => `SELECT c.organization_id, c.month, c.arrival, ${counts} AS n
        FROM ${FIELD_MONTHS} c WHERE ${['c.fields = s.fields', ...range].join(' AND ')}`)
      .join(' UNION ALL ');
    return `SELECT ${parents ? 'r.root_id' : 'c.organization_id'} AS key, ${periodStart(query, 'c.month')} AS period,
             CASE WHEN c.arrival THEN c.n ELSE 0 END AS arrivals, CASE WHEN c.arrival THEN 0 ELSE c.n END AS departures
      FROM sets s CROSS JOIN LATERAL (${rows}) c
      ${parents ? 'JOIN organization_roots r ON r.organization_id = c.organization_id' : ''}
      WHERE s.fields && ${sql.param(query.fields)}::text[]`;
  }

  /**
   * `(key, period, arrivals, departures)` from `organization_arrival_month_counts` for a range of
   * whole months, with the moves known only to the year whose year begins before the range and
   * reaches into it (`monthRanges`). All the keys, each range of months through the index on the
   * month; or only the keys of the CTE `only` (its column `key`), one by one through its key
   * (`arrivalMonthEnds`). With a role filter, `organizationRoleMonthEnds`.
   */
  private organizationMonthEnds(sql: Sql, query: NetFlowsQueryDto, only?: string): string {
    if (query.roleCategories?.length) return this.organizationRoleMonthEnds(sql, query, only);
    const sources = [{ table: ORGANIZATION_MONTHS }];
    return only === undefined ? this.everyArrivalMonthEnds(sql, query, sources) : this.arrivalMonthEnds(sql, query, only, sources);
  }

  /**
   * `(key, period, arrivals, departures)` of every key from monthly tables of each organisation's
   * arrivals and departures (`organization_id, month, whole_year, arrival`, folded `counts`): each
   * source a branch of its own, its table's rows that pass its `condition` if any (alias c; the
   * branches must not overlap), each range of months on its own through the table's indexes on the
   * month. `arrivalMonthEnds` reads the same for some keys only.
   */
  private everyArrivalMonthEnds(sql: Sql, query: NetFlowsQueryDto, sources: { table: string; condition?: string }[]): string {
    const parents = query.level === 'parent';
    const counts = AnalyticsService.countsOf(query, 'c.counts');
    const ranges = monthRanges(sql, query, 'c', 'c.whole_year');
    return sources
      .flatMap(({ table, condition }) =>
        ranges.map((range) => {
          const where = [...(condition ? [condition] : []), ...range];
          return `
        SELECT ${parents ? 'r.root_id' : 'c.organization_id'} AS key, ${periodStart(query, 'c.month')} AS period,
               CASE WHEN c.arrival THEN ${counts} ELSE 0 END AS arrivals, CASE WHEN c.arrival THEN 0 ELSE ${counts} END AS departures
        FROM ${table} c ${parents ? 'JOIN organization_roots r ON r.organization_id = c.organization_id' : ''}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
        }),
      )
      .join(' UNION ALL ');
  }

  /**
   * The same with a role filter, from `organization_month_counts` (a row per status and role
   * category) for the months of the range, and from the moves known only to the year whose year
   * begins before the range and reaches into it (the small index on year-precision moves). All the
   * keys, by the index on the month; or only the keys of the CTE `only`, one by one through the
   * index on (organisation, month): see `ofEachKey`. Its rows of one role are fewer than the folded
   * rows, whose slots cost more to read than they save (side by side at a million moves, researchers
   * per month by parent over 15 March 2023 – 20 June 2024: 55 ms from here, 85 from the folded rows).
   */
  private organizationRoleMonthEnds(sql: Sql, query: NetFlowsQueryDto, only?: string): string {
    const parents = query.level === 'parent';
    const ofKeys = (column: string) =>
      only === undefined
        ? []
        : [parents ? `${column} IN (SELECT organization_id FROM organization_roots WHERE root_id IN (SELECT key FROM ${only}))` : `${column} IN (SELECT key FROM ${only})`];
    const months = kindOfMoveConditions(sql, query, 'c');
    if (query.from) months.push(`c.month >= ${sql.param(query.from)}::date`);
    if (query.to) months.push(`c.month <= ${sql.param(query.to)}::date`);
    const columns = `${periodStart(query, 'c.month')} AS period, c.arrivals, c.departures`;
    const monthly =
      only === undefined
        ? `SELECT ${parents ? 'r.root_id' : 'c.organization_id'} AS key, ${columns}
           FROM organization_month_counts c ${parents ? 'JOIN organization_roots r ON r.organization_id = c.organization_id' : ''}
           WHERE ${months.join(' AND ')}`
        : AnalyticsService.ofEachKey(query, only, (organization) => `
            SELECT ${columns} FROM organization_month_counts c
            WHERE ${[`c.organization_id = ${organization}`, ...months].join(' AND ')}`);
    if (!query.from) return monthly;
    const from = sql.param(query.from);
    const before = [
      ...kindOfMoveConditions(sql, query, 'm'),
      `m.deleted_at IS NULL`,
      `m.date_precision = 'year'`,
      `m.effective_on > (${from}::date - interval '1 year')::date`,
      `m.effective_on < ${from}::date`,
    ];
    // With keys, the year's moves are read by the date all the same and then kept by organisation
    // (OFFSET 0 keeps the keys out of the subquery: by each organisation's index, the busiest
    // organisations' moves of every date would be read).
    const end = (column: string, arrival: boolean) =>
      `SELECT ${parents ? 'r.root_id' : 'e.organization_id'}, ${periodStart(query, 'e.effective_on')}, ${arrival ? '1, 0' : '0, 1'}
       FROM (
         SELECT m.${column} AS organization_id, m.effective_on FROM moves m
         WHERE ${[...before, `m.${column} IS NOT NULL`].join(' AND ')} ${only === undefined ? '' : 'OFFSET 0'}
       ) e
       ${parents ? 'JOIN organization_roots r ON r.organization_id = e.organization_id' : ''}
       ${only === undefined ? '' : `WHERE ${ofKeys('e.organization_id').join(' AND ')}`}`;
    return `${monthly} UNION ALL ${end('to_organization_id', true)} UNION ALL ${end('from_organization_id', false)}`;
  }

  /**
   * Whether net flows by organisation or parent with a sector or country filter can be read from
   * each organisation's yearly counts: whole years, overall or per year, no other filter on
   * organisations or research fields.
   */
  static usesOtherKindYears(query: NetFlowsQueryDto): boolean {
    if (query.level !== 'organization' && query.level !== 'parent') return false;
    if (query.period !== 'none' && query.period !== 'year') return false;
    if (query.fields?.length || query.organizationIds?.length || !(query.countries?.length || query.sectors?.length)) return false;
    return isWholeYears(query);
  }

  /**
   * Whether the ranked keys of net flows per period with a country filter over whole months (not
   * whole years) are broken down from their monthly counts by the other end's kinds, as over whole
   * years: where `usesCountryMonths` ranks them, whole years aside. Side by
   * side at a million moves over March 2023 – June 2024 with France, per month by parent 89 → 73 ms,
   * per quarter by organisation 80 → 59 (their rows of every month from the pairs before); with
   * researchers too it was −5 to +5 ms, so a role filter keeps that.
   */
  static usesOtherKindMonths(query: NetFlowsQueryDto): boolean {
    return AnalyticsService.usesCountryMonths(query) && !isWholeYears(query);
  }

  /**
   * `(key, period, arrivals, departures)` by organisation with a sector or country filter, from the
   * CTE `passing`: an organisation that passes counts all its moves (`organizationYearEnds`: with a
   * role filter, its rows of that role); one that does not, those whose other end passes
   * (`organization_other_kind_counts`, by its index on that kind). A parent sums its members', each
   * kept or not by its own sector and country. Each organisation had been joined to its row of
   * `organizations` in both branches instead, and with a role filter the role's slots summed from
   * every organisation's yearly arrays: side by side in SQL at a million moves over 2020–2024,
   * parents ranked with France 90 → 78 ms, with France and researchers 116 → 87.
   */
  private otherKindEnds(sql: Sql, query: NetFlowsQueryDto): string {
    const period = periodStart(query, 'make_date(c.year, 1, 1)');
    const counts = AnalyticsService.countsOf(query, 'c.counts');
    const parents = query.level === 'parent';
    const passingEnds = this.organizationYearEnds(sql, query, undefined, 'c.organization_id IN (SELECT id FROM passing)');
    const where = [...yearConditions(sql, query, 'c'), ...AnalyticsService.kindConditions(sql, query, 'c.other_'), 'c.organization_id NOT IN (SELECT id FROM passing)'];
    return `${passingEnds}
      UNION ALL
      SELECT ${parents ? 'r.root_id' : 'c.organization_id'}, ${period}, CASE WHEN c.arrival THEN ${counts} ELSE 0 END, CASE WHEN c.arrival THEN 0 ELSE ${counts} END
      FROM organization_other_kind_counts c ${parents ? 'JOIN organization_roots r ON r.organization_id = c.organization_id' : ''}
      WHERE ${where.join(' AND ')}`;
  }

  /**
   * `(key, period, arrivals, departures)` of the keys of the CTE `only` with a sector or country
   * filter, month by month: an organisation that passes counts all its moves; one that does not,
   * those whose other end passes, from its rows of `organization_other_kind_month_counts` (every
   * move of an organisation is in it, by the other end's kinds). With a country filter, two
   * branches, each run only for its organisations (a one-time filter on `o`): one that passes reads
   * its rows of `organization_arrival_month_counts` (a row per month and direction, not per other
   * end's kinds), one that does not reads the index on (organisation, the other end's country,
   * month). Side by side at a million moves, per month by parent over five years with France: 119
   * ms from the other-kinds table alone in one condition (every row of each organisation read,
   * ~95,000 index entries for ~52,000 kept), 111 ms through the country index, then 92 → 77 ms with
   * the folded rows (per quarter with researchers too 100 → 81, by organisation per month 75 → 60).
   * With a sector filter alone there is no such index, and two branches were 3–9 ms slower than
   * one condition over the other-kinds table, which it keeps.
   */
  private otherKindMonthEnds(sql: Sql, query: NetFlowsQueryDto, only: string): string {
    const passes = `coalesce(${AnalyticsService.kindConditions(sql, query, 'o.').join(' AND ')}, false)`;
    const otherPasses = AnalyticsService.kindConditions(sql, query, 'c.other_');
    const otherKinds = 'organization_other_kind_month_counts';
    const sources = query.countries?.length
      ? [
          { table: ORGANIZATION_MONTHS, condition: passes },
          { table: otherKinds, condition: [`NOT ${passes}`, ...otherPasses].join(' AND ') },
        ]
      : [{ table: otherKinds, condition: `(${passes} OR coalesce(${otherPasses.join(' AND ')}, false))` }];
    return this.arrivalMonthEnds(sql, query, only, sources, true);
  }

  /**
   * `(key, period, arrivals, departures)` of the keys of the CTE `only` with a research-field
   * filter, month by month, from their rows of `organization_field_month_counts` whose mover's set
   * of fields matches.
   */
  private fieldMonthEnds(sql: Sql, query: NetFlowsQueryDto, only: string): string {
    return this.arrivalMonthEnds(sql, query, only, [{ table: FIELD_MONTHS, condition: `c.fields && ${sql.param(query.fields)}::text[]` }]);
  }

  /**
   * `(key, period, arrivals, departures)` of the keys of the CTE `only` from monthly tables of each
   * organisation's arrivals and departures (`organization_id, month, whole_year, arrival`, folded
   * `counts`): each source a branch of its own, its table's rows that pass its `condition` if any
   * (alias c; `o` the organisation when `named`; the branches must not overlap), read key by key
   * (`ofEachKey`) through an index that leads with the organisation.
   */
  private arrivalMonthEnds(
    sql: Sql,
    query: NetFlowsQueryDto,
    only: string,
    sources: { table: string; condition?: string }[],
    named = false,
  ): string {
    const counts = AnalyticsService.countsOf(query, 'c.counts');
    // Each range of months on its own, an index range of the organisation's rows (as one OR, only
    // the end of the range bounded the index scan).
    const ranges = monthRanges(sql, query, 'c', 'c.whole_year');
    return AnalyticsService.ofEachKey(
      query,
      only,
      (organization) =>
        sources
          .flatMap(({ table, condition }) =>
            ranges.map(
              (range) => `
        SELECT ${periodStart(query, 'c.month')} AS period,
               CASE WHEN c.arrival THEN ${counts} ELSE 0 END AS arrivals, CASE WHEN c.arrival THEN 0 ELSE ${counts} END AS departures
        FROM ${table} c
        WHERE ${[`c.organization_id = ${organization}`, ...(condition ? [condition] : []), ...range].join(' AND ')}`,
            ),
          )
          .join(' UNION ALL '),
      named,
    );
  }

  /**
   * `(key, period, arrivals, departures)` for each key of the CTE `only` (an organisation, or a
   * parent's members), from `rows(organization)`: rows of one organisation read through an index
   * that leads with it (`o` is that organisation when `named`). The subquery is kept whole (OFFSET
   * 0), so each key is one index range: flattened into a join, the planner read every
   * organisation's rows of the range by the month and kept the keys' by a hash (it expects a
   * hundred keys to be a hundredth of the rows; the ranked keys are the busiest). Per month by
   * organisation over five years at a million moves, the query 215 → 120 ms. The keys and their
   * members are listed first, kept whole too: joined as they came, at 100,000 moves the planner
   * took every organisation first and read each one's rows before it kept the ranked parents'
   * members (2,000 index reads for ~130; by parent per month with France over whole months 40 →
   * 17 ms, side by side; at a million moves the same as before).
   */
  private static ofEachKey(query: NetFlowsQueryDto, only: string, rows: (organization: string) => string, named = false): string {
    const parents = query.level === 'parent';
    const members = parents
      ? `SELECT k.key, r.organization_id FROM ${only} k JOIN organization_roots r ON r.root_id = k.key`
      : `SELECT k.key, k.key AS organization_id FROM ${only} k`;
    return `SELECT k.key, c.period, c.arrivals, c.departures
      FROM (${members} OFFSET 0) k
      ${named ? 'JOIN organizations o ON o.id = k.organization_id' : ''}
      CROSS JOIN LATERAL (${rows('k.organization_id')} OFFSET 0) c`;
  }

  /**
   * Whether net flows per period by organisation or parent are best ranked over the whole range
   * first (from the yearly or monthly counts, as without periods) and then broken down by period
   * for the keys ranked only: every period of every organisation over five years is hundreds of
   * thousands of rows; the first hundred's, a few thousand. From their rows of
   * `organization_arrival_month_counts` (`months`; `organization_month_counts` with a role filter);
   * with a research-field filter over whole months, from their rows of the same counts split by the
   * mover's set of fields (`fields`: their moves read by the date and their movers' fields looked up
   * had taken 540–730 ms at a million moves); with a sector or country filter, from their monthly
   * counts by the other end's kinds (`kinds`; aggregating `move_counts` had taken ~420 ms). Per year over whole years with no filter on
   * organisations, from the ranked keys' rows of `organization_year_counts` (`years`): every
   * organisation's five years, ~67,000 rows, had been kept whole for the second pass (at a million
   * moves, HTTP: by organisation 166 → 84 ms, by parent 257 → 179 ms). With a sector filter alone
   * per year over whole years, the yearly counts answer at once; with a country filter, ranking
   * first and breaking the ranked keys down by month was faster (side by side, per year by parent
   * with France 78 → 69 ms, with researchers too 94 → 80; by organisation 71 → 59 and 86 → 64).
   * Over a range that cuts months, with no filter on organisations, sectors, countries or research
   * fields, from the ranked keys' monthly counts of the whole months inside and their moves of the
   * edge days (`edges`): every organisation's months had been summed and kept whole for the second
   * pass. Side by side at a million moves over 15 March 2023 – 20 June 2024, the grid's 12 such
   * combinations without a role filter 21–73 ms faster (per month by parent 163 → 90 ms), by
   * organisation with researchers 13–16 ms; by parent with researchers 10–21 ms slower (the role's
   * rows are few, and each ranked parent's members' months and year-precision moves are read
   * again), so that keeps every period's rows. The same over a range that cuts months with a
   * country filter and no role filter (`kindEdges`): the ranked keys' whole months by the other
   * end's kinds, as `kinds` does, and their edge days. Side by side at a million moves over
   * 15 March 2023 – 20 June 2024 with France (HTTP; the two servers alternated, medians): by
   * organisation per year 111 → 71 ms, per quarter 104 → 75, per month 115 → 85; by parent per
   * quarter 98 → 70, per month 139 → 79; by parent per year 8–10 ms at most, within the noise.
   * (With the members listed first, `ofEachKey`: by parent per year 73 → 63, per quarter 84 → 66,
   * per month 88 → 68; at 100,000 moves 3–10 ms slower, 19–24 ms against 13–16.)
   */
  static breakdown(query: NetFlowsQueryDto): Breakdown | undefined {
    if (query.period === 'none' || (AnalyticsService.usesOtherKindYears(query) && !query.countries?.length)) return undefined;
    if (AnalyticsService.usesOrganizationYears(query)) return 'years';
    if (AnalyticsService.usesOrganizationMonths(query)) return 'months';
    const months = AnalyticsService.organizationMonthsWithin(query);
    const rolesOfParents = query.level === 'parent' && Boolean(query.roleCategories?.length);
    if (months && !rolesOfParents && AnalyticsService.usesOrganizationMonths({ ...query, ...months })) return 'edges';
    // A sector or country filter over whole years: ranked as per year, broken down by the other
    // end's kinds month by month (otherKindMonthEnds).
    if (AnalyticsService.usesOtherKindYears({ ...query, period: 'none' })) return 'kinds';
    // A country filter over whole months: ranked from each organisation's monthly counts
    // (countryMonthEnds), broken down the same way (not with a role filter: see usesCountryMonths).
    if (AnalyticsService.usesOtherKindMonths(query)) return 'kinds';
    // The same over a range that cuts months: the whole months inside broken down that way, the
    // edge days from the ranking's own moves of those days (`edges`).
    if (months && AnalyticsService.usesCountryMonths({ ...query, ...months })) return 'kindEdges';
    return AnalyticsService.usesOrganizationFieldMonths(query) ? 'fields' : undefined;
  }

  /** `periodic(key, period, arrivals, departures)`: the ranked keys' (`top`) figures, period by period. */
  private periodicEnds(sql: Sql, query: NetFlowsQueryDto, breakdown: Breakdown): string {
    const ends = {
      years: () => this.organizationYearEnds(sql, query, 'top'),
      months: () => this.organizationMonthEnds(sql, query, 'top'),
      edges: () => this.edgeMonthEnds(sql, query),
      kinds: () => this.otherKindMonthEnds(sql, query, 'top'),
      kindEdges: () => this.edgeMonthEnds(sql, query, (within) => this.otherKindMonthEnds(sql, within, 'top')),
      fields: () => this.fieldMonthEnds(sql, query, 'top'),
    }[breakdown];
    return `periodic AS (${ends()})`;
  }

  /**
   * `(key, period, arrivals, departures)` of the ranked keys (`top`) over a range that cuts months:
   * their monthly counts of the whole months inside it (`monthly`: by default `organizationMonthEnds`;
   * with a country filter `otherKindMonthEnds`), and their ends of the ranking's CTE `edges`, the
   * moves of the edge days. Those are keyed by organisation at both levels: by parent, the ranking
   * sums its members' ends before it keys them by root (`netFlowEnds`).
   */
  private edgeMonthEnds(
    sql: Sql,
    query: NetFlowsQueryDto,
    monthly: (within: NetFlowsQueryDto) => string = (within) => this.organizationMonthEnds(sql, within, 'top'),
  ): string {
    const months = AnalyticsService.organizationMonthsWithin(query);
    if (!months) throw new Error('edgeMonthEnds: the range cuts no month');
    const period = periodStart(query, 'e.month');
    const ofTop = (column: string) =>
      query.level === 'parent'
        ? `JOIN organization_roots r ON r.organization_id = e.${column} WHERE r.root_id IN (SELECT key FROM top)`
        : `WHERE e.${column} IN (SELECT key FROM top)`;
    const key = (column: string) => (query.level === 'parent' ? 'r.root_id' : `e.${column}`);
    return `${monthly({ ...query, ...months })}
      UNION ALL SELECT ${key('to_key')}, ${period}, e.n, 0 FROM edges e ${ofTop('to_key')}
      UNION ALL SELECT ${key('from_key')}, ${period}, 0, e.n FROM edges e ${ofTop('from_key')}`;
  }

  /**
   * `ends(key, period, arrivals, departures)` for net flows. By parent, when the rows come from
   * the monthly counts or the moves (not the yearly tables nor the monthly counts split by fields,
   * which are joined to the roots once already), each member organisation's ends are summed by
   * organisation and period first, and only those sums keyed by their root: one join to the roots
   * over the sums, instead of one per source of rows (monthly counts, year-precision moves, the
   * edge days' two sides, the pairs' two ends) over every row. At a million moves, side by side
   * over the grid's 84 combinations by parent: over whole months or a range that cuts months
   * without a research field, up to 26 ms faster (every status per year over 15 March 2023 –
   * 20 June 2024 121 → 95 ms, France per year over whole months 111 → 92); over whole years or
   * with a research field it was 2–11 ms slower, so those stay as they were.
   */
  private netFlowEnds(sql: Sql, query: NetFlowsQueryDto): string {
    const members = { ...query, level: 'organization' as const };
    const rollUp =
      query.level === 'parent' &&
      !AnalyticsService.usesOrganizationYears(members) &&
      !AnalyticsService.usesOtherKindYears(members) &&
      !AnalyticsService.usesOrganizationFieldMonths(members) &&
      !(query.fields?.length && AnalyticsService.organizationMonthsWithin(members));
    if (!rollUp) return this.levelEnds(sql, query, 'ends');
    return `${this.levelEnds(sql, members, 'member_ends')},
      ends AS (
        SELECT r.root_id AS key, e.period, e.arrivals, e.departures
        FROM (SELECT key, period, sum(arrivals)::int AS arrivals, sum(departures)::int AS departures FROM member_ends GROUP BY key, period) e
        JOIN organization_roots r ON r.organization_id = e.key
      )`;
  }

  /** `${name}(key, period, arrivals, departures)` at the query's level, from the cheapest source that answers. */
  private levelEnds(sql: Sql, query: NetFlowsQueryDto, name: string): string {
    if (AnalyticsService.usesOrganizationYears(query)) return `WITH ${name} AS (${this.organizationYearEnds(sql, query)})`;
    if (AnalyticsService.usesOtherKindYears(query)) return `WITH ${AnalyticsService.passing(sql, query)}, ${name} AS (${this.otherKindEnds(sql, query)})`;
    if (AnalyticsService.usesOrganizationMonths(query)) return `WITH ${name} AS (${this.organizationMonthEnds(sql, query)})`;
    if (AnalyticsService.usesOrganizationFieldMonths(query)) return `${fieldSets(FIELD_MONTHS)}, ${name} AS (${this.organizationFieldMonthEnds(sql, query)})`;
    if (AnalyticsService.usesCountryMonths(query)) return `WITH ${AnalyticsService.passing(sql, query)}, ${name} AS (${this.countryMonthEnds(sql, query)})`;
    // Otherwise pairs (from_key, to_key, month or year, n): each is an arrival and a departure.
    const bothEnds = (pairs: string, period: string) => `${name} AS (${endsOf(pairs, period)})`;
    const months = AnalyticsService.organizationMonthsWithin(query);
    if (months) {
      // The whole months from each organisation's monthly counts, the days around them from the moves.
      const within = { ...query, ...months };
      const passing = Boolean(query.countries?.length);
      const [head, monthly] = query.fields?.length
        ? [`${fieldSets(FIELD_MONTHS)},`, this.organizationFieldMonthEnds(sql, within)]
        : passing
          ? [`WITH ${AnalyticsService.passing(sql, within)},`, this.countryMonthEnds(sql, within)]
          : ['WITH', this.organizationMonthEnds(sql, within)];
      return `${head} edges AS (${this.sidesOf(sql, query, query.level, this.edgeFacts(sql, query, months), passing)}),
        ${name} AS (${monthly} UNION ALL ${endsOf('edges', periodStart(query, 'month'))})`;
    }
    const kind = query.period === 'none' || query.period === 'year' ? AnalyticsService.kindTable(query) : undefined;
    if (kind) return `WITH kinds AS (${this.kindFacts(sql, query, kind)}), ${bothEnds('kinds', periodStart(query, 'make_date(year, 1, 1)'))}`;
    return `${this.sides(sql, query, query.level, query.period === 'none' || query.period === 'year')}, ${bothEnds('sides', periodStart(query, 'month'))}`;
  }

  /** Arrivals, departures and balance per organisation, parent, sector or country; per period if asked. */
  async netFlows(query: NetFlowsQueryDto) {
    const sql = new Sql();
    const order = { balance: 'balance', arrivals: 'arrivals', departures: 'departures', name: 'name' }[query.sort];
    const breakdown = AnalyticsService.breakdown(query);
    const ends = this.netFlowEnds(sql, breakdown ? { ...query, period: 'none' } : query);
    const named = AnalyticsService.named(query.level, 't.key', 'nm');
    const limit = sql.param(query.limit);
    // The `limit` first keys by the sort over the whole range. Ranked before their names are joined
    // (ties at the limit kept, for the name to break them): the names of a few hundred, not of all.
    const totals = order === 'name' ? 'totals t' : `(SELECT *, rank() OVER (ORDER BY ${order} ${query.order}) AS place FROM totals) t`;
    const placed = order === 'name' ? '' : `WHERE t.place <= ${limit}`;
    const rankedKeys = `${ends},
       totals AS (
         SELECT key, sum(arrivals)::int AS arrivals, sum(departures)::int AS departures, (sum(arrivals) - sum(departures))::int AS balance
         FROM ends GROUP BY key HAVING sum(arrivals) + sum(departures) > 0
       ),
       top AS (
         SELECT t.key, t.arrivals, t.departures, t.balance, ${named.name} AS name
         FROM ${totals} ${named.join} ${placed}
         ORDER BY ${order} ${query.order}, name, key LIMIT ${limit}
       )`;
    if (query.period === 'none') {
      return this.dataSource.query(`${rankedKeys} SELECT key, name, arrivals, departures, balance FROM top ORDER BY ${order} ${query.order}, name, key`, sql.params);
    }
    // Per period: each of those keys, period by period; summed by key and period (hashed) before the
    // names are joined and the few thousand sums sorted, not every row sorted with its name (per
    // month by parent over five years at a million moves, the query ~270 → ~215 ms).
    const rows = breakdown ? 'periodic' : 'ends WHERE key IN (SELECT key FROM top)';
    return this.dataSource.query(
      `${rankedKeys} ${breakdown ? `, ${this.periodicEnds(sql, query, breakdown)}` : ''}
       SELECT e.key, top.name, e.period::text AS period, e.arrivals, e.departures, e.balance
       FROM (
         SELECT key, period, sum(arrivals)::int AS arrivals, sum(departures)::int AS departures, (sum(arrivals) - sum(departures))::int AS balance
         FROM ${rows} GROUP BY key, period HAVING sum(arrivals) + sum(departures) > 0
       ) e JOIN top ON top.key = e.key
       ORDER BY e.period, ${order} ${query.order}, name, key`,
      sql.params,
    );
  }

  /** Where one organisation's arrivals came from, or where its departures went. */
  async top(query: TopQueryDto) {
    const sql = new Sql();
    const self = sql.param(query.organizationId);
    const [mine, other] = query.direction === 'origins' ? ['to_id', 'from_id'] : ['from_id', 'to_id'];
    // Whole years: the organisation's own rows of the yearly pair counts (split by fields if filtered by them).
    const own = `n.${mine} = ${self}::uuid`;
    const facts = !isWholeYears(query)
      ? this.facts(sql, query)
      : query.fields?.length
        ? this.fieldPairFacts(sql, query, own)
        : this.pairFacts(sql, query, own);
    return this.dataSource.query(
      `WITH facts AS (${facts})
       SELECT coalesce(o.id::text, 'unknown') AS id, coalesce(o.name, 'Unknown') AS name, o.sector, o.country, t.moves
       FROM (
         SELECT f.${other} AS other_id, sum(f.n)::int AS moves FROM facts f WHERE f.${mine} = ${self}::uuid
         GROUP BY 1 HAVING sum(f.n) > 0
       ) t
       LEFT JOIN organizations o ON o.id = t.other_id
       ORDER BY t.moves DESC, name LIMIT ${sql.param(query.limit)}`,
      sql.params,
    );
  }

  /**
   * Per organisation: its observed headcounts, a monthly series that starts at each observation and
   * adds the arrivals and departures after it, and its targets with the progress toward them.
   */
  async headcount(query: HeadcountQueryDto) {
    let organizations: { id: string; name: string }[];
    let figures: Awaited<ReturnType<AnalyticsService['headcountFigures']>>;
    if (query.organizationIds?.length) {
      // Named labs: their names and their figures side by side, one round trip instead of two (a
      // deleted or unknown lab has no name, so no entry).
      [organizations, figures] = await Promise.all([this.headcountOrganizations(query), this.headcountFigures(query.organizationIds, query)]);
    } else {
      organizations = await this.headcountOrganizations(query);
      if (organizations.length === 0) return [];
      figures = await this.headcountFigures(organizations.map(({ id }) => id), query);
    }
    const [observations, targets, series] = figures;
    return organizations.map((organization) => {
      const own = observations.filter((o) => o.organizationId === organization.id).map(({ observedOn, count }) => ({ observedOn, count }));
      const points = series.filter((point) => point.organizationId === organization.id).map(({ month, count }) => ({ month, count }));
      const latest = points.at(-1)?.count ?? own.at(-1)?.count ?? null;
      return {
        organizationId: organization.id,
        name: organization.name,
        population: query.population,
        observations: own,
        series: points,
        targets: targets
          .filter((target) => target.organizationId === organization.id)
          .map(({ organizationId: _organizationId, ...target }) => ({
            ...target,
            current: latest,
            progress: latest === null || target.low === 0 ? null : Math.round((latest / target.low) * 1000) / 1000,
            met: latest === null ? null : latest >= target.low,
          })),
      };
    });
  }

  /** The labs of a headcount request: those named, or those with a target for the population (at most 20). */
  private headcountOrganizations(query: HeadcountQueryDto): Promise<{ id: string; name: string }[]> {
    const sql = new Sql();
    return this.dataSource.query(
      query.organizationIds?.length
        ? `SELECT id, name FROM organizations WHERE id = ANY(${sql.param(query.organizationIds)}::uuid[]) AND deleted_at IS NULL ORDER BY name`
        : `SELECT o.id, o.name FROM organizations o
           WHERE o.id IN (SELECT organization_id FROM headcount_targets WHERE deleted_at IS NULL AND population = ${sql.param(query.population)})
             AND o.deleted_at IS NULL
           ORDER BY o.name LIMIT 20`,
      sql.params,
    );
  }

  /** Three queries for all the labs at once, side by side: observations, targets, series. */
  private headcountFigures(organizationIds: string[], query: HeadcountQueryDto) {
    const q = new Sql();
    const ids = q.param(organizationIds);
    const population = q.param(query.population);
    return Promise.all([
      this.dataSource.query(
        `SELECT organization_id AS "organizationId", observed_on::text AS "observedOn", count FROM headcount_observations
         WHERE organization_id = ANY(${ids}::uuid[]) AND population = ${population} AND deleted_at IS NULL ORDER BY observed_on`,
        q.params,
      ) as Promise<{ organizationId: string; observedOn: string; count: number }[]>,
      this.dataSource.query(
        `SELECT organization_id AS "organizationId", id, low, high, due_by::text AS "dueBy", stated_on::text AS "statedOn"
         FROM headcount_targets
         WHERE organization_id = ANY(${ids}::uuid[]) AND population = ${population} AND deleted_at IS NULL ORDER BY due_by NULLS LAST`,
        q.params,
      ) as Promise<{ organizationId: string; id: string; low: number; high: number; dueBy: string | null; statedOn: string | null }[]>,
      this.seriesOf(organizationIds, query),
    ]);
  }

  /**
   * Each lab's monthly series, in one query: from the month of its first observation to `to`,
   * the latest observation so far plus the arrivals minus departures of the months after it.
   * Moves in an observation's month are taken to be in that observation.
   */
  private seriesOf(ids: string[], query: HeadcountQueryDto): Promise<{ organizationId: string; month: string; count: number }[]> {
    const s = new Sql();
    const labs = s.param(ids);
    const population = s.param(query.population);
    const until = s.param(query.to ?? new Date().toISOString().slice(0, 10));
    const statuses = s.param(statusesOf(query));
    const roles = s.param(query.roleCategories?.length ? query.roleCategories : POPULATION_ROLES[query.population]);
    return this.dataSource.query(
      `WITH
       -- Each observation holds from its month until the month of the next one.
       observed AS MATERIALIZED (
         SELECT organization_id, count, date_trunc('month', observed_on)::date AS start,
                lead(date_trunc('month', observed_on)::date) OVER (PARTITION BY organization_id ORDER BY observed_on) AS stop
         FROM headcount_observations
         WHERE organization_id = ANY(${labs}::uuid[]) AND population = ${population} AND deleted_at IS NULL
       ),
       -- Only the labs' rows, by the index on (organisation, month), and of those only the months
       -- each lab's series covers. (A range of months known only at run time, for all the labs at
       -- once, made PostgreSQL read every organisation's months through the index on the month.)
       net AS (
         SELECT c.organization_id, c.month, sum(c.arrivals - c.departures)::int AS n
         FROM (SELECT organization_id, min(start) AS first FROM observed GROUP BY 1) lab
         JOIN organization_month_counts c ON c.organization_id = lab.organization_id AND c.month >= lab.first
         WHERE c.organization_id = ANY(${labs}::uuid[]) AND c.month <= ${until}::date
           AND c.status = ANY(${statuses}::move_status[]) AND c.role_category = ANY(${roles}::role_category[])
         GROUP BY 1, 2
       ),
       months AS (
         SELECT organization_id, generate_series(min(start), date_trunc('month', ${until}::date), interval '1 month')::date AS month
         FROM observed GROUP BY organization_id
       ),
       -- Arrivals minus departures summed month by month: every month of the series, and the months
       -- with moves (those before a lab's first observation cancel out in count - base below).
       running AS MATERIALIZED (
         SELECT organization_id, month, sum(sum(n)) OVER (PARTITION BY organization_id ORDER BY month) AS total
         FROM (SELECT organization_id, month, 0 AS n FROM months UNION ALL SELECT organization_id, month, n FROM net) each_month
         GROUP BY organization_id, month
       )
       SELECT r.organization_id AS "organizationId", r.month::text AS month, (o.count + r.total - base.total)::int AS count
       FROM running r
       JOIN observed o ON o.organization_id = r.organization_id AND o.start <= r.month AND (o.stop IS NULL OR r.month < o.stop)
       JOIN running base ON base.organization_id = r.organization_id AND base.month = o.start
       ORDER BY 1, 2`,
      s.params,
    );
  }

}
