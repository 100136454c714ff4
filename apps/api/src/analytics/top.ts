import type { TopQueryDto } from './dto/analytics-filter.dto';
import { factsWhere } from './facts-filter';
import type { MoveFacts } from './move-facts';
import { Sql } from './sql';

/**
 * Where one organisation's arrivals came from (`origins`), or where its departures went: the other
 * ends of its own moves (not its sub-organisations'), busiest first. The organisation filters do not
 * apply: the organisation is the filter.
 */
export function top(facts: MoveFacts, query: TopQueryDto) {
  const sql = new Sql();
  const [mine, other] = query.direction === 'origins' ? ['f.to_key', 'f.from_key'] : ['f.from_key', 'f.to_key'];
  const self = `(SELECT key FROM organizations WHERE id = ${sql.param(query.organizationId)})`;
  return facts.read(
    `SELECT coalesce(o.id::VARCHAR, 'unknown') AS id, coalesce(o.name, 'Unknown') AS name, o.sector, o.country, t.moves
     FROM (
       SELECT ${other} AS other_key, count(*)::INTEGER AS moves
       FROM facts f WHERE ${mine} = ${self} AND ${factsWhere(sql, query, { ends: false })}
       GROUP BY 1
     ) t
     LEFT JOIN organizations o ON o.key = t.other_key
     ORDER BY t.moves DESC, name LIMIT ${sql.param(query.limit)}`,
    sql.params,
  );
}
