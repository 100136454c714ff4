import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { TalentflowDataProvider } from '../providers/dataProvider';
import { type DashboardFilters, toQuery } from './filters';

/**
 * One analytics endpoint for the current filters, refetched when they change, through the data
 * provider: an expired session signs the user out (react-admin's checkError), as everywhere else.
 */
export function useAnalytics<T>(endpoint: string, filters: DashboardFilters, extra: Record<string, string> = {}) {
  const dataProvider = useDataProvider<TalentflowDataProvider>();
  const query = toQuery(filters, extra);
  return useQuery({
    queryKey: ['analytics', endpoint, query],
    queryFn: () => dataProvider.analytics<T>(endpoint, query),
    // Once more on a failure, then the panel says so and offers to try again.
    retry: 1,
  });
}
