import { registerAs } from '@nestjs/config';
import { validateEnvironment } from './environment';

export interface AuthConfig {
  sessionTtlHours: number;
  sessionCacheSeconds: number;
  cookieSecure: boolean;
  corsOrigins: string[];
  firstAdmin?: { email: string; password: string };
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
  trustProxy: number;
}

export const authConfig = registerAs('auth', (): AuthConfig => {
  const env = validateEnvironment(process.env);
  return {
    sessionTtlHours: env.SESSION_TTL_HOURS,
    sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    firstAdmin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    loginFailuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
    loginFailuresPerAddress: env.LOGIN_FAILURES_PER_ADDRESS,
    trustProxy: env.TRUST_PROXY,
  };
});
