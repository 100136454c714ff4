import { registerAs } from '@nestjs/config';
import { join } from 'node:path';
import { validateEnvironment } from './environment';

export interface AppConfig {
  port: number;
  demoData: boolean;
  webRoot: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  apiDocs: boolean;
  shutdownGraceMs: number;
  analyticsThreads: number;
}

export const appConfig = registerAs('app', (): AppConfig => {
  const env = validateEnvironment(process.env);
  return {
    port: env.PORT,
    demoData: env.DEMO_DATA,
    // The build puts the web app beside the API bundle: dist/apps/{api,web}.
    webRoot: env.WEB_ROOT ?? join(__dirname, '..', 'web'),
    logLevel: env.LOG_LEVEL,
    apiDocs: env.API_DOCS ?? true,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    analyticsThreads: env.ANALYTICS_THREADS,
  };
});
