import { Role } from '@talentflow/domain';

/** The signed-in user a request acts for: what the guard puts on the request. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}
