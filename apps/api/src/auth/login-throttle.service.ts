import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { authConfig } from '../config/auth.config';

const WINDOW_SECONDS = 15 * 60;

/** Too many failed sign-ins: the body says when to try again, as does the Retry-After header. */
export class TooManyLoginFailures extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      { statusCode: 429, message: `Too many failed sign-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Slows down password guessing with counters kept in PostgreSQL (table login_limits, see the
 * migrations), shared by every API process: failures per account *from one address*, and failures
 * per address whatever the account. An account's counter is keyed by its address too, so that
 * nobody can lock someone else out by failing their password from elsewhere: the owner, from their
 * own address, still gets in. Guessing one account from many addresses is bounded per address
 * and by the cost of each argon2id check, not by a lock that would be a denial of service.
 */
@Injectable()
export class LoginThrottleService {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'login_limits',
        tableCreated: true,
        keyPrefix,
        points,
        duration: WINDOW_SECONDS,
        blockDuration: WINDOW_SECONDS,
      });
    this.byAccount = limiter('account-address', config.loginFailuresPerAccount);
    this.byAddress = limiter('address', config.loginFailuresPerAddress);
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, origin] = await Promise.all([this.byAccount.get(accountKey(email, address)), this.byAddress.get(address)]);
    const waits = [
      account && account.consumedPoints >= this.config.loginFailuresPerAccount ? account.msBeforeNext : 0,
      origin && origin.consumedPoints >= this.config.loginFailuresPerAddress ? origin.msBeforeNext : 0,
    ];
    const wait = Math.max(...waits);
    if (wait > 0) throw new TooManyLoginFailures(Math.ceil(wait / 1000));
  }

  async failed(email: string, address: string): Promise<void> {
    // consume() rejects once the limit is passed: that is expected here, the next attempt is refused.
    await Promise.allSettled([this.byAccount.consume(accountKey(email, address)), this.byAddress.consume(address)]);
  }

  async succeeded(email: string, address: string): Promise<void> {
    await this.byAccount.delete(accountKey(email, address));
  }
}

const accountKey = (email: string, address: string) => `${email} ${address}`;
