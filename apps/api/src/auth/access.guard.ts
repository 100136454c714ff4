import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '@talentflow/domain';
import { ACCESS_RULE, type AccessRule, type AuthenticatedRequest } from './access.decorators';
import { SessionsService } from './sessions.service';

/**
 * The one judge of who may call what, on every route: the route's @Allow or @Public rule; a route
 * that states none is refused to everyone (deny by default).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenException({ statusCode: 403, message: 'This route states no access rule' });
    if ('public' in rule) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.sessions.actorFor(request);
    if (!actor) throw new UnauthorizedException({ statusCode: 401, message: 'Sign in first' });
    if (!hasRole(actor.role, rule.role)) {
      throw new ForbiddenException({ statusCode: 403, message: `This needs the ${rule.role} role; you are ${actor.role}` });
    }
    request.actor = actor;
    return true;
  }
}
