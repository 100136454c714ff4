import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { authConfig } from '../config/auth.config';
import type { Actor } from './actor';

/** The channel on which PostgreSQL names a user whose sessions or account changed (migration SessionChangeNotifications). */
export const SESSION_CHANGES_CHANNEL = 'session_changes';

const RECONNECT_MS = 1000;

/**
 * Who recent sessions belong to, so that a request need not ask PostgreSQL who sent it: that
 * lookup would be one round trip on every request.
 *
 * Exact across processes: PostgreSQL notifies every process at commit when a user's sessions or
 * account change (a trigger on `sessions` and `users`), and each forgets that user's entries; the
 * process that made the change forgets them at once too (`forgetUser`), not waiting for the notice.
 * While the listening connection is down nothing is remembered (every request asks the database)
 * and what was remembered is dropped, since changes may have been missed. An entry lives at most
 * SESSION_CACHE_SECONDS and never past its session's expiry.
 */
@Injectable()
export class SessionCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries: LRUCache<string, { actor: Actor; expiresAt: number }>;
  private listener?: Client;
  private listening = false;
  private stopped = false;
  private reconnect?: NodeJS.Timeout;
  /** Bumped by every forget: a lookup that began before one must not store what it read. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {
    this.entries = new LRUCache({ max: 10_000, ttl: Math.max(1, config.sessionCacheSeconds) * 1000 });
  }

  private get enabled(): boolean {
    return this.config.sessionCacheSeconds > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    await this.listener?.end().catch(() => undefined);
  }

  /** The actor of the session with this token hash, if remembered and still valid. */
  get(tokenHash: string): Actor | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(tokenHash);
    return entry && entry.expiresAt > Date.now() ? entry.actor : undefined;
  }

  /** A mark to take before reading a session from the database, to hand back to `set`. */
  mark(): number {
    return this.generation;
  }

  /** Remembers a session read from the database, unless something was forgotten since `mark`. */
  set(tokenHash: string, actor: Actor, expiresAt: Date, mark: number): void {
    if (this.listening && mark === this.generation) this.entries.set(tokenHash, { actor, expiresAt: expiresAt.getTime() });
  }

  /** Forgets one session (its sign-out). */
  forgetSession(tokenHash: string): void {
    this.generation += 1;
    this.entries.delete(tokenHash);
  }

  /** Forgets every session of this user (a sign-out, a disabled account, a changed role…). */
  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [tokenHash, { actor }] of this.entries.entries()) {
      if (actor.id === userId) this.entries.delete(tokenHash);
    }
  }

  private forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    // The app's own DataSource is PostgreSQL, given by URL (AppModule.forRoot).
    const url = this.dataSource.options.type === 'postgres' ? this.dataSource.options.url : undefined;
    const client = new Client({ connectionString: url, application_name: 'talentflow session changes' });
    const lost = (error?: Error) => {
      if (client !== this.listener) return;
      this.listening = false;
      this.listener = undefined;
      this.forgetAll();
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`Session change notifications lost (${error?.message ?? 'connection ended'}): asking the database on every request until they are back`);
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    this.listener = client;
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', ({ payload }) => payload && this.forgetUser(payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANGES_CHANNEL}`);
      if (client === this.listener) this.listening = true;
    } catch (error) {
      lost(error as Error);
    }
  }
}
