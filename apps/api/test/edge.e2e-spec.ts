import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, listQuery, TestApp } from './support/test-app';

const RESOURCES = ['organizations', 'people', 'sources', 'moves', 'headcount-targets', 'headcount-observations', 'users', 'audit-entries'];
const INHERITED_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

/** What the app answers to requests no client should send: a clear 4xx, and the process unharmed. */
describe('the edge, with the web app served beside the API', () => {
  let t: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'talentflow-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Talentflow</title>');
    t = await createTestApp({ env: { WEB_ROOT: webRoot, CORS_ORIGINS: 'https://partner.example.org' } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the web app outside /api, index.html for deep links, and JSON 404s inside it', async () => {
    expect((await t.anonymous.get('/moves/create').expect(200)).text).toContain('<title>Talentflow</title>');
    const missing = await t.http.get('/api/nothing-here').expect(404);
    expect(missing.body.statusCode).toBe(404);
  });

  it('refuses inherited names as sort fields and filter keys on every list, and stays whole', async () => {
    for (const resource of RESOURCES) {
      for (const name of INHERITED_NAMES) {
        const sorted = await t.http.get(`/api/${resource}${listQuery({ sort: [name, 'ASC'] })}`);
        expect([resource, name, sorted.status, sorted.body.errors]).toEqual([resource, name, 400, { sort: expect.stringMatching(/cannot sort on/) }]);
        const filtered = await t.http.get(`/api/${resource}?filter=${encodeURIComponent(`{"${name}":"x"}`)}`);
        expect([resource, name, filtered.status]).toEqual([resource, name, 400]);
      }
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    const created = await t.http.post('/api/people').send({ name: 'Still Works' }).expect(201);
    await t.http.get(`/api/people/${created.body.id}`).expect(200);
    await t.http.put(`/api/people/${created.body.id}`).send({ notes: 'changed', version: created.body.version }).expect(200);
  });

  it.each([
    ['a NUL in a body string', (t: TestApp) => t.http.post('/api/people').send({ name: 'Nul\u0000Byte' }), 'name'],
    ['a NUL in a filter', (t: TestApp) => t.http.get(`/api/people${listQuery({ filter: { q: 'a\u0000' } })}`), 'filter.q'],
    ['a NUL in a query parameter', (t: TestApp) => t.http.get('/api/analytics/flows?fields=a%00b'), 'fields'],
    ['a lone surrogate in the sign-in email', (t: TestApp) => t.anonymous.post('/api/auth/login').send({ email: '\ud800@example.org', password: 'x' }), 'email'],
    ['null on an optional list the database keeps', (t: TestApp) => t.http.post('/api/organizations').send({ name: 'X', sector: 'startup', aliases: null }), 'aliases'],
  ])('answers %s with 400 naming the field', async (_case, send, field) => {
    const response = await send(t).expect(400);
    expect(Object.keys(response.body.errors)).toContain(field);
  });

  it('answers null on a required field in an update with 400, changing nothing', async () => {
    const created = await t.http.post('/api/organizations').send({ name: 'Keeps its name', sector: 'startup' }).expect(201);
    const response = await t.http.put(`/api/organizations/${created.body.id}`).send({ name: null, version: created.body.version }).expect(400);
    expect(response.body.errors.name).toMatch(/must be a string/);
    expect((await t.http.get(`/api/organizations/${created.body.id}`)).body.name).toBe('Keeps its name');
  });

  it('answers JSON nested thousands of levels deep with 400, anonymous or not', async () => {
    const deep = `{"email":${'['.repeat(3000)}${']'.repeat(3000)},"password":"x"}`;
    const response = await t.anonymous.post('/api/auth/login').set('Content-Type', 'application/json').send(deep).expect(400);
    expect(response.body.message).toMatch(/nests deeper than 16 levels/);
    await t.http.post('/api/people').set('Content-Type', 'application/json').send(`{"name":"x","fields":${'['.repeat(50)}${']'.repeat(50)}}`).expect(400);
  });

  it('answers malformed JSON with 400, a body over the limit with 413, an unknown charset with 415', async () => {
    const malformed = await t.http.post('/api/people').set('Content-Type', 'application/json').send('{"name": "Hervé').expect(400);
    expect(malformed.body).toEqual({ statusCode: 400, message: 'The body is not valid JSON' });
    const large = await t.http.post('/api/people').send({ name: 'x', notes: 'n'.repeat(1_100_000) }).expect(413);
    expect(large.body.message).toMatch(/larger than 1mb/);
    await t.http.post('/api/people').set('Content-Type', 'application/json; charset=latin9').send('{"name":"x"}').expect(415);
  });

  it('takes writes as JSON only, and from the app’s own origin or an allowed one', async () => {
    const form = await t.anonymous.post('/api/auth/login').type('form').send('email=admin%40test.talentflow.org&password=x').expect(415);
    expect(form.body.message).toMatch(/application\/json/);
    await t.http.post('/api/people').set('Content-Type', 'text/plain').send('{"name":"x"}').expect(415);
    const site = (origin: string) => t.http.post('/api/people').set('Host', 'talentflow.example.org:8443').set('Origin', origin);
    for (const origin of ['https://evil.example.org', 'https://sub.talentflow.example.org:8443', 'https://talentflow.example.org:9000', 'null']) {
      const refused = await site(origin).send({ name: 'CSRF' }).expect(403);
      expect(refused.body.message).toMatch(/from this site only/);
    }
    await site('https://talentflow.example.org:8443').send({ name: 'Same origin' }).expect(201);
    await t.http.post('/api/people').set('Origin', 'https://partner.example.org').send({ name: 'Allowed origin' }).expect(201);
    // A DELETE as react-admin sends it: text/plain and no body.
    const created = await t.http.post('/api/people').send({ name: 'To delete' }).expect(201);
    await t.http.delete(`/api/people/${created.body.id}`).set('Content-Type', 'text/plain').expect(200);
    expect((await t.http.get(`/api/people${listQuery({ filter: { q: 'CSRF' } })}`)).body).toEqual([]);
  });

  it('tells browsers and proxies to keep no copy of API answers', async () => {
    expect((await t.http.get('/api/people').expect(200)).headers['cache-control']).toBe('no-store');
    expect((await t.anonymous.get('/api/auth/me').expect(401)).headers['cache-control']).toBe('no-store');
  });
});

describe('the API docs setting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { API_DOCS: 'false' } });
  });
  afterAll(() => t.close());

  it('serves no API docs when API_DOCS is false', async () => {
    await t.anonymous.get('/api/docs-json').expect(404);
    await t.anonymous.get('/api/docs').expect(404);
  });
});
