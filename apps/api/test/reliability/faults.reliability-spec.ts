import { connect, type Socket } from 'node:net';
import { Client } from 'pg';
import { call, restartablePostgres, RunningApp, scratchDatabase, signIn, sleep, startBuiltApp } from './support';

/** The built app as a process of its own, under the faults a deployment meets. */
describe('faults', () => {
  let app: RunningApp | undefined;
  afterEach(() => {
    if (app && app.process.exitCode === null) app.process.kill('SIGKILL');
    app = undefined;
  });

  it('answers 503 with Retry-After while PostgreSQL is down, and recovers without a restart', async () => {
    const postgres = await restartablePostgres();
    try {
      const databaseUrl = new URL(postgres.url);
      await withClient(postgres.url, (client) => client.query('CREATE DATABASE talentflow'));
      databaseUrl.pathname = '/talentflow';
      app = await startBuiltApp(databaseUrl.toString(), { DB_POOL_TIMEOUT_MS: '1000' });
      const { url } = app;
      const cookie = await signIn(url);
      const seen: { status: number; retryAfter: string | null; ms: number; phase: string }[] = [];
      let phase = 'up';
      let loading = true;
      const worker = async (n: number) => {
        for (let i = 0; loading; i++) {
          const start = performance.now();
          const write = i % 3 === 0;
          const response = await call(url, cookie, write ? 'POST' : 'GET', '/api/people', write ? { name: `Load ${n}.${i}` } : undefined);
          seen.push({ status: response.status, retryAfter: response.headers.get('retry-after'), ms: performance.now() - start, phase });
          if (response.status === 503) await sleep(50);
        }
      };
      const workers = Array.from({ length: 6 }, (_, n) => worker(n));
      await sleep(1000);
      phase = 'down';
      await postgres.stop();
      await sleep(3000);
      const health = await call(app.url, '', 'GET', '/api/health');
      expect([health.status, health.headers.get('retry-after')]).toEqual([503, '5']);
      phase = 'restarting';
      await postgres.start();
      const restarted = performance.now();
      while ((await call(app.url, '', 'GET', '/api/health')).status !== 200) {
        if (performance.now() - restarted > 15_000) throw new Error('the app did not see PostgreSQL back within 15 s');
        await sleep(100);
      }
      const recoveredMs = performance.now() - restarted;
      phase = 'back';
      await sleep(1500);
      loading = false;
      await Promise.all(workers);

      const statuses = new Set(seen.map((answer) => answer.status));
      console.log(
        `PostgreSQL restart under load: ${seen.length} requests, statuses ${[...statuses].join(', ')}, ` +
          `${seen.filter((a) => a.status === 503).length} × 503, slowest ${Math.round(Math.max(...seen.map((a) => a.ms)))} ms, ` +
          `health back ${Math.round(recoveredMs)} ms after the start`,
      );
      const unexpected = [...statuses].filter((status) => ![200, 201, 503].includes(status));
      if (unexpected.length > 0) console.log(app.output());
      expect(unexpected).toEqual([]);
      expect(seen.some((answer) => answer.status === 503)).toBe(true);
      expect(seen.filter((answer) => answer.status === 503).every((answer) => answer.retryAfter === '5')).toBe(true);
      // Nothing hung: each answer came within the pool's wait and a margin.
      expect(Math.max(...seen.map((answer) => answer.ms))).toBeLessThan(5000);
      // The same process answers again, reads and writes.
      expect(app.process.exitCode).toBeNull();
      expect(seen.filter((answer) => answer.phase === 'back').every((answer) => answer.status === 200 || answer.status === 201)).toBe(true);
      expect((await call(app.url, cookie, 'POST', '/api/people', { name: 'After the restart' })).status).toBe(201);
    } finally {
      if (app) app.process.kill('SIGKILL');
      await postgres.destroy();
    }
  });

  it('answers 503 rather than hang when every connection waits on a row lock', async () => {
    const database = await scratchDatabase('locks');
    const holder = new Client({ connectionString: database.url });
    try {
      app = await startBuiltApp(database.url, { DB_POOL_SIZE: '4', DB_POOL_TIMEOUT_MS: '1000', DB_LOCK_TIMEOUT_MS: '3000' });
      const { url } = app;
      const cookie = await signIn(url);
      const person = (await call(app.url, cookie, 'POST', '/api/people', { name: 'Locked' })).body as { id: string; version: number };
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM people WHERE id = $1 FOR UPDATE', [person.id]);
      const started = performance.now();
      const writes = Array.from({ length: 8 }, () =>
        call(url, cookie, 'PUT', `/api/people/${person.id}`, { notes: 'waits', version: person.version }).then((answer) => ({
          ...answer,
          ms: performance.now() - started,
        })),
      );
      await sleep(300);
      const health = await call(app.url, '', 'GET', '/api/health');
      const list = await call(app.url, cookie, 'GET', '/api/people');
      expect([health.status, health.headers.get('retry-after')]).toEqual([503, '5']);
      expect([list.status, list.headers.get('retry-after')]).toEqual([503, '5']);
      const answers = await Promise.all(writes);
      console.log(`row lock held: writes answered ${answers.map((a) => `${a.status} in ${Math.round(a.ms)} ms`).join(', ')}`);
      expect(answers.every((answer) => answer.status === 503 && answer.headers.get('retry-after') === '5')).toBe(true);
      // A write queued behind another waiter waits for the tuple lock, then for the holder's
      // transaction: at most twice the lock timeout (3 s), never unbounded.
      expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(2 * 3000 + 1500);
      await holder.query('ROLLBACK');
      expect((await call(app.url, cookie, 'GET', '/api/health')).status).toBe(200);
      expect((await call(app.url, cookie, 'PUT', `/api/people/${person.id}`, { notes: 'free again', version: person.version })).status).toBe(200);
    } finally {
      await holder.end().catch(() => undefined);
      if (app) app.process.kill('SIGKILL');
      await database.drop();
    }
  });

  it('keeps every acknowledged write, whole, when the process is killed with SIGKILL mid-load', async () => {
    const database = await scratchDatabase('kill');
    try {
      app = await startBuiltApp(database.url);
      const { url } = app;
      const cookie = await signIn(url);
      const lab = await call(app.url, cookie, 'POST', '/api/organizations', { name: 'Kyutai', sector: 'private_lab', country: 'FR' });
      const inria = await call(app.url, cookie, 'POST', '/api/organizations', { name: 'Inria', sector: 'public_research', country: 'FR' });
      const acknowledged: string[] = [];
      let writing = true;
      const writer = async (n: number) => {
        for (let i = 0; writing; i++) {
          const person = await call(url, cookie, 'POST', '/api/people', { name: `Writer ${n}.${i}` }).catch(() => undefined);
          if (person?.status !== 201) continue;
          acknowledged.push((person.body as { id: string }).id);
          const move = await call(url, cookie, 'POST', '/api/moves', {
            personId: (person.body as { id: string }).id,
            fromOrganizationId: (inria.body as { id: string }).id,
            toOrganizationId: (lab.body as { id: string }).id,
            roleCategory: 'researcher',
            datePrecision: 'month',
            effectiveOn: '2024-03-01',
            status: 'confirmed',
          }).catch(() => undefined);
          if (move?.status === 201) acknowledged.push((move.body as { id: string }).id);
        }
      };
      const writers = Array.from({ length: 6 }, (_, n) => writer(n));
      await sleep(2000);
      app.process.kill('SIGKILL');
      await app.exited;
      writing = false;
      await Promise.all(writers);
      expect(acknowledged.length).toBeGreaterThan(10);

      await withClient(database.url, async (client) => {
        const { rows } = await client.query(
          `SELECT id::text FROM people WHERE id = ANY($1::uuid[]) UNION ALL SELECT id::text FROM moves WHERE id = ANY($1::uuid[])`,
          [acknowledged],
        );
        expect(rows.length).toBe(acknowledged.length);
        // Whole: every stored record has the audit entry written in its transaction.
        const { rows: unaudited } = await client.query(
          `SELECT r.id FROM (SELECT id FROM people UNION ALL SELECT id FROM moves) r
           WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.record_id = r.id::text AND a.action = 'create')`,
        );
        expect(unaudited).toEqual([]);
      });
      // A new process on the same database counts every stored move in its figures.
      app = await startBuiltApp(database.url);
      const again = await signIn(app.url);
      const flows = await call(app.url, again, 'GET', '/api/analytics/flows?level=sector');
      const [{ count }] = await withClient(database.url, async (client) => (await client.query(`SELECT count(*)::int FROM moves`)).rows);
      expect((flows.body as { links: { value: number }[] }).links.reduce((sum, link) => sum + link.value, 0)).toBe(count);
    } finally {
      if (app) app.process.kill('SIGKILL');
      await database.drop();
    }
  });

  it('answers on SIGTERM every connection it had accepted, then exits', async () => {
    const database = await scratchDatabase('drain');
    try {
      app = await startBuiltApp(database.url);
      const { port } = new URL(app.url);
      const sockets: Socket[] = await Promise.all(
        Array.from({ length: 20 }, () => new Promise<Socket>((resolve, reject) => {
          const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
          socket.once('error', reject);
        })),
      );
      // Accepted by the app, nothing read yet: then the signal, then the requests.
      await sleep(300);
      app.process.kill('SIGTERM');
      await sleep(50);
      const answers = await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<string>((resolve) => {
              let text = '';
              socket.on('data', (chunk) => (text += chunk));
              socket.on('error', (error) => resolve(`error ${error.message}`));
              socket.on('close', () => resolve(text));
              socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
            }),
        ),
      );
      const statusLines = answers.map((answer) => answer.split('\r\n')[0]);
      expect(statusLines).toEqual(Array(20).fill('HTTP/1.1 200 OK'));
      expect(answers.every((answer) => /\r\nConnection: close\r\n/i.test(answer))).toBe(true);
      expect(await app.exited).toBe(0);
      // Once it has stopped, nothing listens.
      await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
    } finally {
      await database.drop();
    }
  });
});

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
