import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction } from '@talentflow/domain';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { invalid } from '../common/api-errors';
import { UsersService } from '../users/users.service';
import type { Actor } from './actor';
import { LoginThrottleService } from './login-throttle.service';
import { verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Checks the password and opens a session; the same answer for an unknown address and a wrong password. */
  async login(email: string, password: string, address: string): Promise<{ actor: Actor; token: string }> {
    const key = email.trim().toLowerCase();
    await this.throttle.assertAllowed(key, address);
    const user = await this.users.findForSignIn(key);
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || user.disabled) {
      await this.throttle.failed(key, address);
      await this.audit.record(this.dataSource.manager, {
        actor: { id: user?.id ?? null, email: key },
        action: AuditAction.LoginFailed,
        resource: 'auth',
        recordId: user?.id,
      });
      throw new UnauthorizedException({ statusCode: 401, message: 'Wrong email or password' });
    }
    await this.throttle.succeeded(key, address);
    const actor: Actor = { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
    const token = await this.sessions.open(user.id);
    await this.audit.record(this.dataSource.manager, { actor, action: AuditAction.Login, resource: 'auth', recordId: user.id });
    return { actor, token };
  }

  /** Changes one's own password and ends one's other sessions (someone who knew the old one is out). */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, request: Request): Promise<void> {
    const user = await this.users.findForSignIn(actor.email);
    if (!(await verifyPassword(user?.passwordHash, currentPassword))) {
      throw invalid({ currentPassword: 'is not your current password' });
    }
    await this.users.setOwnPassword(actor, newPassword);
    await this.sessions.closeOthersOf(actor.id, request);
  }

  async logout(actor: Actor | undefined): Promise<void> {
    if (actor) {
      await this.audit.record(this.dataSource.manager, { actor, action: AuditAction.Logout, resource: 'auth', recordId: actor.id });
    }
  }
}
