import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '@talentflow/domain';
import type { Request } from 'express';
import type { Actor } from './actor';

export const ACCESS_RULE = 'talentflow:access-rule';

/** Who may call a route: `public`, or signed in with at least a role. A route with no rule is refused to all. */
export type AccessRule = { public: true } | { role: Role };

/** Signed-in users with at least this role (viewer < editor < admin). */
export const Allow = (role: Role) => SetMetadata(ACCESS_RULE, { role } satisfies AccessRule);

/** Anyone, signed in or not: sign-in itself, health, API docs. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/** The signed-in user the request acts for (set by the AccessGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route the AccessGuard did not authenticate');
  return actor;
});
