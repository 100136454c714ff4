import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role, ROLES } from '@talentflow/domain';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppModule } from '../../src/app/app.module';
import { APP_OPTIONS, configureApp } from '../../src/app/configure-app';
import { UsersService } from '../../src/users/users.service';

export interface TestApp {
  app: INestApplication;
  /** Signed in as an admin: may do everything. */
  http: TestAgent;
  /** Signed in with the given role. */
  as(role: Role): TestAgent;
  /** Nobody signed in. */
  anonymous: TestAgent;
  databaseUrl: string;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';
export const emailOf = (role: Role) => `${role}@test.talentflow.org`;

async function onServer<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * The real app (same modules, same global pipes, filters and interceptors as main.ts) on a database
 * of its own, created empty and migrated on start; `close()` drops it. `env` holds configuration
 * (environment variables) set while the app starts only. `sharing`: a second app on another test
 * app's database, as a second API process would be (its `close()` leaves the database).
 */
export async function createTestApp(options: { demoData?: boolean; env?: Record<string, string>; sharing?: TestApp } = {}): Promise<TestApp> {
  const database = options.sharing ? new URL(options.sharing.databaseUrl).pathname.slice(1) : `talentflow_test_${randomBytes(6).toString('hex')}`;
  if (!options.sharing) await onServer((client) => client.query(`CREATE DATABASE ${database}`));
  const url = new URL(process.env.TEST_PG_ADMIN_URL ?? '');
  url.pathname = `/${database}`;

  const env = { ...options.env, DEMO_DATA: String(options.demoData ?? false) };
  Object.assign(process.env, env);
  let app: NestExpressApplication;
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ databaseUrl: url.toString() })],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: ['error', 'warn'] });
    configureApp(app);
    await app.init();
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
  }

  const server = app.getHttpServer();
  const agents = {} as Record<Role, TestAgent>;
  for (const role of ROLES) {
    if (!options.sharing) await app.get(UsersService).create({ email: emailOf(role), displayName: `Test ${role}`, role, password: TEST_PASSWORD }, null);
    agents[role] = request.agent(server);
    await agents[role].post('/api/auth/login').send({ email: emailOf(role), password: TEST_PASSWORD }).expect(200);
  }

  return {
    app,
    http: agents[Role.Admin],
    as: (role) => agents[role],
    anonymous: request(server),
    databaseUrl: url.toString(),
    close: async () => {
      await app.close();
      if (!options.sharing) await onServer((client) => client.query(`DROP DATABASE ${database} WITH (FORCE)`));
    },
  };
}

/** `Content-Range: moves 0-24/319` → 319. */
export function totalOf(response: { headers: Record<string, string> }): number {
  return Number(response.headers['content-range']?.split('/')[1]);
}

/** Encodes a simple-REST list query the way ra-data-simple-rest does. */
export function listQuery(params: { sort?: [string, string]; range?: [number, number]; filter?: object }): string {
  const query = new URLSearchParams();
  if (params.sort) query.set('sort', JSON.stringify(params.sort));
  if (params.range) query.set('range', JSON.stringify(params.range));
  if (params.filter) query.set('filter', JSON.stringify(params.filter));
  return `?${query.toString()}`;
}
