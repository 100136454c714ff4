import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { discoverRoutes, type DiscoveredRoute } from '../support/routes';
import { createTestApp, emailOf, TEST_PASSWORD, TestApp } from '../support/test-app';
import { Role } from '@talentflow/domain';
import { signIn } from './support';

/**
 * Thousands of generated bad requests, through HTTP, across every route: wrong types, inherited
 * names, NUL and lone surrogates, huge and deeply nested bodies, bad dates, unknown fields, every
 * sort and filter name. None may answer 5xx or show a stack trace or SQL; afterwards the stored data
 * must still hold its rules and the dashboards still equal counting the moves.
 *
 * Seeded: FUZZ_SEED=<seed> replays a run (the seed is printed); FUZZ_RUNS sets how many requests.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const INHERITED = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
/** What an answer must never show: a stack frame, a path into the code, PostgreSQL's own words. */
const LEAK =
  /\n\s+at .+:\d+:\d+|node_modules|\/src\/|QueryFailedError|TypeORMError|syntax error at or near|violates (?:not-null|foreign key|unique|check)|duplicate key value|relation "|column "/;

type Who = Role | 'anonymous';
interface FuzzRequest {
  who: Who;
  route: DiscoveredRoute;
  id: string;
  query: Record<string, string>;
  body?: { raw: string; contentType: string };
}

describe('fuzzing every route through HTTP', () => {
  let t: TestApp;
  let base: string;
  const cookies = {} as Record<Who, string>;
  const hits = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp({ demoData: true });
    const server = await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const role of Object.values(Role)) cookies[role] = await signIn(base, emailOf(role), TEST_PASSWORD);
    cookies.anonymous = '';
  }, 60_000);
  afterAll(() => t.close());

  /** The sort and filter names a list takes, read from its own 400 answer, which lists them. */
  async function listNames(resource: string): Promise<string[]> {
    const ask = (query: string) =>
      fetch(`${base}/api/${resource}?${query}`, { headers: { Cookie: cookies.admin } }).then((r) => r.json() as Promise<{ message: string }>);
    const sort = (await ask(`sort=${encodeURIComponent('["?","ASC"]')}`)).message?.match(/sortable fields: (.*)$/)?.[1] ?? '';
    const filter = (await ask(`filter=${encodeURIComponent('{"?":1}')}`)).message?.match(/filters: (.*)$/)?.[1] ?? '';
    return [...sort.split(', '), ...filter.split(', ')].filter(Boolean);
  }

  it(`answers ${RUNS} generated bad requests without a 5xx or a leak, and keeps the data whole`, async () => {
    console.log(`fuzz seed ${SEED}: replay with FUZZ_SEED=${SEED} npm run test:reliability`);
    const routes = discoverRoutes(t.app).filter((route) => route.path.startsWith('/api/'));
    const resources = [...new Set(routes.map((route) => /^\/api\/([\w-]+)\/:id$/.exec(route.path)?.[1]).filter(Boolean))] as string[];
    const document = await fetch(`${base}/api/docs-json`).then((r) => r.json() as Promise<{ components: { schemas: Record<string, { properties?: object }> } }>);
    const fieldNames = Object.values(document.components.schemas).flatMap((schema) => Object.keys(schema.properties ?? {}));
    const listNameSets = await Promise.all(resources.map(listNames));
    const names = [...new Set([...fieldNames, ...listNameSets.flat(), ...INHERITED, 'from', 'to', 'level', 'period', 'limit'])];
    const db = t.app.get(DataSource);
    const ids: string[] = (
      await db.query(`SELECT id::text FROM organizations UNION ALL SELECT id::text FROM people UNION ALL SELECT id::text FROM moves
                      UNION ALL SELECT id::text FROM sources UNION ALL SELECT id::text FROM headcount_targets`)
    ).map((row: { id: string }) => row.id);
    // The accounts the fuzz signs in with stay out of reach, or one request could end its own sessions.
    const ownAccounts = new Set((await db.query(`SELECT id::text FROM users`)).map((row: { id: string }) => row.id));

    const text = fc.oneof(
      fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', "'; DROP TABLE moves; --", '%', '_', '\\', '2023-02-30', '9999-99-99',
        '2023', '2023-11', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', 'a'.repeat(5000), 'ORCID 0000-0002-1825-0098', 'http://', 'javascript:alert(1)'),
      fc.constantFrom(...names),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), maxLength: 3 }),
    );
    const key = fc.oneof(fc.constantFrom(...names), text);
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.uuid(),
        fc.constantFrom(...ids),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    }));
    const deep = fc.integer({ min: 17, max: 4000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
    const json = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((v) => JSON.stringify(v) ?? 'null');
    const queryValue = fc.oneof(
      json(value),
      json(fc.tuple(key, fc.constantFrom('ASC', 'DESC', 'asc', 'x'))),
      json(fc.tuple(fc.integer({ min: -5, max: 2000 }), fc.integer({ min: -5, max: 2000 }))),
      json(fc.dictionary(key, value, { maxKeys: 3 })),
      deep,
      text,
    );
    const body = fc.oneof(
      { weight: 6, arbitrary: json(fc.dictionary(key, value, { maxKeys: 6 })).map((raw) => ({ raw, contentType: 'application/json' })) },
      { weight: 1, arbitrary: json(value).map((raw) => ({ raw, contentType: 'application/json' })) },
      { weight: 1, arbitrary: deep.map((nested) => ({ raw: `{"name":${nested}}`, contentType: 'application/json' })) },
      { weight: 1, arbitrary: fc.constantFrom('{"name": "x"', '{', 'nul', '"\\ud800"', '{"a":1}{"b":2}').map((raw) => ({ raw, contentType: 'application/json' })) },
      { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data').map((contentType) => ({ raw: 'name=x&sector=startup', contentType })) },
      { weight: 1, arbitrary: fc.constant({ raw: JSON.stringify({ name: 'x', notes: 'n'.repeat(1_100_000) }), contentType: 'application/json' }) },
    );
    const request: fc.Arbitrary<FuzzRequest> = fc.record(
      {
        who: fc.oneof({ weight: 6, arbitrary: fc.constant<Who>(Role.Admin) }, fc.constantFrom<Who>(Role.Editor, Role.Viewer, 'anonymous')),
        route: fc.constantFrom(...routes),
        // A path segment: an id, or text percent-encoded, or raw bytes that are not valid percent-encoded UTF-8.
        id: fc.oneof(
          fc.constantFrom(...ids),
          fc.uuid().map((uuid) => uuid.toUpperCase()),
          text.map((segment) => encodeURIComponent(segment.toWellFormed())),
          fc.constantFrom('%ED%A0%80', '%FF', '%', '%00', '..%2F..', '%C0%AF', '%E0%A4%A'),
        ),
        query: fc.dictionary(fc.oneof(fc.constantFrom('sort', 'range', 'filter'), key), queryValue, { maxKeys: 4 }),
        body,
      },
      { requiredKeys: ['who', 'route', 'id', 'query'] },
    );

    await fc.assert(
      fc.asyncProperty(request, async ({ who, route, id, query, body }) => {
        // Signing out would end the fuzz's own session, and its account stays its own: both only anonymously.
        const signedOutOnly = route.path === '/api/auth/logout' || (route.path.startsWith('/api/users/') && ownAccounts.has(id.toLowerCase()));
        const caller = signedOutOnly ? 'anonymous' : who;
        const path = route.path.replace(/:\w+/g, () => id);
        const search = new URLSearchParams(query).toString();
        hits.set(route.key, (hits.get(route.key) ?? 0) + 1);
        const withBody = body !== undefined && route.method !== 'GET' && route.method !== 'DELETE';
        const response = await fetch(`${base}${path}${search ? `?${search}` : ''}`, {
          method: route.method,
          headers: { Cookie: cookies[caller], ...(withBody ? { 'Content-Type': body.contentType } : {}) },
          body: withBody ? body.raw : undefined,
        });
        const answer = await response.text();
        const where = `${route.method} ${path}${search ? `?${search.slice(0, 300)}` : ''} as ${caller}: ${response.status} ${answer.slice(0, 300)}`;
        if (response.status >= 500) throw new Error(`5xx: ${where}`);
        if (LEAK.test(answer)) throw new Error(`leak: ${where}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    // Every route was asked, many times over.
    for (const route of routes) expect([route.key, (hits.get(route.key) ?? 0) >= 20]).toEqual([route.key, true]);
    // The process is unharmed: nothing reached Object.prototype, and reads and writes still work.
    expect(Object.keys(Object.prototype)).toEqual([]);
    const created = await fetch(`${base}/api/people`, {
      method: 'POST',
      headers: { Cookie: cookies.editor, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'After the fuzz' }),
    });
    expect(created.status).toBe(201);

    // The stored data still holds its rules: no live record points at a deleted or missing one.
    const [broken] = await db.query(`
      SELECT
        (SELECT count(*) FROM moves m JOIN people p ON p.id = m.person_id WHERE m.deleted_at IS NULL AND p.deleted_at IS NOT NULL)::int AS "movesOfDeletedPeople",
        (SELECT count(*) FROM moves m JOIN organizations o ON o.id IN (m.from_organization_id, m.to_organization_id)
          WHERE m.deleted_at IS NULL AND o.deleted_at IS NOT NULL)::int AS "movesOfDeletedOrganizations",
        (SELECT count(*) FROM organizations c JOIN organizations p ON p.id = c.parent_id WHERE c.deleted_at IS NULL AND p.deleted_at IS NOT NULL)::int AS "childrenOfDeletedParents",
        (SELECT count(*) FROM headcount_targets h JOIN organizations o ON o.id = h.organization_id WHERE h.deleted_at IS NULL AND o.deleted_at IS NOT NULL)::int AS "targetsOfDeletedOrganizations",
        (SELECT count(*) FROM headcount_targets WHERE low > high)::int AS "targetsLowAboveHigh"`);
    expect(broken).toEqual({
      movesOfDeletedPeople: 0,
      movesOfDeletedOrganizations: 0,
      childrenOfDeletedParents: 0,
      targetsOfDeletedOrganizations: 0,
      targetsLowAboveHigh: 0,
    });

    // The dashboards still equal counting the moves: every live move of every status, once.
    const [{ moves, arrivals, departures }] = await db.query(
      `SELECT count(*)::int AS moves, count(to_organization_id)::int AS arrivals, count(from_organization_id)::int AS departures
       FROM moves WHERE deleted_at IS NULL`,
    );
    const statuses = 'statuses=rumoured,announced,confirmed,cancelled';
    const flows = await fetch(`${base}/api/analytics/flows?level=sector&${statuses}`, { headers: { Cookie: cookies.viewer } }).then(
      (r) => r.json() as Promise<{ links: { value: number }[] }>,
    );
    expect(flows.links.reduce((sum, link) => sum + link.value, 0)).toBe(moves);
    const net = await fetch(`${base}/api/analytics/net-flows?level=sector&${statuses}`, { headers: { Cookie: cookies.viewer } }).then(
      (r) => r.json() as Promise<{ arrivals: number; departures: number }[]>,
    );
    expect(net.reduce((sum, row) => sum + row.arrivals, 0)).toBe(arrivals);
    expect(net.reduce((sum, row) => sum + row.departures, 0)).toBe(departures);
  });
});
