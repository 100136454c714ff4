import { useQuery } from '@tanstack/react-query';
import { fetchUtils } from 'react-admin';
import { type DashboardFilters, toQuery } from './filters';

/** One analytics endpoint for the current filters; refetched when they change. */
export function useAnalytics<T>(path: string, filters: DashboardFilters, extra: Record<string, string> = {}) {
  const query = toQuery(filters, extra);
  return useQuery({
    queryKey: ['analytics', path, query],
    queryFn: async () => (await fetchUtils.fetchJson(`/api/analytics/${path}?${query}`)).json as T,
  });
}
