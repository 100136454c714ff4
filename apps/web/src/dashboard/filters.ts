import { useCreatePath } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';

/** The dashboard's filters, all kept in the URL so that a dashboard can be shared. */
export interface DashboardFilters {
  from: string;
  to: string;
  level: 'organization' | 'parent' | 'sector' | 'country';
  /** Who the headcount panel counts. */
  population: string;
  countries: string[];
  sectors: string[];
  organizationIds: string[];
  roleCategories: string[];
  statuses: string[];
  fields: string[];
}

const LISTS = ['countries', 'sectors', 'organizationIds', 'roleCategories', 'statuses', 'fields'] as const;

/** The last five years and this one, whole years, so that today's moves show. */
export function defaultRange(today = new Date()): { from: string; to: string } {
  const year = today.getUTCFullYear();
  return { from: `${year - 5}-01-01`, to: `${year}-12-31` };
}

export function useDashboardFilters(): [DashboardFilters, (change: Partial<DashboardFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const range = defaultRange();
  const filters: DashboardFilters = {
    from: params.get('from') ?? range.from,
    to: params.get('to') ?? range.to,
    level: (params.get('level') as DashboardFilters['level']) ?? 'sector',
    population: params.get('population') ?? 'researchers',
    countries: [],
    sectors: [],
    organizationIds: [],
    roleCategories: [],
    statuses: [],
    fields: [],
  };
  for (const key of LISTS) filters[key] = params.get(key)?.split(',').filter(Boolean) ?? [];
  const update = (change: Partial<DashboardFilters>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      if (text) next.set(key, text);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return [filters, update];
}

/**
 * The filters as the analytics API takes them (lists comma-separated, empty ones left out); `level`
 * and `population` only where given in `extra`.
 */
export function toQuery({ level: _level, population: _population, ...filters }: DashboardFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text) query.set(key, text);
  }
  return query.toString();
}

/** The moves list's filter for the moves behind a dashboard figure. */
export function movesFilter(filters: DashboardFilters, sides: Record<string, string | undefined>): Record<string, unknown> {
  const filter: Record<string, unknown> = {
    status: filters.statuses.length ? filters.statuses : ['announced', 'confirmed'],
    effectiveAfter: filters.from || undefined,
    effectiveBefore: filters.to || undefined,
  };
  if (filters.roleCategories.length) filter.roleCategory = filters.roleCategories;
  for (const [key, value] of Object.entries(sides)) if (value && value !== 'unknown') filter[key] = value;
  return filter;
}

/** The moves list's filters for an origin and a destination at each level. */
const SIDE_FILTER: Record<DashboardFilters['level'], { from: string; to: string }> = {
  organization: { from: 'fromOrganizationId', to: 'toOrganizationId' },
  parent: { from: 'fromRootId', to: 'toRootId' },
  sector: { from: 'fromSector', to: 'toSector' },
  country: { from: 'fromCountry', to: 'toCountry' },
};

/**
 * Opens the moves list behind a figure: moves from `from` and/or to `to` (keys at the dashboard's
 * level), within the dashboard's filters; `extra` adds or overrides moves-list filters.
 */
export function useOpenMoves(filters: DashboardFilters) {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  return ({ from, to, extra = {} }: { from?: string; to?: string; extra?: Record<string, unknown> }) => {
    const sides = SIDE_FILTER[filters.level];
    const filter = { ...movesFilter(filters, { [sides.from]: from, [sides.to]: to }), ...extra };
    navigate(`${createPath({ resource: 'moves', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`);
  };
}
