import { AuditEntry } from '../audit/audit-entry.entity';
import { Session } from '../auth/session.entity';
import { HeadcountObservation } from '../headcount/headcount-observation.entity';
import { HeadcountTarget } from '../headcount/headcount-target.entity';
import { Move } from '../moves/move.entity';
import { Import } from '../imports/import.entity';
import { ImportProgress } from '../imports/import-progress.entity';
import { Organization } from '../organizations/organization.entity';
import { OrganizationRelation } from '../organizations/organization-relation.entity';
import { Person } from '../people/person.entity';
import { Source } from '../sources/source.entity';
import { User } from '../users/user.entity';

/** Listed, not globbed: the API is bundled by webpack, where globs find nothing. */
export const ENTITIES = [
  Organization,
  OrganizationRelation,
  Import,
  ImportProgress,
  Person,
  Source,
  Move,
  HeadcountTarget,
  HeadcountObservation,
  User,
  Session,
  AuditEntry,
];
