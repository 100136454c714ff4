import type { NetFlowsQueryDto } from './dto/analytics-filter.dto';
import { factsWhere, named, sideKey } from './facts-filter';
import type { MoveFacts } from './move-facts';
import { Sql } from './sql';

/**
 * The period of a breakdown a move falls in, and how long that period is (`span`), from its date
 * (`on`) and whether it is known only to its year (`yearOnly`). Such a move goes in a period of its
 * own, its whole year ("2024, month unknown"), when the breakdown is by month or quarter: not in
 * January, nor in the year's first quarter.
 */
function periodOf(period: 'month' | 'quarter' | 'year', on: string, yearOnly: string): { start: string; span: string } {
  if (period === 'year') return { start: `date_trunc('year', ${on})::DATE`, span: `'year'` };
  return {
    start: `date_trunc(CASE WHEN ${yearOnly} THEN 'year' ELSE '${period}' END, ${on})::DATE`,
    span: `CASE WHEN ${yearOnly} THEN 'year' ELSE '${period}' END`,
  };
}

/**
 * Arrivals, departures and balance per organisation, parent, sector or country: each move the
 * filters keep is an arrival at its destination and a departure from its origin (both ends count,
 * even when only one passes an organisation filter). The `limit` first keys by the sort over the
 * whole range; per period, those keys' figures period by period.
 */
export async function netFlows(facts: MoveFacts, query: NetFlowsQueryDto) {
  const sql = new Sql();
  const where = factsWhere(sql, query);
  const limit = sql.param(query.limit);
  const perPeriod = query.period !== 'none';
  const name = named(query.level, 't.key', 'o');
  const sort = `${query.sort} ${query.order}`;
  // Ranked before the names are joined, ties at the limit kept for the name to break them.
  const ranked = query.sort === 'name' ? '' : `QUALIFY rank() OVER (ORDER BY ${sort}) <= ${limit}`;
  const head = `
    WITH moves AS (
      SELECT ${sideKey(query.level, 'from')} AS from_key, ${sideKey(query.level, 'to')} AS to_key${perPeriod ? `, f.effective_on, f.date_precision = 'year' AS year_only` : ''}
      FROM facts f WHERE ${where}
    ),
    totals AS (
      SELECT key, sum(arrivals)::INTEGER AS arrivals, sum(departures)::INTEGER AS departures, (sum(arrivals) - sum(departures))::INTEGER AS balance
      FROM (
        SELECT to_key AS key, 1 AS arrivals, 0 AS departures FROM moves WHERE to_key IS NOT NULL
        UNION ALL
        SELECT from_key, 0, 1 FROM moves WHERE from_key IS NOT NULL
      ) GROUP BY key
    ),
    top AS (
      SELECT t.key, ${name.id} AS id, ${name.name} AS name, t.arrivals, t.departures, t.balance
      FROM (SELECT * FROM totals ${ranked}) t ${name.join}
      ORDER BY ${sort}, name, id LIMIT ${limit}
    )`;
  if (!perPeriod) {
    return facts.read(`${head} SELECT id AS key, name, arrivals, departures, balance FROM top ORDER BY ${sort}, name, key`, sql.params);
  }
  // Periods are cut only for the moves of the keys shown.
  const period = periodOf(query.period as 'month' | 'quarter' | 'year', 'effective_on', 'year_only');
  // The year buckets of moves known only to their year come before the months or quarters of that year.
  return facts.read(
    `${head}
     SELECT top.id AS key, top.name, e.period::VARCHAR AS period, e.span, e.arrivals, e.departures, e.balance
     FROM (
       SELECT key, ${period.start} AS period, ${period.span} AS span, sum(arrivals)::INTEGER AS arrivals,
              sum(departures)::INTEGER AS departures, (sum(arrivals) - sum(departures))::INTEGER AS balance
       FROM (
         SELECT to_key AS key, effective_on, year_only, 1 AS arrivals, 0 AS departures FROM moves WHERE to_key IN (SELECT key FROM top)
         UNION ALL
         SELECT from_key, effective_on, year_only, 0, 1 FROM moves WHERE from_key IN (SELECT key FROM top)
       ) GROUP BY ALL
     ) e JOIN top ON top.key = e.key
     ORDER BY e.period, e.span = ${sql.param(query.period)}, ${sort}, name, key`,
    sql.params,
  );
}
