import type { FlowsQueryDto } from './dto/analytics-filter.dto';
import { factsWhere, named, sideKey } from './facts-filter';
import type { MoveFacts } from './move-facts';
import { Sql } from './sql';

type Link = { source: string | null; source_name: string | null; target: string | null; target_name: string | null; value: number };

/**
 * Moves from → to at a level (organisations, their top-level parents, sectors or countries): the
 * `limit` busiest pairs, as the nodes and weighted links of a Sankey diagram. A side with no
 * organisation is `unknown`. Ties are broken by the keys.
 */
export async function flows(facts: MoveFacts, query: FlowsQueryDto) {
  const sql = new Sql();
  const where = factsWhere(sql, query);
  const limit = sql.param(query.limit);
  const [source, target] = [named(query.level, 'p.from_key', 's'), named(query.level, 'p.to_key', 't')];
  const rows = await facts.read<Link>(
    `WITH pairs AS (
       SELECT ${sideKey(query.level, 'from')} AS from_key, ${sideKey(query.level, 'to')} AS to_key, count(*)::INTEGER AS value
       FROM facts f WHERE ${where}
       GROUP BY ALL
     ),
     -- The pairs at least as busy as the limit-th: the only ones that can be in the answer.
     busiest AS (
       SELECT * FROM pairs WHERE value >= (SELECT min(value) FROM (SELECT value FROM pairs ORDER BY value DESC LIMIT ${limit}))
     )
     SELECT ${source.id} AS source, ${source.name} AS source_name, ${target.id} AS target, ${target.name} AS target_name, p.value
     FROM busiest p ${source.join} ${target.join}
     ORDER BY p.value DESC, source, target
     LIMIT ${limit}`,
    sql.params,
  );
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
