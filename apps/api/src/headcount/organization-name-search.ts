import { search } from '../common/list-query';

/** `q` on targets and observations searches the name and aliases of their organisation. */
export const organizationNameSearch = (alias: string) =>
  search(`(SELECT o.name || ' ' || array_to_string(o.aliases, ' ') FROM organizations o WHERE o.id = ${alias}.organization_id)`);
