import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@talentflow/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app/app.module';
import { APP_OPTIONS, configureApp } from '../src/app/configure-app';
import { createTestApp, emailOf, listQuery, TEST_PASSWORD, TestApp } from './support/test-app';

const login = (t: TestApp, email: string, password: string) =>
  t.anonymous.post('/api/auth/login').send({ email, password });

describe('accounts and sign-in', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('signs in with a cookie that scripts cannot read, and says who is signed in', async () => {
    const response = await login(t, emailOf(Role.Editor), TEST_PASSWORD).expect(200);
    expect(response.body).toEqual({ id: expect.any(String), email: emailOf(Role.Editor), displayName: 'Test editor', role: 'editor' });
    const cookie = response.headers['set-cookie'][0];
    expect(cookie).toMatch(/^tf_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.anonymous.get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body.email).toBe(emailOf(Role.Editor));
  });

  it('answers an unknown address and a wrong password alike, and reads nothing without a session', async () => {
    const unknown = await login(t, 'nobody@example.org', TEST_PASSWORD).expect(401);
    const wrong = await login(t, emailOf(Role.Viewer), 'not the password').expect(401);
    expect(unknown.body).toEqual(wrong.body);
    await t.anonymous.get('/api/moves').expect(401);
  });

  it('ends the session on sign-out', async () => {
    const agent = request.agent(t.app.getHttpServer());
    await agent.post('/api/auth/login').send({ email: emailOf(Role.Viewer), password: TEST_PASSWORD }).expect(200);
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('keeps sessions in the database: another API process (or a restarted one) knows them', async () => {
    const response = await login(t, emailOf(Role.Viewer), TEST_PASSWORD).expect(200);
    const cookie = response.headers['set-cookie'][0].split(';')[0];
    const other = (await Test.createTestingModule({ imports: [AppModule.forRoot({ databaseUrl: t.databaseUrl })] }).compile())
      .createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: false });
    configureApp(other);
    await other.init();
    try {
      const me = await request(other.getHttpServer()).get('/api/auth/me').set('Cookie', cookie).expect(200);
      expect(me.body.role).toBe('viewer');
    } finally {
      await other.close();
    }
  });

  it('remembers who a session belongs to, and forgets it when any process ends the session or changes the account', async () => {
    const queriesOf = (response: { headers: Record<string, string> }) => Number(/desc="(\d+) queries"/.exec(response.headers['server-timing'])?.[1]);
    /** Asks until `done` holds (a notification from PostgreSQL takes a moment), at most 3 s. */
    const eventually = async (ask: () => Promise<request.Response>, done: (response: request.Response) => boolean) => {
      for (const start = Date.now(); Date.now() - start < 3000; await new Promise((resolve) => setTimeout(resolve, 50))) {
        const response = await ask();
        if (done(response)) return response;
      }
      throw new Error('never happened');
    };
    const { body: user } = await t.http
      .post('/api/users')
      .send({ email: 'remembered@example.org', displayName: 'Remembered', role: 'viewer', password: 'a long enough password' })
      .expect(201);
    const agent = request.agent(t.app.getHttpServer());
    await agent.post('/api/auth/login').send({ email: 'remembered@example.org', password: 'a long enough password' }).expect(200);
    expect(queriesOf(await agent.get('/api/auth/me').expect(200))).toBe(1);
    expect(queriesOf(await agent.get('/api/auth/me').expect(200))).toBe(0);

    // Another process (here psql's part, played by plain SQL) changes the account, then ends the session.
    const sql = t.app.get(DataSource);
    await sql.query(`UPDATE users SET role = 'editor' WHERE id = $1`, [user.id]);
    await eventually(() => agent.get('/api/auth/me'), (response) => response.body.role === 'editor');
    await sql.query(`DELETE FROM sessions WHERE user_id = $1`, [user.id]);
    await eventually(() => agent.get('/api/auth/me'), (response) => response.status === 401);

    // Without its notifications a process remembers nothing, and it listens again by itself.
    await agent.post('/api/auth/login').send({ email: 'remembered@example.org', password: 'a long enough password' }).expect(200);
    await agent.get('/api/auth/me').expect(200);
    await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'talentflow session changes' AND datname = current_database()`);
    await eventually(() => agent.get('/api/auth/me'), (response) => queriesOf(response) === 1);
    expect(queriesOf(await agent.get('/api/auth/me').expect(200))).toBe(1);
    await eventually(() => agent.get('/api/auth/me'), (response) => queriesOf(response) === 0);
  });

  it('lets admins create users, change their role and disable them; a disabled user’s sessions end', async () => {
    const created = await t.http
      .post('/api/users')
      .send({ email: 'Analyst@Example.org', displayName: 'An Analyst', role: 'viewer', password: 'a long enough password' })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'analyst@example.org', role: 'viewer', disabled: false, version: 1 });
    const agent = request.agent(t.app.getHttpServer());
    await agent.post('/api/auth/login').send({ email: 'analyst@example.org', password: 'a long enough password' }).expect(200);
    await agent.post('/api/organizations').send({ name: 'Nope', sector: 'startup' }).expect(403);

    const promoted = await t.http.put(`/api/users/${created.body.id}`).send({ role: 'editor', version: 1 }).expect(200);
    expect(promoted.body.role).toBe('editor');
    await agent.post('/api/organizations').send({ name: 'Now allowed', sector: 'startup' }).expect(201);

    await t.http.put(`/api/users/${created.body.id}`).send({ disabled: true, version: 2 }).expect(200);
    await agent.get('/api/auth/me').expect(401);
    await login(t, 'analyst@example.org', 'a long enough password').expect(401);

    const history = await t.http.get(`/api/audit-entries${listQuery({ filter: { resource: 'users', recordId: created.body.id } })}`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(['update', 'role_change', 'create']);
    expect(history.body[1].changes).toEqual({ role: { before: 'viewer', after: 'editor' } });
    expect(history.headers['content-range']).toBe('audit-entries 0-2/3');

    // The users' list, as react-admin pages it: the total in Content-Range.
    const users = await t.http.get(`/api/users${listQuery({ filter: { q: 'analyst@example.org' } })}`).expect(200);
    expect(users.body.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
    expect(users.headers['content-range']).toBe('users 0-0/1');
    const none = await t.http.get(`/api/users${listQuery({ filter: { q: 'nobody at all' } })}`).expect(200);
    expect([none.body, none.headers['content-range']]).toEqual([[], 'users */0']);
  });

  it('takes a user sent back as read, but not a new email', async () => {
    const { body: created } = await t.http
      .post('/api/users')
      .send({ email: 'as-read@example.org', displayName: 'As read', role: 'viewer', password: 'a long enough password' })
      .expect(201);
    const { body: read } = await t.http.get(`/api/users/${created.id}`).expect(200);
    const { body: changed } = await t.http.put(`/api/users/${created.id}`).send({ ...read, role: 'editor' }).expect(200);
    expect(changed).toMatchObject({ email: 'as-read@example.org', role: 'editor' });
    const renamed = await t.http.put(`/api/users/${created.id}`).send({ ...changed, email: 'other@example.org' }).expect(400);
    expect(renamed.body.errors.email).toMatch(/cannot be changed/);
  });

  it('keeps at least one enabled admin', async () => {
    const { body: users } = await t.http.get(`/api/users${listQuery({ filter: { role: 'admin' } })}`);
    expect(users).toHaveLength(1);
    const [admin] = users;
    const response = await t.http.put(`/api/users/${admin.id}`).send({ role: 'editor', version: admin.version }).expect(409);
    expect(response.body.message).toMatch(/last admin/);
    await t.http.put(`/api/users/${admin.id}`).send({ disabled: true, version: admin.version }).expect(409);
    expect((await t.http.get(`/api/users/${admin.id}`)).body).toMatchObject({ role: 'admin', disabled: false });
  });

  it('refuses a weak password, a duplicate email and an unknown role', async () => {
    const weak = await t.http.post('/api/users').send({ email: 'w@example.org', displayName: 'W', role: 'viewer', password: 'short' }).expect(400);
    expect(weak.body.errors.password).toMatch(/at least 12/);
    const twice = await t.http
      .post('/api/users')
      .send({ email: emailOf(Role.Viewer), displayName: 'Again', role: 'viewer', password: 'a long enough password' })
      .expect(409);
    expect(twice.body.errors).toEqual({ email: 'is already used by another record' });
    const role = await t.http.post('/api/users').send({ email: 'r@example.org', displayName: 'R', role: 'owner', password: 'a long enough password' }).expect(400);
    expect(role.body.errors.role).toMatch(/must be one of viewer, editor, admin/);
  });

  it('lets users change their own password, given the current one', async () => {
    await t.http
      .post('/api/users')
      .send({ email: 'changer@example.org', displayName: 'Changer', role: 'viewer', password: 'the first password' })
      .expect(201);
    const agent = request.agent(t.app.getHttpServer());
    const elsewhere = request.agent(t.app.getHttpServer());
    for (const session of [agent, elsewhere]) {
      await session.post('/api/auth/login').send({ email: 'changer@example.org', password: 'the first password' }).expect(200);
    }
    const wrong = await agent.put('/api/auth/password').send({ currentPassword: 'not it', newPassword: 'the second password' }).expect(400);
    expect(wrong.body.errors.currentPassword).toMatch(/not your current password/);
    await agent.put('/api/auth/password').send({ currentPassword: 'the first password', newPassword: 'the second password' }).expect(204);
    await login(t, 'changer@example.org', 'the first password').expect(401);
    await login(t, 'changer@example.org', 'the second password').expect(200);
    // The session that changed it goes on; one opened elsewhere with the old password has ended.
    await agent.get('/api/auth/me').expect(200);
    await elsewhere.get('/api/auth/me').expect(401);
  });

  it('never sends a password hash', async () => {
    const bodies = [
      (await t.http.get('/api/users')).text,
      (await t.http.get(`/api/users${listQuery({ range: [0, 99] })}`)).text,
      (await t.http.get('/api/auth/me')).text,
      (await t.http.get(`/api/audit-entries${listQuery({ range: [0, 999] })}`)).text,
      (await login(t, emailOf(Role.Admin), TEST_PASSWORD)).text,
    ];
    const { body: users } = await t.http.get('/api/users');
    for (const user of users) bodies.push((await t.http.get(`/api/users/${user.id}`)).text);
    for (const body of bodies) {
      expect(body).not.toMatch(/argon2|passwordHash|password_hash/);
    }
  });
});

describe('slowing down password guessing', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The client's address from X-Forwarded-For, as behind one reverse proxy.
    t = await createTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => t.close());
  const from = (address: string, email: string, password: string) =>
    t.anonymous.post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('pauses an account after 5 failed sign-ins from one address, even with the right password then', async () => {
    for (let i = 0; i < 5; i++) await login(t, emailOf(Role.Viewer), `wrong ${i}`).expect(401);
    const paused = await login(t, emailOf(Role.Viewer), TEST_PASSWORD).expect(429);
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(800);
    expect(paused.body.message).toMatch(/try again in 15 minutes/);
    // Another account from the same address is not paused by that.
    await login(t, emailOf(Role.Editor), TEST_PASSWORD).expect(200);
  });

  it('lets the owner in from their own address while someone else fails their password elsewhere', async () => {
    for (let i = 0; i < 8; i++) await from('203.0.113.7', emailOf(Role.Admin), `wrong ${i}`).expect(i < 5 ? 401 : 429);
    await from('198.51.100.20', emailOf(Role.Admin), TEST_PASSWORD).expect(200);
    await from('203.0.113.7', emailOf(Role.Admin), TEST_PASSWORD).expect(429);
  });

  it('pauses an address after 20 failed sign-ins across accounts', async () => {
    // 5 failures above, 15 more here: the address has failed 20 times.
    for (let i = 0; i < 15; i++) await login(t, `guess${i}@example.org`, 'guess').expect(401);
    await login(t, emailOf(Role.Editor), TEST_PASSWORD).expect(429);
  });
});

describe('the audit log', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const history = async (resource: string, id: string) =>
    (await t.http.get(`/api/audit-entries${listQuery({ filter: { resource, recordId: id }, sort: ['at', 'ASC'] })}`).expect(200)).body as {
      action: string;
      userEmail: string;
      changes: Record<string, { before: unknown; after: unknown }>;
    }[];

  it('records who created, changed, deleted, restored and purged a record, and what changed', async () => {
    const editor = t.as(Role.Editor);
    const { body: source } = await editor.post('/api/sources').send({ url: 'https://example.org/audit', title: 'First' }).expect(201);
    await editor.put(`/api/sources/${source.id}`).send({ title: 'Second', version: 1 }).expect(200);
    await editor.delete(`/api/sources/${source.id}`).expect(200);
    await t.http.post(`/api/sources/${source.id}/restore`).expect(200);
    await t.http.delete(`/api/sources/${source.id}/permanent`).expect(200);

    const entries = await history('sources', source.id);
    expect(entries.map((e) => [e.action, e.userEmail])).toEqual([
      ['create', emailOf(Role.Editor)],
      ['update', emailOf(Role.Editor)],
      ['delete', emailOf(Role.Editor)],
      ['restore', emailOf(Role.Admin)],
      ['purge', emailOf(Role.Admin)],
    ]);
    expect(entries[0].changes).toMatchObject({ url: { before: null, after: 'https://example.org/audit' }, title: { before: null, after: 'First' } });
    expect(entries[1].changes).toEqual({ title: { before: 'First', after: 'Second' } });
    expect(entries[2].changes.title).toEqual({ before: 'Second', after: null });

    // Anyone signed in reads a record's history; the log itself cannot be changed, even in the database.
    expect(await t.as(Role.Viewer).get(`/api/audit-entries${listQuery({ filter: { recordId: source.id } })}`).expect(200)).toBeDefined();
    await expect(t.app.get(DataSource).query('DELETE FROM audit_entries')).rejects.toThrow(/cannot be changed or deleted/);
    await expect(t.app.get(DataSource).query("UPDATE audit_entries SET action = 'create'")).rejects.toThrow(/cannot be changed/);
  });

  it('records sign-ins, failed ones included', async () => {
    await login(t, emailOf(Role.Viewer), 'wrong').expect(401);
    await login(t, emailOf(Role.Viewer), TEST_PASSWORD).expect(200);
    const { body } = await t.http.get(`/api/audit-entries${listQuery({ filter: { resource: 'auth' }, sort: ['at', 'DESC'], range: [0, 1] })}`);
    expect(body.map((e: { action: string; userEmail: string }) => [e.action, e.userEmail])).toEqual([
      ['login', emailOf(Role.Viewer)],
      ['login_failed', emailOf(Role.Viewer)],
    ]);
  });
});

describe('two editors on the same move', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('refuses the second save, based on a stale version, with 409 and the current values, changing nothing', async () => {
    const { body: person } = await t.http.post('/api/people').send({ name: 'Concurrent Person' }).expect(201);
    const { body: lab } = await t.http.post('/api/organizations').send({ name: 'Concurrent Lab', sector: 'private_lab' }).expect(201);
    const { body: move } = await t.http
      .post('/api/moves')
      .send({ personId: person.id, toOrganizationId: lab.id, roleCategory: 'researcher', datePrecision: 'day', status: 'rumoured' })
      .expect(201);

    const first = await t.as(Role.Editor).put(`/api/moves/${move.id}`).send({ status: 'announced', version: move.version }).expect(200);
    const second = await t.as(Role.Admin).put(`/api/moves/${move.id}`).send({ status: 'cancelled', role: 'CTO', version: move.version }).expect(409);
    expect(second.body.message).toMatch(/Someone else changed this record/);
    expect(second.body.current).toMatchObject({ id: move.id, status: 'announced', version: first.body.version });
    expect((await t.http.get(`/api/moves/${move.id}`)).body).toEqual(first.body);

    // A change not based on a read names no version: it sets its fields on the move as it now stands.
    const { body: blind } = await t.http.put(`/api/moves/${move.id}`).send({ status: 'cancelled' }).expect(200);
    expect(blind).toMatchObject({ status: 'cancelled', version: first.body.version + 1 });
  });
});

describe('merging duplicates', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const post = async (resource: string, body: object) => (await t.http.post(`/api/${resource}`).send(body).expect(201)).body;

  it('merges two organisations: every move, target, observation and sub-organisation repointed, names kept, one audit entry', async () => {
    const inria = await post('organizations', { name: 'Inria', sector: 'public_research', country: 'FR' });
    const dup = await post('organizations', { name: 'INRIA Paris', aliases: ['Institut national de recherche'], sector: 'public_research', rorId: '02kvxyf05' });
    const kyutai = await post('organizations', { name: 'Kyutai', sector: 'private_lab' });
    const child = await post('organizations', { name: 'Inria team', sector: 'public_research', parentId: dup.id });
    const person = await post('people', { name: 'Someone' });
    const move = await post('moves', { personId: person.id, fromOrganizationId: dup.id, toOrganizationId: kyutai.id, roleCategory: 'researcher', datePrecision: 'day', status: 'confirmed' });
    const target = await post('headcount-targets', { organizationId: dup.id, low: 10, high: 20, population: 'researchers' });
    const observation = await post('headcount-observations', { organizationId: dup.id, observedOn: '2024-01-01', count: 5, population: 'staff' });

    await t.as(Role.Editor).post(`/api/organizations/${inria.id}/merge`).send({ duplicateId: dup.id }).expect(403);
    const merged = await t.http.post(`/api/organizations/${inria.id}/merge`).send({ duplicateId: dup.id }).expect(200);
    expect(merged.body).toMatchObject({ name: 'Inria', country: 'FR', rorId: '02kvxyf05', aliases: ['INRIA Paris', 'Institut national de recherche'] });

    expect((await t.http.get(`/api/moves/${move.id}`)).body.fromOrganizationId).toBe(inria.id);
    expect((await t.http.get(`/api/headcount-targets/${target.id}`)).body.organizationId).toBe(inria.id);
    expect((await t.http.get(`/api/headcount-observations/${observation.id}`)).body.organizationId).toBe(inria.id);
    expect((await t.http.get(`/api/organizations/${child.id}`)).body.parentId).toBe(inria.id);
    await t.http.get(`/api/organizations/${dup.id}`).expect(404);

    const { body: entries } = await t.http.get(`/api/audit-entries${listQuery({ filter: { resource: 'organizations', recordId: inria.id, action: 'merge' } })}`);
    expect(entries).toHaveLength(1);
    expect(entries[0].changes).toMatchObject({
      rorId: { before: null, after: '02kvxyf05' },
      mergedRecord: { before: { id: dup.id, name: 'INRIA Paris' }, after: null },
      repointed: { after: { 'moves.fromOrganizationId': 1, 'headcount_targets.organizationId': 1, 'headcount_observations.organizationId': 1, 'organizations.parentId': 1 } },
    });
  });

  it('refuses to merge two organisations that a move goes between, changing nothing', async () => {
    const a = await post('organizations', { name: 'Lab A', sector: 'startup' });
    const b = await post('organizations', { name: 'Lab B', sector: 'startup' });
    const person = await post('people', { name: 'Between' });
    await post('moves', { personId: person.id, fromOrganizationId: a.id, toOrganizationId: b.id, roleCategory: 'researcher', datePrecision: 'day', status: 'confirmed' });
    const response = await t.http.post(`/api/organizations/${a.id}/merge`).send({ duplicateId: b.id }).expect(409);
    expect(response.body.message).toMatch(/leave and join the same one/);
    await t.http.get(`/api/organizations/${b.id}`).expect(200);
  });

  it('merges two people: their moves follow, the duplicate’s name becomes an alias and is still found', async () => {
    const jegou = await post('people', { name: 'Hervé Jégou' });
    const dup = await post('people', { name: 'H. Jegou', orcid: '0000-0002-1825-0097', fields: ['computer vision'] });
    const lab = await post('organizations', { name: 'Merge Lab', sector: 'private_lab' });
    const move = await post('moves', { personId: dup.id, toOrganizationId: lab.id, roleCategory: 'researcher', datePrecision: 'day', status: 'confirmed' });
    const merged = await t.http.post(`/api/people/${jegou.id}/merge`).send({ duplicateId: dup.id }).expect(200);
    expect(merged.body).toMatchObject({ name: 'Hervé Jégou', aliases: ['H. Jegou'], orcid: '0000-0002-1825-0097', fields: ['computer vision'] });
    expect((await t.http.get(`/api/moves/${move.id}`)).body.personId).toBe(jegou.id);
    const found = await t.http.get(`/api/people${listQuery({ filter: { q: 'h. jegou' } })}`);
    expect(found.body.map((p: { id: string }) => p.id)).toEqual([jegou.id]);
    await t.http.post(`/api/people/${jegou.id}/merge`).send({ duplicateId: jegou.id }).expect(400);
  });
});
