import { MoveStatus } from '@talentflow/domain';
import type { AnalyticsFilterDto, Level } from './dto/analytics-filter.dto';
import { Sql } from './sql';

/** Cancelled and rumoured moves count only when asked for. */
export const DEFAULT_STATUSES = [MoveStatus.Announced, MoveStatus.Confirmed];

export const statusesOf = (filter: AnalyticsFilterDto): MoveStatus[] => (filter.statuses?.length ? filter.statuses : DEFAULT_STATUSES);

/** The column of `facts` (alias `f`) that holds one side's key at a level. */
export const sideKey = (level: Level, side: 'from' | 'to'): string =>
  ({ organization: `f.${side}_key`, parent: `f.${side}_root`, sector: `f.${side}_sector`, country: `f.${side}_country` })[level];

/** Whether a level's keys are organisations, which get their id and name from `organizations`. */
export const isOrganizationLevel = (level: Level) => level === 'organization' || level === 'parent';

/**
 * The moves a filter keeps, as a condition on `facts` (alias `f`):
 * - its status (announced and confirmed by default) and role category;
 * - its period overlaps the range: a move known to the month or year counts in any range its month
 *   or year overlaps (the same rule as the moves list's `effectiveAfter`/`effectiveBefore`); a move
 *   with no date counts only when no range is asked for;
 * - the mover works in one of the research fields;
 * - `ends` (unless false): one of its ends passes every organisation filter, that is an
 *   organisation in one of the countries, of one of the sectors, one of the organisations asked
 *   for or a sub-organisation of one of them (through its top-level parent).
 */
export function factsWhere(sql: Sql, filter: AnalyticsFilterDto, { ends = true } = {}): string {
  const where = [`f.status IN (${sql.list(statusesOf(filter), 'status')})`];
  if (filter.roleCategories?.length) where.push(`f.role_category IN (${sql.list(filter.roleCategories, 'role_category')})`);
  if (filter.from) where.push(`f.period_end > ${sql.param(filter.from)}::DATE`);
  if (filter.to) where.push(`f.effective_on <= ${sql.param(filter.to)}::DATE`);
  if (filter.fields?.length) where.push(`list_has_any(f.fields, [${sql.list(filter.fields)}])`);
  if (ends) {
    const passes = (side: 'from' | 'to') => {
      const conditions = [`f.${side}_key IS NOT NULL`];
      if (filter.countries?.length) conditions.push(`f.${side}_country IN (${sql.list(filter.countries.map((c) => c.toUpperCase()), 'country')})`);
      if (filter.sectors?.length) conditions.push(`f.${side}_sector IN (${sql.list(filter.sectors, 'sector')})`);
      if (filter.organizationIds?.length) {
        const keys = `(SELECT key FROM organizations WHERE id IN (${sql.list(filter.organizationIds)}))`;
        conditions.push(`(f.${side}_key IN ${keys} OR f.${side}_root IN ${keys})`);
      }
      return conditions.length > 1 ? `(${conditions.join(' AND ')})` : undefined;
    };
    const [from, to] = [passes('from'), passes('to')];
    if (from && to) where.push(`(${from} OR ${to})`);
  }
  return where.join(' AND ');
}

/**
 * The id and display name of an aggregated key at a level, and the join that gives them: an
 * organisation's id and name (joined as `alias`), or the sector or country itself.
 */
export function named(level: Level, key: string, alias: string): { id: string; name: string; join: string } {
  return isOrganizationLevel(level)
    ? { id: `${alias}.id::VARCHAR`, name: `${alias}.name`, join: `LEFT JOIN organizations ${alias} ON ${alias}.key = ${key}` }
    : { id: `${key}::VARCHAR`, name: `${key}::VARCHAR`, join: '' }; // sorted as text, not in the enumeration's order
}
