import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

describe('the platform around the resources', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('GET /api/health says the database answers', async () => {
    const response = await t.http.get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document with every resource and its DTO fields', async () => {
    const { body } = await t.http.get('/api/docs-json').expect(200);
    for (const path of ['organizations', 'people', 'sources', 'moves', 'headcount-targets', 'headcount-observations']) {
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining([`/api/${path}`, `/api/${path}/{id}`]));
    }
    expect(Object.keys(body.components.schemas.CreateMoveDto.properties)).toEqual(
      expect.arrayContaining(['personId', 'fromOrganizationId', 'toOrganizationId', 'status', 'sourceIds']),
    );
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/imports', '/api/imports/moves', '/api/imports/roster', '/api/imports/ror', '/api/imports/{kind}', '/api/imports/progress/{key}']),
    );
    expect(body.paths['/api/imports/{kind}'].post.parameters[0].schema.enum).toEqual(['organizations', 'people', 'sources', 'headcount-targets', 'headcount-observations']);
    await t.http.get('/api/docs').expect(200);
  });

  it('has migrations that match the entities exactly (no pending schema change)', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const response = await t.http
      .post('/api/people')
      .set('Content-Type', 'application/json')
      .send('{"name": "Hervé Jégou"')
      .expect(400);
    expect(response.body.message).toBeDefined();
  });

  it('says how long PostgreSQL and the analytics engine took, in a Server-Timing header, errors included', async () => {
    const response = await t.http.get('/api/moves').expect(200);
    expect(response.headers['server-timing']).toMatch(/^db;dur=\d+\.\d\d;desc="[1-9]\d* queries"$/);
    const missing = await t.http.get('/api/moves/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.headers['server-timing']).toMatch(/^db;dur=\d+\.\d\d;desc="[1-9]\d* queries"$/);
    const flows = await t.http.get('/api/analytics/flows?level=sector').expect(200);
    expect(flows.headers['server-timing']).toMatch(/^db;dur=\d+\.\d\d;desc="[1-9]\d* queries", analytics;dur=\d+\.\d\d$/);
  });

  it('times PostgreSQL finer than whole milliseconds: a quick query does not read as 0', async () => {
    // One query by primary key, well under a millisecond: in whole milliseconds (TypeORM's Date.now()
    // differences) it read 0 most of the time.
    for (let i = 0; i < 5; i++) {
      const response = await t.http.get('/api/moves/00000000-0000-4000-8000-000000000000').expect(404);
      const [, duration, queries] = /^db;dur=([\d.]+);desc="(\d+) queries"$/.exec(response.headers['server-timing']) ?? [];
      expect(queries).toBe('1');
      expect(Number(duration)).toBeGreaterThan(0);
    }
  });

  it('answers other origins without CORS headers when CORS_ORIGINS is empty (the web app is same-origin)', async () => {
    const response = await t.http.get('/api/moves').set('Origin', 'http://localhost:5173').expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-expose-headers']).toBeUndefined();
  });

  it('answers an unknown route under /api with 404', async () => {
    await t.http.get('/api/nothing-here').expect(404);
  });
});

describe('CORS for the origins in CORS_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'http://localhost:5173' } });
  });
  afterAll(() => t.close());

  it('lets a listed origin read lists and their totals, with its cookie; refuses another', async () => {
    const listed = await t.http.get('/api/moves').set('Origin', 'http://localhost:5173').expect(200);
    expect(listed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(listed.headers['access-control-allow-credentials']).toBe('true');
    expect(listed.headers['access-control-expose-headers']).toBe('Content-Range');
    const preflight = await t.anonymous
      .options('/api/moves')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await t.http.get('/api/moves').set('Origin', 'https://elsewhere.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
