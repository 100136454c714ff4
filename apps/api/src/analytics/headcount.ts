import { Population, RoleCategory } from '@talentflow/domain';
import type { DataSource } from 'typeorm';
import type { HeadcountQueryDto } from './dto/analytics-filter.dto';
import { statusesOf } from './facts-filter';
import type { MoveFacts } from './move-facts';
import { Sql } from './sql';

/** Which moves change a population's headcount: advisors join nobody's staff. */
const POPULATION_ROLES: Record<Population, RoleCategory[]> = {
  [Population.Researchers]: [RoleCategory.Researcher, RoleCategory.Leadership],
  [Population.Staff]: [RoleCategory.Researcher, RoleCategory.Leadership, RoleCategory.Engineer, RoleCategory.Other],
  [Population.PhdStudents]: [RoleCategory.Student],
  [Population.Members]: Object.values(RoleCategory).filter((role) => role !== RoleCategory.Advisor),
};

type Observation = { organizationId: string; observedOn: string; count: number };
type Target = { organizationId: string; id: string; low: number; high: number; dueBy: string | null; statedOn: string | null };

/** `YYYY-MM-01` of a date, and the month after one. */
const monthOf = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonth = (month: string) => {
  const next = new Date(`${month}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return next.toISOString().slice(0, 10);
};

/**
 * Per lab (those named, or those with a target for the population, at most 20): its observed
 * headcounts, a monthly series, and its targets with the progress toward them. The series starts
 * at the month of the first observation and runs to the month of `to` (today by default); each
 * month is the latest observation so far plus the lab's arrivals minus departures in the months
 * after that observation's (moves in an observation's month are taken to be in it). A move known
 * only to its year counts in its January.
 */
export async function headcount(facts: MoveFacts, dataSource: DataSource, query: HeadcountQueryDto) {
  const q = new Sql();
  const organizations: { id: string; name: string }[] = await dataSource.query(
    query.organizationIds?.length
      ? `SELECT id, name FROM organizations WHERE id IN (${q.list(query.organizationIds)}) AND deleted_at IS NULL ORDER BY name`
      : `SELECT o.id, o.name FROM organizations o
         WHERE o.id IN (SELECT organization_id FROM headcount_targets WHERE deleted_at IS NULL AND population = ${q.param(query.population)})
           AND o.deleted_at IS NULL
         ORDER BY o.name LIMIT 20`,
    q.params,
  );
  if (organizations.length === 0) return [];
  const labs = new Sql();
  const ids = labs.list(organizations.map(({ id }) => id));
  const of = labs.param(query.population);
  const [observations, targets] = await Promise.all([
    dataSource.query(
      `SELECT organization_id AS "organizationId", observed_on::text AS "observedOn", count FROM headcount_observations
       WHERE organization_id IN (${ids}) AND population = ${of} AND deleted_at IS NULL ORDER BY observed_on`,
      labs.params,
    ) as Promise<Observation[]>,
    dataSource.query(
      `SELECT organization_id AS "organizationId", id, low, high, due_by::text AS "dueBy", stated_on::text AS "statedOn"
       FROM headcount_targets WHERE organization_id IN (${ids}) AND population = ${of} AND deleted_at IS NULL ORDER BY due_by NULLS LAST`,
      labs.params,
    ) as Promise<Target[]>,
  ]);
  const until = monthOf(query.to ?? new Date().toISOString().slice(0, 10));
  // Only the months a series shows count: from the first observation (in date order) to `until`.
  const observed = [...new Set(observations.map((o) => o.organizationId))];
  const net = observed.length ? await monthlyNet(facts, observed, monthOf(observations[0].observedOn), nextMonth(until), query) : new Map();
  return organizations.map((organization) => {
    const own = observations.filter((o) => o.organizationId === organization.id).map(({ observedOn, count }) => ({ observedOn, count }));
    const points = seriesOf(own, net.get(organization.id) ?? new Map(), until);
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

/**
 * Each lab's arrivals minus departures by month (`YYYY-MM-01`) from `since` to before `before`, of the
 * population's roles (or those asked for).
 */
async function monthlyNet(facts: MoveFacts, organizationIds: string[], since: string, before: string, query: HeadcountQueryDto): Promise<Map<string, Map<string, number>>> {
  const named = new Sql();
  const labs = await facts.read<{ id: string; key: number }>(
    `SELECT id::VARCHAR AS id, key FROM organizations WHERE id IN (${named.list(organizationIds)})`,
    named.params,
  );
  if (labs.length === 0) return new Map();
  const idOf = new Map(labs.map(({ id, key }) => [key, id]));
  // The labs' keys as integer literals (read from the copy itself), which DuckDB filters its scan by.
  const keys = labs.map(({ key }) => Number(key).toFixed(0)).join(', ');
  const sql = new Sql();
  const where = `f.status IN (${sql.list(statusesOf(query), 'status')})
    AND f.role_category IN (${sql.list(query.roleCategories?.length ? query.roleCategories : POPULATION_ROLES[query.population], 'role_category')})
    AND f.effective_on >= ${sql.param(since)}::DATE AND f.effective_on < ${sql.param(before)}::DATE`;
  const rows = await facts.read<{ key: number; month: string; net: number }>(
    `SELECT key, date_trunc('month', effective_on)::DATE::VARCHAR AS month, sum(change)::INTEGER AS net
     FROM (
       SELECT f.to_key AS key, f.effective_on, 1 AS change FROM facts f WHERE f.to_key IN (${keys}) AND ${where}
       UNION ALL
       SELECT f.from_key, f.effective_on, -1 FROM facts f WHERE f.from_key IN (${keys}) AND ${where}
     )
     GROUP BY key, date_trunc('month', effective_on)`,
    sql.params,
  );
  const byLab = new Map<string, Map<string, number>>();
  for (const { key, month, net } of rows) {
    const organizationId = idOf.get(key) as string;
    if (!byLab.has(organizationId)) byLab.set(organizationId, new Map());
    byLab.get(organizationId)?.set(month, net);
  }
  return byLab;
}

/** The monthly series of one lab from its observations (in date order) and its net moves by month. */
function seriesOf(observations: { observedOn: string; count: number }[], net: Map<string, number>, until: string) {
  const series: { month: string; count: number }[] = [];
  if (observations.length === 0) return series;
  let next = 0; // the next observation to take
  let count = 0;
  for (let month = monthOf(observations[0].observedOn); month <= until; month = nextMonth(month)) {
    let observed = false;
    while (next < observations.length && monthOf(observations[next].observedOn) === month) {
      count = observations[next++].count;
      observed = true;
    }
    if (!observed) count += net.get(month) ?? 0;
    series.push({ month, count });
  }
  return series;
}
