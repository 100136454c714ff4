import { Role, ROLES } from '@talentflow/domain';
import { discoverRoutes, type DiscoveredRoute } from './support/routes';
import { createTestApp, TestApp } from './support/test-app';

type Rule = Role | 'public';

/** Who may call each route. A route the app has and this table lacks fails the suite, and the reverse. */
const CRUD = (resource: string): Record<string, Rule> => ({
  [`GET /api/${resource}`]: Role.Viewer,
  [`GET /api/${resource}/:id`]: Role.Viewer,
  [`POST /api/${resource}`]: Role.Editor,
  [`PUT /api/${resource}/:id`]: Role.Editor,
  [`PATCH /api/${resource}`]: Role.Editor,
  [`DELETE /api/${resource}/:id`]: Role.Editor,
  [`POST /api/${resource}/:id/restore`]: Role.Admin,
  [`DELETE /api/${resource}/:id/permanent`]: Role.Admin,
});

const EXPECTED: Record<string, Rule> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': Role.Viewer,
  'PUT /api/auth/password': Role.Viewer,
  'GET /api/users': Role.Admin,
  'GET /api/users/:id': Role.Admin,
  'POST /api/users': Role.Admin,
  'PUT /api/users/:id': Role.Admin,
  'GET /api/audit-entries': Role.Viewer,
  'GET /api/audit-entries/:id': Role.Admin,
  ...CRUD('organizations'),
  'POST /api/organizations/:id/merge': Role.Admin,
  'GET /api/organizations/:id/relations': Role.Viewer,
  ...CRUD('people'),
  'POST /api/people/:id/merge': Role.Admin,
  ...CRUD('sources'),
  ...CRUD('moves'),
  ...CRUD('headcount-targets'),
  ...CRUD('headcount-observations'),
  'GET /api/analytics/flows': Role.Viewer,
  'GET /api/analytics/net-flows': Role.Viewer,
  'GET /api/analytics/top': Role.Viewer,
  'GET /api/analytics/headcount': Role.Viewer,
  'GET /api/analytics/moves.parquet': Role.Viewer,
  'GET /api/imports': Role.Editor,
  'GET /api/imports/progress/:key': Role.Editor,
  'POST /api/imports/ror': Role.Admin,
  'POST /api/imports/moves': Role.Editor,
  'POST /api/imports/roster': Role.Editor,
  'POST /api/imports/:kind': Role.Editor,
  'DELETE /api/imports/:id': Role.Admin,
};

const RANK = { anonymous: -1, [Role.Viewer]: 0, [Role.Editor]: 1, [Role.Admin]: 2 };

describe('who may call what', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];

  beforeAll(async () => {
    t = await createTestApp();
    routes = discoverRoutes(t.app);
  });
  afterAll(() => t.close());

  it('states an access rule on every route (a route without one is refused to everyone)', () => {
    expect(routes.filter((route) => !route.rule).map((route) => route.key)).toEqual([]);
  });

  it('has exactly the routes of the table, each with the rule the table gives', () => {
    const stated = Object.fromEntries(
      routes.map((route) => [route.key, route.rule && 'public' in route.rule ? 'public' : route.rule?.role]),
    );
    expect(stated).toEqual(EXPECTED);
  });

  const cases = Object.entries(EXPECTED).flatMap(([key, rule]) =>
    (['anonymous', ...ROLES] as const).map((who) => ({ key, rule, who })),
  );

  it.each(cases)('$key as $who', async ({ key, rule, who }) => {
    if (rule === 'public' && who !== 'anonymous') return; // public routes are checked without a session
    const [method, path] = key.split(' ');
    // Below admin, the audit log is read one record's history at a time.
    const query = path === '/api/audit-entries' ? `?filter=${encodeURIComponent('{"recordId":"x"}')}` : '';
    const url = path.replace(/:id|:key/, '00000000-0000-4000-8000-000000000000') + query;
    const agent = who === 'anonymous' ? t.anonymous : t.as(who);
    const call = agent[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url);
    const response = method === 'GET' || method === 'DELETE' ? await call : await call.send({});
    const allowed = rule === 'public' || RANK[who] >= RANK[rule];
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
    } else {
      expect(response.status).toBe(who === 'anonymous' ? 401 : 403);
    }
  });

  it('lets only admins read the whole audit log; others read one record’s history', async () => {
    const response = await t.as(Role.Editor).get('/api/audit-entries').expect(403);
    expect(response.body.message).toMatch(/give a recordId/);
    await t.http.get('/api/audit-entries').expect(200);
  });

  it('refuses a viewer’s direct write, changing nothing', async () => {
    const response = await t.as(Role.Viewer).post('/api/organizations').send({ name: 'Sneaky', sector: 'startup' }).expect(403);
    expect(response.body.message).toMatch(/needs the editor role/);
    expect((await t.http.get('/api/organizations')).body).toEqual([]);
  });
});
