import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { CookieOptions, Request } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { authConfig } from '../config/auth.config';
import type { Actor } from './actor';
import { SessionCache } from './session-cache';
import { Session } from './session.entity';

export const SESSION_COOKIE = 'tf_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
    private readonly cache: SessionCache,
  ) {}

  /** Opens a session and returns the token for the cookie. */
  async open(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.sessions.insert({
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + this.config.sessionTtlHours * 3600_000),
    });
    // Sweep expired sessions now and then rather than on a timer: every process may do it.
    if (Math.random() < 0.05) await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    return token;
  }

  async close(request: Request): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    await this.sessions.delete({ tokenHash });
    this.cache.forgetSession(tokenHash);
  }

  /** Ends every session of the user but the request's own (after a change of one's own password). */
  async closeOthersOf(userId: string, request: Request): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    await this.sessions
      .createQueryBuilder()
      .delete()
      .where('user_id = :userId AND token_hash <> :kept', { userId, kept: typeof token === 'string' ? hashToken(token) : '' })
      .execute();
    this.cache.forgetUser(userId);
  }

  async closeAllOf(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
    this.cache.forgetUser(userId);
  }

  /** After a change of the user's account (role, name, disabled): this process's next request reads it afresh. */
  accountChanged(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** The signed-in, enabled user behind the request's cookie, if its session is still open. */
  async actorFor(request: Request): Promise<Actor | undefined> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token.length === 0) return undefined;
    const tokenHash = hashToken(token);
    const remembered = this.cache.get(tokenHash);
    if (remembered) return remembered;
    const mark = this.cache.mark();
    // Plain SQL for the four fields, no entities to build.
    const [row]: (Actor & { expiresAt: Date })[] = await this.sessions.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, s.expires_at AS "expiresAt"
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [tokenHash],
    );
    if (!row) return undefined;
    const { expiresAt, ...actor } = row;
    this.cache.set(tokenHash, actor, expiresAt, mark);
    return actor;
  }

  cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.config.sessionTtlHours * 3600_000,
    };
  }
}
