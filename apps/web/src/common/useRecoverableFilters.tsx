import type { ReactElement } from 'react';
import { BooleanInput, useCanAccess, useResourceContext } from 'react-admin';

/** A list's filters, with "Deleted" for admins: the records they may restore or delete for good. */
export function useRecoverableFilters(filters: ReactElement[]): ReactElement[] {
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ action: 'restore', resource });
  return canAccess ? [...filters, <BooleanInput key="deleted" source="deleted" label="talentflow.filter.deleted" />] : filters;
}
