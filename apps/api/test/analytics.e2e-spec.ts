import { MoveStatus, RoleCategory } from '@talentflow/domain';
import { DataSource } from 'typeorm';
import { AnalyticsService } from '../src/analytics/analytics.service';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Analytics on a small world whose answers are worked out by hand below. Moves (status, date):
 *   1 Jégou    Meta FAIR → Kyutai   confirmed  2023-11 (month)  leadership
 *   2 Jégou    Meta FAIR → Inria    cancelled  2023    (year)   researcher
 *   3 Pérez    Valeo     → Kyutai   confirmed  2023-11-17       leadership
 *   4 A        Inria     → Kyutai   announced  2024    (year)   researcher
 *   5 B        (unknown) → Kyutai   confirmed  2024-02-10       researcher
 *   6 C        Kyutai    → Meta     confirmed  2024-03 (month)  researcher
 *   7 D        Inria     → MPI-IS   rumoured   2024-04 (month)  researcher
 *   8 LeCun    (unknown) → Kyutai   confirmed  2023-11 (month)  advisor
 * Meta FAIR is part of Meta. Kyutai was seen with 3 researchers on 2023-11-17 and 12 on 2024-06-01,
 * and aims at 40–50.
 */
describe('analytics', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const get = async (path: string, query: Record<string, string> = {}) =>
    (await t.as('viewer' as never).get(`/api/analytics/${path}?${new URLSearchParams(query)}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    const post = async (resource: string, body: object) => (await t.http.post(`/api/${resource}`).send(body).expect(201)).body.id as string;
    ids.meta = await post('organizations', { name: 'Meta', sector: 'big_tech', country: 'US' });
    ids.fair = await post('organizations', { name: 'Meta FAIR', sector: 'big_tech', country: 'FR', parentId: ids.meta });
    ids.inria = await post('organizations', { name: 'Inria', sector: 'public_research', country: 'FR' });
    ids.kyutai = await post('organizations', { name: 'Kyutai', sector: 'private_lab', country: 'FR' });
    ids.valeo = await post('organizations', { name: 'Valeo', sector: 'company', country: 'FR' });
    ids.mpi = await post('organizations', { name: 'MPI-IS', sector: 'public_research', country: 'DE' });
    for (const name of ['Jégou', 'Pérez', 'A', 'B', 'C', 'D', 'LeCun']) {
      ids[name] = await post('people', { name, fields: name === 'A' ? ['speech'] : ['vision'] });
    }
    const move = (person: string, from: string | null, to: string, status: string, effectiveOn: string, datePrecision: string, roleCategory: string) =>
      post('moves', {
        personId: ids[person],
        fromOrganizationId: from && ids[from],
        toOrganizationId: ids[to],
        status,
        effectiveOn,
        datePrecision,
        roleCategory,
      });
    await move('Jégou', 'fair', 'kyutai', 'confirmed', '2023-11-01', 'month', 'leadership');
    await move('Jégou', 'fair', 'inria', 'cancelled', '2023-01-01', 'year', 'researcher');
    await move('Pérez', 'valeo', 'kyutai', 'confirmed', '2023-11-17', 'day', 'leadership');
    await move('A', 'inria', 'kyutai', 'announced', '2024-01-01', 'year', 'researcher');
    await move('B', null, 'kyutai', 'confirmed', '2024-02-10', 'day', 'researcher');
    await move('C', 'kyutai', 'meta', 'confirmed', '2024-03-01', 'month', 'researcher');
    await move('D', 'inria', 'mpi', 'rumoured', '2024-04-01', 'month', 'researcher');
    await move('LeCun', null, 'kyutai', 'confirmed', '2023-11-01', 'month', 'advisor');
    await post('headcount-observations', { organizationId: ids.kyutai, observedOn: '2023-11-17', count: 3, population: 'researchers' });
    await post('headcount-observations', { organizationId: ids.kyutai, observedOn: '2024-06-01', count: 12, population: 'researchers' });
    await post('headcount-targets', { organizationId: ids.kyutai, low: 40, high: 50, population: 'researchers' });
  });
  afterAll(() => t.close());

  /** Links as "source → target: value", by names. */
  const links = (flows: { nodes: { name: string }[]; links: { source: number; target: number; value: number }[] }) =>
    flows.links.map((l) => `${flows.nodes[l.source].name} → ${flows.nodes[l.target].name}: ${l.value}`).sort();

  it('aggregates flows by sector, leaving cancelled and rumoured moves out and keeping moves with no origin', async () => {
    expect(links(await get('flows', { level: 'sector' }))).toEqual([
      'Unknown → private_lab: 2',
      'big_tech → private_lab: 1',
      'company → private_lab: 1',
      'private_lab → big_tech: 1',
      'public_research → private_lab: 1',
    ]);
  });

  it('answers whole years from the yearly counts exactly as from the moves themselves', async () => {
    for (const level of ['sector', 'country']) {
      const yearly = await get('flows', { level, from: '2023-01-01', to: '2024-12-31' }); // whole years: yearly counts
      const daily = await get('flows', { level, from: '2023-01-01', to: '2024-12-30' }); // not: the moves themselves
      expect(links(yearly)).toEqual(links(daily));
      const yearlyNet = await get('net-flows', { level, from: '2023-01-01', to: '2024-12-31', period: 'year' });
      const dailyNet = await get('net-flows', { level, from: '2023-01-01', to: '2024-12-30', period: 'year' });
      expect(yearlyNet).toEqual(dailyNet);
    }
    expect(links(await get('flows', { level: 'sector', from: '2024-01-01', to: '2024-12-31', sectors: 'company' }))).toEqual([]);
    expect(links(await get('flows', { level: 'sector', from: '2023-01-01', to: '2023-12-31', sectors: 'company' }))).toEqual(['company → private_lab: 1']);
  });

  it('answers net flows per organisation and per parent from the yearly and monthly counts exactly as from the moves', async () => {
    const cases: Record<string, string>[] = [
      { level: 'organization' },
      { level: 'parent', period: 'year' },
      { level: 'organization', period: 'year', limit: '2' },
      { level: 'organization', period: 'year', statuses: 'confirmed,cancelled', roleCategories: 'researcher,advisor' },
      { level: 'parent', sort: 'arrivals', order: 'DESC', limit: '2' },
      // A sector or country filter: those that pass count all their moves, the others those with one that passes.
      { level: 'organization', countries: 'US' },
      { level: 'organization', period: 'year', sectors: 'private_lab,company', statuses: 'confirmed,rumoured' },
      { level: 'organization', countries: 'FR,DE', sectors: 'public_research', roleCategories: 'researcher' },
      // A research field: each organisation's monthly counts split by the mover's fields (with a country too, the yearly pair counts split by fields).
      { level: 'organization', fields: 'vision' },
      { level: 'parent', period: 'year', fields: 'speech,robotics', statuses: 'announced,cancelled' },
      { level: 'organization', fields: 'vision', countries: 'US', roleCategories: 'researcher' },
      // A parent with a sector or country filter: its members' figures, each kept by its own kinds.
      { level: 'parent', countries: 'US' },
      { level: 'parent', period: 'year', sectors: 'big_tech,company', roleCategories: 'researcher,leadership' },
      // Per month or quarter: ranked over the range by the yearly counts, then broken down by month.
      { level: 'organization', period: 'month', limit: '2' },
      { level: 'parent', period: 'quarter', statuses: 'confirmed,cancelled', roleCategories: 'researcher,leadership' },
      // With a research field: ranked from each organisation's monthly counts split by fields, then the ranked keys' own rows month by month.
      { level: 'organization', period: 'month', fields: 'vision', limit: '2' },
      { level: 'organization', period: 'month', fields: 'vision', sort: 'departures', order: 'DESC', limit: '1' }, // Kyutai, whose departure went to Meta
      { level: 'parent', period: 'quarter', fields: 'vision,speech', roleCategories: 'researcher,leadership' },
      // With a sector or country filter: ranked as without periods, broken down from the ranked keys' monthly counts by the other end's kinds.
      { level: 'organization', period: 'month', countries: 'US', limit: '2' },
      { level: 'organization', period: 'quarter', sectors: 'private_lab,company', statuses: 'confirmed,rumoured,cancelled' },
      { level: 'parent', period: 'month', countries: 'FR,DE', roleCategories: 'researcher,leadership' },
      { level: 'parent', period: 'quarter', sectors: 'big_tech', sort: 'departures', order: 'DESC' },
      // Per year with a country filter: broken down by month too (with a sector filter alone, the yearly counts at once).
      { level: 'organization', period: 'year', countries: 'US' },
      { level: 'parent', period: 'year', countries: 'FR,DE', roleCategories: 'researcher,leadership' },
    ];
    expect(AnalyticsService.breakdown({ level: 'parent', period: 'year', from: '2023-01-01', to: '2024-12-31' } as never)).toBe('years');
    expect(AnalyticsService.breakdown({ level: 'parent', period: 'quarter', from: '2023-01-01', to: '2024-12-31' } as never)).toBe('months');
    expect(AnalyticsService.breakdown({ level: 'organization', period: 'month', fields: ['vision'], from: '2023-01-01', to: '2024-12-31' } as never)).toBe('fields');
    expect(AnalyticsService.breakdown({ level: 'parent', period: 'month', countries: ['FR'], from: '2023-01-01', to: '2024-12-31' } as never)).toBe('kinds');
    expect(AnalyticsService.breakdown({ level: 'parent', period: 'year', countries: ['FR'], from: '2023-01-01', to: '2024-12-31' } as never)).toBe('kinds');
    expect(AnalyticsService.breakdown({ level: 'parent', period: 'year', sectors: ['big_tech'], from: '2023-01-01', to: '2024-12-31' } as never)).toBeUndefined();
    // A range that cuts months, two other ways: its whole months from the monthly counts and its edge days from the moves; the moves alone.
    const otherPaths = async (query: Record<string, string>) => {
      const split = await get('net-flows', query);
      AnalyticsService.SPLIT_RANGES = false;
      try {
        expect(await get('net-flows', query)).toEqual(split);
      } finally {
        AnalyticsService.SPLIT_RANGES = true;
      }
      return split;
    };
    for (const query of cases) {
      for (const [from, to] of [['2023-01-01', '2024-12-31'], ['2024-01-01', '2024-12-31']]) {
        const yearly = await get('net-flows', { ...query, from, to }); // whole years: the yearly counts
        expect(yearly.length).toBeGreaterThan(0);
        expect(yearly).toEqual(await otherPaths({ ...query, from, to: to.replace(/31$/, '30') }));
      }
    }
    expect((await get('net-flows', { level: 'parent', from: '2023-01-01', to: '2024-12-31' })).find((r: { name: string }) => r.name === 'Meta')).toMatchObject({
      arrivals: 1,
      departures: 1,
      balance: 0,
    });
    // Whole months, not whole years: each organisation's monthly counts, and the moves known only to
    // a year that begins before the range (Jégou's cancelled move of 2023, A's move of 2024).
    const monthCases: Record<string, string>[] = [
      { level: 'organization', statuses: 'confirmed,cancelled,announced' },
      { level: 'parent', period: 'quarter', statuses: 'cancelled,announced' },
      { level: 'organization', period: 'month', roleCategories: 'researcher' },
      // With a research field: each organisation's monthly counts split by fields.
      { level: 'organization', period: 'month', fields: 'vision' },
      { level: 'parent', fields: 'vision,speech', statuses: 'confirmed,cancelled,announced', limit: '2' },
      { level: 'parent', period: 'year', fields: 'vision', roleCategories: 'researcher,leadership' },
    ];
    for (const query of monthCases) {
      for (const [from, to, cut] of [['2023-02-01', '2024-01-31', '2024-01-30'], ['2024-03-01', '2024-06-30', '2024-06-29']]) {
        const counts = query.fields ? AnalyticsService.usesOrganizationFieldMonths : AnalyticsService.usesOrganizationMonths;
        expect(counts({ ...query, fields: query.fields?.split(','), from, to } as never)).toBe(true);
        const monthly = await get('net-flows', { ...query, from, to });
        expect(monthly.length).toBeGreaterThan(0);
        expect(monthly).toEqual(await otherPaths({ ...query, from, to: cut }));
      }
    }
    // A country filter over whole months: ranked from each organisation's monthly counts (those outside
    // the filter by the other end's kinds), per period then broken down from the ranked keys' own rows.
    const countryMonthCases: Record<string, string>[] = [
      { level: 'parent', period: 'month', countries: 'FR,DE' },
      { level: 'organization', period: 'quarter', countries: 'US,FR', sectors: 'big_tech,public_research', statuses: 'confirmed,cancelled' },
      { level: 'parent', countries: 'FR', statuses: 'confirmed,cancelled,announced' },
      { level: 'organization', countries: 'FR,US', sort: 'arrivals', order: 'DESC', limit: '2' },
    ];
    // With a role filter, the pairs' rows of that role instead.
    expect(AnalyticsService.usesCountryMonths({ level: 'parent', countries: ['FR'], roleCategories: ['researcher'], from: '2024-03-01', to: '2024-06-30' } as never)).toBe(false);
    for (const query of countryMonthCases) {
      for (const [from, to, cut] of [['2023-02-01', '2024-01-31', '2024-01-30'], ['2024-03-01', '2024-06-30', '2024-06-29']]) {
        const split = (list?: string) => list?.split(',');
        const parsed = { ...query, countries: split(query.countries), sectors: split(query.sectors), period: query.period ?? 'none', from, to };
        expect(AnalyticsService.usesCountryMonths(parsed as never)).toBe(true);
        if (query.period) expect(AnalyticsService.breakdown(parsed as never)).toBe('kinds');
        const monthly = await get('net-flows', { ...query, from, to });
        expect(monthly.length).toBeGreaterThan(0);
        expect(monthly).toEqual(await otherPaths({ ...query, from, to: cut }));
      }
    }
    // By hand: with the United States, Meta (there) keeps its one arrival, from Kyutai; Kyutai (in France) that departure only.
    const us = await get('net-flows', { level: 'organization', countries: 'US', from: '2023-01-01', to: '2024-12-31' });
    expect(us.map(({ name, arrivals, departures }: { name: string; arrivals: number; departures: number }) => [name, arrivals, departures])).toEqual([
      ['Meta', 1, 0],
      ['Kyutai', 0, 1],
    ]);
  });

  it('answers per month and quarter, and across kinds, from the monthly kind counts exactly as from the moves', async () => {
    const cases: Record<string, string>[] = [
      { level: 'sector', period: 'quarter' },
      { level: 'country', period: 'month', statuses: 'confirmed,cancelled' },
      { level: 'sector', countries: 'FR' },
      { level: 'country', sectors: 'big_tech,private_lab', roleCategories: 'leadership,researcher' },
      { level: 'sector', period: 'month', countries: 'FR,DE', sectors: 'public_research' },
      // A research field: the roll-ups split by the mover's fields.
      { level: 'sector', period: 'quarter', fields: 'vision' },
      { level: 'country', period: 'month', fields: 'speech,vision', statuses: 'confirmed,cancelled,announced' },
      { level: 'sector', fields: 'vision', sectors: 'big_tech', roleCategories: 'researcher' },
    ];
    expect(AnalyticsService.usesKindMonths({ fields: ['vision'], from: '2023-11-01', to: '2024-02-29' } as never, 'sector')).toBe(true);
    for (const query of cases) {
      for (const [from, to] of [['2023-01-01', '2024-12-31'], ['2023-11-01', '2024-02-29'], ['2024-03-01', '2024-12-31']]) {
        const monthly = await get('net-flows', { ...query, from, to }); // whole months: the monthly kind counts
        const daily = await get('net-flows', { ...query, from, to: to.replace(/-(\d\d)$/, (_, day) => `-${Number(day) - 1}`) }); // another path (the moves alone: the next test)
        expect(monthly).toEqual(daily);
        if (!query.period) expect(links(await get('flows', { ...query, from, to }))).toEqual(links(await get('flows', { ...query, from: from.replace(/01$/, '02'), to })));
      }
    }
    // The slots of counts[] follow the enums' order in PostgreSQL and in the code alike.
    const [order] = await t.app.get(DataSource).query(`SELECT enum_range(NULL::move_status)::text[] AS statuses, enum_range(NULL::role_category)::text[] AS roles`);
    expect(order).toEqual({ statuses: Object.values(MoveStatus), roles: Object.values(RoleCategory) });
    const [{ slots }] = await t.app.get(DataSource).query(
      `SELECT array_agg(move_count_slot(s, r) ORDER BY array_position(enum_range(NULL::move_status), s), array_position(enum_range(NULL::role_category), r)) AS slots
       FROM unnest(enum_range(NULL::move_status)) s, unnest(enum_range(NULL::role_category)) r`,
    );
    expect(slots).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('answers a range that cuts months from the monthly counts and the moves of its edge days, exactly as from the moves alone', async () => {
    const ranges = [
      ['2023-11-10', '2024-03-15'],
      ['2023-12-15', '2024-02-20'], // a 2023 year-precision move reaches into it only before January
      ['2023-01-02', '2024-04-30'],
      ['2023-11-01', '2024-02-10'],
      ['2023-10-31', '2024-12-31'],
    ];
    const queries: Record<string, string>[] = [
      { level: 'sector' },
      { level: 'country', statuses: 'confirmed,cancelled,announced' },
      { level: 'organization', roleCategories: 'researcher,leadership' },
      { level: 'parent', countries: 'FR' },
      { level: 'organization', period: 'month', countries: 'US,FR', sectors: 'big_tech,public_research' },
      { level: 'sector', sectors: 'public_research', period: 'month' },
      // By organisation or parent: each organisation's monthly counts, and the moves of the edge days
      // (flows between parents: the monthly counts between parents).
      { level: 'parent', period: 'quarter', statuses: 'confirmed,cancelled' },
      { level: 'parent', statuses: 'confirmed,cancelled,announced' },
      { level: 'organization', period: 'month' },
      // Per period: ranked over the range first, then the ranked keys' months and edge days.
      { level: 'parent', period: 'month', limit: '1', statuses: 'confirmed,announced,rumoured' },
      { level: 'organization', period: 'year', sort: 'departures', order: 'DESC', limit: '2', roleCategories: 'researcher' },
      // With a country filter, the ranked keys' whole months by the other end's kinds, and their edge days.
      { level: 'parent', period: 'quarter', countries: 'FR', limit: '2' },
      { level: 'country', period: 'month', fields: 'vision' },
      { level: 'sector', fields: 'speech,vision', roleCategories: 'researcher,leadership' },
      // With a research field: each organisation's monthly counts split by fields.
      { level: 'organization', period: 'month', fields: 'vision' },
      { level: 'parent', fields: 'speech,vision', roleCategories: 'researcher,leadership' },
    ];
    expect(AnalyticsService.breakdown({ level: 'parent', period: 'month', from: '2023-11-10', to: '2024-03-15' } as never)).toBe('edges');
    expect(AnalyticsService.breakdown({ level: 'parent', period: 'month', roleCategories: ['researcher'], from: '2023-11-10', to: '2024-03-15' } as never)).toBeUndefined();
    expect(AnalyticsService.breakdown({ level: 'parent', period: 'month', countries: ['FR'], from: '2023-11-10', to: '2024-03-15' } as never)).toBe('kindEdges');
    expect(AnalyticsService.breakdown({ level: 'organization', period: 'year', countries: ['US', 'FR'], sectors: ['big_tech'], from: '2023-11-10', to: '2024-03-15' } as never)).toBe('kindEdges');
    expect(AnalyticsService.organizationMonthsWithin({ level: 'parent', period: 'quarter', from: '2023-11-10', to: '2024-03-15' } as never)).toEqual({
      from: '2023-12-01',
      to: '2024-02-29',
    });
    const answers = async () => {
      const all: unknown[] = [];
      for (const [from, to] of ranges) {
        for (const query of queries) {
          all.push(await get('net-flows', { ...query, from, to }));
          if (!query.period) all.push(links(await get('flows', { ...query, from, to })));
        }
        all.push(await get('top', { organizationId: ids.kyutai, from, to, statuses: 'confirmed,cancelled,announced' }));
      }
      return all;
    };
    const split = await answers();
    AnalyticsService.SPLIT_RANGES = false;
    try {
      expect(split).toEqual(await answers());
    } finally {
      AnalyticsService.SPLIT_RANGES = true;
    }
    expect(split.filter((answer) => Array.isArray(answer) && answer.length > 0).length).toBeGreaterThan(30);
  });

  it('takes cancelled and rumoured moves when asked for', async () => {
    expect(links(await get('flows', { level: 'organization', statuses: 'cancelled,rumoured' }))).toEqual([
      'Inria → MPI-IS: 1',
      'Meta FAIR → Inria: 1',
    ]);
  });

  it('rolls sub-organisations up into their parent', async () => {
    expect(links(await get('flows', { level: 'parent' }))).toContain('Meta → Kyutai: 1');
    expect(links(await get('flows', { level: 'parent' }))).toContain('Kyutai → Meta: 1');
    expect(links(await get('flows', { level: 'organization' }))).toContain('Meta FAIR → Kyutai: 1');
  });

  it('filters flows between parents by the country and sector of the organisations at either end, not of the parents', async () => {
    // Meta (US) holds Meta FAIR (FR): Jégou's move from FAIR to Kyutai is French at both ends.
    for (const to of ['2024-12-31', '2024-12-30']) {
      // Whole years: the parents' counts by their members' kinds; otherwise the moves themselves.
      const range = { level: 'parent', from: '2023-01-01', to };
      expect(links(await get('flows', { ...range, countries: 'US' }))).toEqual(['Kyutai → Meta: 1']);
      expect(links(await get('flows', { ...range, countries: 'FR', sectors: 'big_tech' }))).toEqual(['Meta → Kyutai: 1']);
    }
    // A change of country recounts them.
    const fair = async () => (await t.http.get(`/api/organizations/${ids.fair}`).expect(200)).body;
    await t.http.put(`/api/organizations/${ids.fair}`).send({ country: 'US', version: (await fair()).version }).expect(200);
    try {
      expect(links(await get('flows', { level: 'parent', countries: 'US', from: '2023-01-01', to: '2024-12-31' }))).toEqual([
        'Kyutai → Meta: 1',
        'Meta → Kyutai: 1',
      ]);
    } finally {
      await t.http.put(`/api/organizations/${ids.fair}`).send({ country: 'FR', version: (await fair()).version }).expect(200);
    }
  });

  it('recounts every table instead when the organisation that changes has too many moves', async () => {
    // At this size no organisation reaches the threshold (a quarter of all the moves, at least 10,000): lower it.
    const dataSource = t.app.get(DataSource);
    const [{ definition }] = await dataSource.query(`SELECT pg_get_functiondef('organization_moves_many(uuid[])'::regprocedure) AS definition`);
    await dataSource.query(`CREATE OR REPLACE FUNCTION organization_moves_many(ids uuid[]) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT true'`);
    const fair = async () => (await t.http.get(`/api/organizations/${ids.fair}`).expect(200)).body;
    try {
      // Meta FAIR, now in the United States and a parent of its own.
      await t.http.put(`/api/organizations/${ids.fair}`).send({ country: 'US', parentId: null, version: (await fair()).version }).expect(200);
      expect(links(await get('flows', { level: 'parent', countries: 'US', from: '2023-01-01', to: '2024-12-31' }))).toEqual([
        'Kyutai → Meta: 1',
        'Meta FAIR → Kyutai: 1',
      ]);
      expect(links(await get('flows', { level: 'country', from: '2023-01-01', to: '2024-12-31' }))).toContain('US → FR: 1');
      expect(links(await get('flows', { level: 'parent', fields: 'vision', from: '2023-01-01', to: '2024-12-31' }))).toContain('Meta FAIR → Kyutai: 1');
    } finally {
      await t.http.put(`/api/organizations/${ids.fair}`).send({ country: 'FR', parentId: ids.meta, version: (await fair()).version }).expect(200);
      await dataSource.query(definition);
    }
    expect(links(await get('flows', { level: 'parent', countries: 'US', from: '2023-01-01', to: '2024-12-31' }))).toEqual(['Kyutai → Meta: 1']);
    expect(links(await get('flows', { level: 'parent', fields: 'vision', from: '2023-01-01', to: '2024-12-31' }))).toContain('Meta → Kyutai: 1');
  });

  it('recounts the parents when an organisation changes parent, or is created under one', async () => {
    const valeo = async () => (await t.http.get(`/api/organizations/${ids.valeo}`).expect(200)).body;
    // Net flows by parent over whole years, from each parent's yearly counts: Valeo's departure becomes Meta's.
    const netOf = async (name: string) =>
      (await get('net-flows', { level: 'parent', from: '2023-01-01', to: '2024-12-31', period: 'year' }))
        .filter((row: { name: string }) => row.name === name)
        .map(({ period, arrivals, departures }: { period: string; arrivals: number; departures: number }) => `${period}: +${arrivals} -${departures}`);
    expect(await netOf('Meta')).toEqual(['2023-01-01: +0 -1', '2024-01-01: +1 -0']);
    expect(await netOf('Valeo')).toEqual(['2023-01-01: +0 -1']);
    await t.http.put(`/api/organizations/${ids.valeo}`).send({ parentId: ids.meta, version: (await valeo()).version }).expect(200);
    expect(await netOf('Meta')).toEqual(['2023-01-01: +0 -2', '2024-01-01: +1 -0']);
    expect(await netOf('Valeo')).toEqual([]);
    expect(links(await get('flows', { level: 'parent' }))).toContain('Meta → Kyutai: 2');
    expect(links(await get('flows', { level: 'parent', fields: 'vision' }))).toContain('Meta → Kyutai: 2'); // split by fields
    const child = (await t.http.post('/api/organizations').send({ name: 'Valeo AI', sector: 'company', country: 'FR', parentId: ids.valeo }).expect(201)).body;
    const move = (
      await t.http
        .post('/api/moves')
        .send({ personId: ids.D, fromOrganizationId: child.id, toOrganizationId: ids.mpi, status: 'confirmed', roleCategory: 'engineer', effectiveOn: '2024-05-02', datePrecision: 'day' })
        .expect(201)
    ).body;
    expect(links(await get('flows', { level: 'parent' }))).toContain('Meta → MPI-IS: 1');
    await t.http.put(`/api/organizations/${ids.valeo}`).send({ parentId: null, version: (await valeo()).version }).expect(200);
    expect(links(await get('flows', { level: 'parent' }))).toEqual(expect.arrayContaining(['Meta → Kyutai: 1', 'Valeo → Kyutai: 1', 'Valeo → MPI-IS: 1']));
    expect(await netOf('Meta')).toEqual(['2023-01-01: +0 -1', '2024-01-01: +1 -0']);
    expect(await netOf('Valeo')).toEqual(['2023-01-01: +0 -1', '2024-01-01: +0 -1']); // and the move from Valeo AI, under Valeo
    await t.http.delete(`/api/moves/${move.id}`).expect(200);
    await t.http.delete(`/api/moves/${move.id}/permanent`).expect(200);
    await t.http.delete(`/api/organizations/${child.id}`).expect(200);
    expect(links(await get('flows', { level: 'parent' }))).not.toContain('Valeo → MPI-IS: 1');
  });

  it('finds the busiest pairs from the pair counts exactly as by counting every move', async () => {
    const { FIRST_CANDIDATES, CANDIDATE_SHARE } = AnalyticsService;
    await t.app.get(DataSource).query('ANALYZE move_pair_totals'); // its size is known (unknown: aggregate everything)
    const queries: Record<string, string>[] = [
      { level: 'organization' },
      { level: 'parent' },
      { level: 'organization', limit: '1' },
      { level: 'organization', limit: '2', statuses: 'cancelled,rumoured,confirmed' },
      { level: 'organization', statuses: 'cancelled,confirmed' }, // Jégou's cancelled move is known to the year 2023
      { level: 'organization', limit: '2', countries: 'FR' },
      { level: 'organization', roleCategories: 'researcher', sectors: 'public_research' },
      { level: 'parent', limit: '2', roleCategories: 'researcher,leadership' },
      { level: 'parent', statuses: 'cancelled,confirmed' },
      { level: 'parent', countries: 'FR' },
      { level: 'parent', limit: '1', sectors: 'big_tech,private_lab', statuses: 'confirmed,cancelled' },
      { level: 'parent', countries: 'US,DE', sectors: 'big_tech,private_lab', roleCategories: 'researcher' },
      // By the mover's research fields: the pair counts split by fields (with members' kinds, aggregated from them).
      { level: 'organization', fields: 'vision' },
      { level: 'organization', limit: '1', fields: 'vision,speech', statuses: 'cancelled,confirmed', roleCategories: 'leadership,researcher' },
      { level: 'parent', limit: '2', fields: 'vision' },
      { level: 'parent', fields: 'vision', countries: 'FR' },
    ];
    try {
      // One pair first: the bounds, the floor and its second count, and the fall back, all come into
      // play; with no share of the pairs allowed, the second count always finds too many candidates
      // and falls back to aggregating. A thousand: every pair of this small dataset is a candidate,
      // counted pair by pair.
      for (const [first, share] of [[1, Infinity], [1, 0], [FIRST_CANDIDATES, Infinity]]) {
        Object.assign(AnalyticsService, { FIRST_CANDIDATES: first, CANDIDATE_SHARE: share });
        for (const query of queries) {
          const fromPairs = await get('flows', { ...query, from: '2023-01-01', to: '2024-12-31' }); // whole years: the pair counts
          const counted = await get('flows', { ...query, from: '2023-01-01', to: '2024-12-30' }); // not: every move
          expect(links(fromPairs)).toEqual(links(counted));
          expect(links(fromPairs).length).toBeGreaterThan(0);
        }
        // Whole months (MONTHLY_PAIRS_FROM or more), not whole years: move_counts pair by pair between
        // organisations (without a role filter), move_parent_month_counts between parents (without a
        // sector, country or role filter), against the moves alone. From February 2023, the
        // year-precision moves of 2023 count through the year before the range's first month; from
        // March 2024, the moves of November 2023 known to the month fall in that year before and must not.
        const monthly = queries.filter(({ level, fields, ...query }) => !fields && !query.roleCategories && (level === 'organization' || !(query.countries || query.sectors)));
        expect(monthly.filter(({ level }) => level === 'parent').length).toBe(2);
        for (const query of [...monthly, { level: 'organization', roleCategories: 'researcher' }, { level: 'parent', countries: 'FR' }]) {
          expect(AnalyticsService.pairCounts({ ...query, from: '2023-03-01', to: '2024-06-30' } as never)).toBe(monthly.includes(query) ? 'monthly' : undefined);
          expect(AnalyticsService.pairCounts({ ...query, from: '2024-03-01', to: '2024-10-31' } as never)).toBeUndefined(); // 8 months: aggregated
        }
        for (const query of monthly) {
          for (const [from, to, cut] of [['2023-03-01', '2024-06-30', '2024-06-29'], ['2023-02-01', '2024-01-31', '2024-01-30'], ['2024-03-01', '2024-11-30', '2024-11-29']]) {
            expect(AnalyticsService.pairCounts({ ...query, from, to } as never)).toBe('monthly');
            const fromPairs = await get('flows', { ...query, from, to });
            AnalyticsService.SPLIT_RANGES = false;
            try {
              expect(links(fromPairs)).toEqual(links(await get('flows', { ...query, from, to: cut })));
            } finally {
              AnalyticsService.SPLIT_RANGES = true;
            }
            // (Some filters leave nothing from March 2024 between organisations; between parents, Kyutai → Meta.)
            if (from !== '2024-03-01' || query.level === 'parent') expect(links(fromPairs).length).toBeGreaterThan(0);
          }
        }
      }
    } finally {
      Object.assign(AnalyticsService, { FIRST_CANDIDATES, CANDIDATE_SHARE });
    }
  });

  it('counts a year-precision move in any range its year overlaps, from the counts and from the moves alike', async () => {
    // Whole months: answered from move_counts. Part of a month: from moves. The same answer.
    expect(links(await get('flows', { level: 'organization', from: '2024-06-01', to: '2024-06-30' }))).toEqual(['Inria → Kyutai: 1']);
    expect(links(await get('flows', { level: 'organization', from: '2024-06-15', to: '2024-06-20' }))).toEqual(['Inria → Kyutai: 1']);
    expect(links(await get('flows', { level: 'country', from: '2023-11-01', to: '2023-11-30' }))).toEqual([
      'FR → FR: 2',
      'Unknown → FR: 1',
    ]);
  });

  it('filters by country, sector, organisation (either side) and research field', async () => {
    expect(links(await get('flows', { level: 'organization', countries: 'US' }))).toEqual(['Kyutai → Meta: 1']);
    expect(links(await get('flows', { level: 'organization', sectors: 'company' }))).toEqual(['Valeo → Kyutai: 1']);
    expect(links(await get('flows', { level: 'organization', organizationIds: ids.meta }))).toEqual([
      'Kyutai → Meta: 1',
      'Meta FAIR → Kyutai: 1',
    ]);
    expect(links(await get('flows', { level: 'organization', fields: 'speech' }))).toEqual(['Inria → Kyutai: 1']);
    // Whole years by sector: the yearly counts by research field; otherwise the moves themselves.
    for (const to of ['2024-12-31', '2024-12-30']) {
      expect(links(await get('flows', { level: 'sector', fields: 'speech,robotics', from: '2023-01-01', to }))).toEqual(['public_research → private_lab: 1']);
      expect(links(await get('flows', { level: 'country', fields: 'vision', from: '2023-01-01', to }))).toEqual([
        'FR → FR: 2',
        'FR → US: 1',
        'Unknown → FR: 2',
      ]);
    }
    expect(links(await get('flows', { level: 'organization', roleCategories: 'advisor' }))).toEqual(['Unknown → Kyutai: 1']);
  });

  it('recounts the research-field figures when a person’s fields change', async () => {
    const flows = () => get('flows', { level: 'sector', fields: 'robotics', from: '2023-01-01', to: '2024-12-31' });
    expect(links(await flows())).toEqual([]);
    const c = (await t.http.get(`/api/people/${ids.C}`).expect(200)).body;
    await t.http.put(`/api/people/${ids.C}`).send({ fields: ['robotics', 'vision'], version: c.version }).expect(200);
    expect(links(await flows())).toEqual(['private_lab → big_tech: 1']);
    expect(links(await get('flows', { level: 'sector', fields: 'vision', from: '2024-01-01', to: '2024-12-31' }))).toContain('private_lab → big_tech: 1');
    // Between organisations and between parents too (the pair counts split by fields), and over
    // months (the moves of the range, their movers found among the people by set of fields).
    for (const level of ['organization', 'parent']) {
      expect(links(await get('flows', { level, fields: 'robotics', from: '2023-01-01', to: '2024-12-31' }))).toEqual(['Kyutai → Meta: 1']);
      expect(links(await get('flows', { level, fields: 'robotics', from: '2024-03-01', to: '2024-05-31' }))).toEqual(['Kyutai → Meta: 1']);
    }
    // And per quarter (the monthly roll-ups split by fields).
    const quarterly = () => get('net-flows', { level: 'sector', fields: 'robotics', period: 'quarter', from: '2024-01-01', to: '2024-06-30' });
    expect(await quarterly()).toEqual([
      expect.objectContaining({ key: 'big_tech', period: '2024-01-01', arrivals: 1, departures: 0 }),
      expect.objectContaining({ key: 'private_lab', period: '2024-01-01', arrivals: 0, departures: 1 }),
    ]);
    // And per month by organisation (each organisation's monthly counts split by fields).
    const monthly = () => get('net-flows', { level: 'organization', fields: 'robotics', period: 'month', from: '2024-01-01', to: '2024-12-31' });
    expect(await monthly()).toEqual([
      expect.objectContaining({ name: 'Meta', period: '2024-03-01', arrivals: 1, departures: 0 }),
      expect.objectContaining({ name: 'Kyutai', period: '2024-03-01', arrivals: 0, departures: 1 }),
    ]);
    await t.http.put(`/api/people/${ids.C}`).send({ fields: ['vision'], version: c.version + 1 }).expect(200);
    expect(links(await flows())).toEqual([]);
    expect(await quarterly()).toEqual([]);
    expect(await monthly()).toEqual([]);
    expect(links(await get('flows', { level: 'organization', fields: 'robotics', from: '2023-01-01', to: '2024-12-31' }))).toEqual([]);
    expect(links(await get('flows', { level: 'organization', fields: 'robotics', from: '2024-03-01', to: '2024-05-31' }))).toEqual([]);
  });

  it('gives arrivals, departures and balance per organisation, and per year', async () => {
    const totals = await get('net-flows', { level: 'organization' });
    expect(totals.map((r: { name: string; arrivals: number; departures: number; balance: number }) => [r.name, r.arrivals, r.departures, r.balance])).toEqual([
      ['Kyutai', 5, 1, 4],
      ['Meta', 1, 0, 1],
      ['Inria', 0, 1, -1],
      ['Meta FAIR', 0, 1, -1],
      ['Valeo', 0, 1, -1],
    ]);
    const yearly = await get('net-flows', { level: 'organization', period: 'year', organizationIds: ids.kyutai });
    const kyutai = yearly.filter((r: { name: string }) => r.name === 'Kyutai');
    expect(kyutai.map((r: { period: string; arrivals: number; departures: number }) => [r.period, r.arrivals, r.departures])).toEqual([
      ['2023-01-01', 3, 0],
      ['2024-01-01', 2, 1],
    ]);
    // Per period: every period of the `limit` first organisations over the whole range.
    const trend = await get('net-flows', { level: 'organization', period: 'year', limit: '1' });
    expect(trend.map((r: { name: string; period: string; balance: number }) => [r.name, r.period, r.balance])).toEqual([
      ['Kyutai', '2023-01-01', 3],
      ['Kyutai', '2024-01-01', 1],
    ]);
    const bySector = await get('net-flows', { level: 'sector', sort: 'arrivals', order: 'DESC' });
    expect(bySector[0]).toMatchObject({ key: 'private_lab', arrivals: 5, departures: 1, balance: 4 });
  });

  it('lists behind a figure exactly the moves it counts, over ranges that cut months and years', async () => {
    const listed = async (filter: object) =>
      (await t.as('viewer' as never).get(`/api/moves?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,99]`).expect(200)).body.length;
    const ranges = [
      ['2024-03-15', '2024-09-20'], // only the move known as "2024"
      ['2023-11-10', '2023-11-20'], // the moves of November 2023, day and month alike
      ['2023-06-01', '2024-01-31'],
      ['2024-02-10', '2024-02-10'],
    ];
    for (const [from, to] of ranges) {
      const [row] = (await get('net-flows', { level: 'organization', from, to })).filter((r: { name: string }) => r.name === 'Kyutai');
      for (const side of ['toOrganizationId', 'fromOrganizationId'] as const) {
        const count = await listed({ [side]: ids.kyutai, status: ['announced', 'confirmed'], effectiveAfter: from, effectiveBefore: to });
        expect([from, to, side, count]).toEqual([from, to, side, (side === 'toOrganizationId' ? row?.arrivals : row?.departures) ?? 0]);
      }
    }
    const [april] = (await get('net-flows', { level: 'organization', from: '2024-03-15', to: '2024-09-20' })).filter((r: { name: string }) => r.name === 'Kyutai');
    expect(april.arrivals).toBe(1);
  });

  it('lists the top origins and destinations of one organisation', async () => {
    const origins = await get('top', { organizationId: ids.kyutai, direction: 'origins' });
    expect(origins.map((r: { name: string; moves: number }) => [r.name, r.moves])).toEqual([
      ['Unknown', 2],
      ['Inria', 1],
      ['Meta FAIR', 1],
      ['Valeo', 1],
    ]);
    const destinations = await get('top', { organizationId: ids.kyutai, direction: 'destinations' });
    expect(destinations.map((r: { name: string }) => r.name)).toEqual(['Meta']);
    // Whole years come from the yearly pair counts, other ranges from the moves: the same answers.
    const queries: Record<string, string>[] = [
      { direction: 'origins' },
      { direction: 'destinations' },
      { direction: 'origins', statuses: 'announced', roleCategories: 'researcher' },
      { direction: 'origins', fields: 'vision' },
      { direction: 'destinations', fields: 'vision,robotics' },
    ];
    for (const query of queries) {
      const yearly = await get('top', { ...query, organizationId: ids.kyutai, from: '2024-01-01', to: '2024-12-31' });
      expect(yearly).toEqual(await get('top', { ...query, organizationId: ids.kyutai, from: '2024-01-01', to: '2024-12-30' }));
      expect(yearly.length).toBeGreaterThan(0);
    }
  });

  it('builds the headcount series from the observations and the moves between them, with progress toward 40–50', async () => {
    const [kyutai] = await get('headcount', { organizationIds: ids.kyutai, population: 'researchers', to: '2024-07-31' });
    expect(kyutai.observations).toEqual([
      { observedOn: '2023-11-17', count: 3 },
      { observedOn: '2024-06-01', count: 12 },
    ]);
    // Advisors are not researchers there; moves in an observation's month are in that observation.
    expect(kyutai.series.map((p: { month: string; count: number }) => `${p.month.slice(0, 7)}=${p.count}`)).toEqual([
      '2023-11=3', '2023-12=3', '2024-01=4', '2024-02=5', '2024-03=4', '2024-04=4', '2024-05=4', '2024-06=12', '2024-07=12',
    ]);
    expect(kyutai.targets).toEqual([
      expect.objectContaining({ low: 40, high: 50, current: 12, progress: 0.3, met: false }),
    ]);
    // Without labs named: those with a target for the population, the same figures; a lab named
    // that does not exist has no entry.
    const withTargets = await get('headcount', { population: 'researchers', to: '2024-07-31' });
    expect(withTargets.map((lab: { name: string }) => lab.name)).toEqual(['Kyutai']);
    expect(withTargets[0]).toEqual(kyutai);
    expect(await get('headcount', { organizationIds: '00000000-0000-4000-8000-000000000000', to: '2024-07-31' })).toEqual([]);
  });

  it('shows a new move at the next load, and forgets a deleted one', async () => {
    const before = links(await get('flows', { level: 'sector' }));
    expect(before).toContain('public_research → private_lab: 1');
    const { body: move } = await t.http
      .post('/api/moves')
      .send({ personId: ids.D, fromOrganizationId: ids.mpi, toOrganizationId: ids.kyutai, status: 'confirmed', roleCategory: 'researcher', datePrecision: 'day', effectiveOn: '2024-05-02' })
      .expect(201);
    expect(links(await get('flows', { level: 'sector' }))).toContain('public_research → private_lab: 2');
    expect(links(await get('flows', { level: 'sector', from: '2024-01-01', to: '2024-12-31' }))).toContain('public_research → private_lab: 2');
    const may = async () =>
      (await get('headcount', { organizationIds: ids.kyutai, to: '2024-05-31' }))[0].series.at(-1);
    expect(await may()).toEqual({ month: '2024-05-01', count: 5 });
    await t.http.put(`/api/moves/${move.id}`).send({ status: 'cancelled', version: move.version }).expect(200);
    expect(links(await get('flows', { level: 'sector' }))).toEqual(before);
    expect(links(await get('flows', { level: 'sector', from: '2024-01-01', to: '2024-12-31' }))).toContain('public_research → private_lab: 1');
    expect(await may()).toEqual({ month: '2024-05-01', count: 4 });
    // An organisation that changes sector changes the yearly counts too.
    const { body: mpi } = await t.http.get(`/api/organizations/${ids.mpi}`);
    await t.http.put(`/api/organizations/${ids.mpi}`).send({ sector: 'university', version: mpi.version }).expect(200);
    await t.http.put(`/api/moves/${move.id}`).send({ status: 'confirmed', version: move.version + 1 }).expect(200);
    expect(links(await get('flows', { level: 'sector', from: '2024-01-01', to: '2024-12-31' }))).toContain('university → private_lab: 1');
    // And the monthly counts between sectors alone.
    const may2024 = await get('net-flows', { level: 'sector', period: 'month', from: '2024-05-01', to: '2024-05-31' });
    expect(may2024).toContainEqual(expect.objectContaining({ key: 'university', period: '2024-05-01', departures: 1 }));
    await t.http.put(`/api/moves/${move.id}`).send({ status: 'cancelled', version: move.version + 2 }).expect(200);
    await t.http.delete(`/api/moves/${move.id}`).expect(200);
    expect(links(await get('flows', { level: 'sector' }))).toEqual(before);
  });

  it('lists the moves behind a Sankey link, by sector, country or parent', async () => {
    const behind = async (filter: object) =>
      (await t.http.get(`/api/moves?filter=${encodeURIComponent(JSON.stringify({ ...filter, status: ['announced', 'confirmed'] }))}`)).body.length;
    expect(await behind({ fromSector: 'big_tech', toSector: 'private_lab' })).toBe(1);
    expect(await behind({ fromCountry: 'FR', toCountry: 'FR' })).toBe(3);
    expect(await behind({ fromRootId: ids.meta })).toBe(1);
    expect(await behind({ toRootId: ids.meta })).toBe(1);
    await t.http.get(`/api/moves?filter=${encodeURIComponent('{"fromSector":"bank"}')}`).expect(400);
  });

  it('keeps through every write the same counts as a rebuild from the moves gives', async () => {
    // A move with no date yet (the generated data has them): in every table keyed by year or month, with none.
    const undated = { personId: ids.D, fromOrganizationId: ids.inria, toOrganizationId: ids.mpi, status: 'rumoured', roleCategory: 'researcher', datePrecision: 'day' };
    await t.http.post('/api/moves').send(undated).expect(201);
    // Every test above wrote through the triggers; a rebuild recounts every table from the moves.
    const dataSource = t.app.get(DataSource);
    const tables: { name: string }[] = await dataSource.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE '%\\_counts' OR tablename = 'move_pair_totals') ORDER BY 1`,
    );
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['move_counts', 'organization_year_counts', 'move_pair_totals']));
    // A count that went back to zero may stay as a row of zeros; a rebuild leaves it out.
    const counted = (row: Record<string, unknown>) =>
      ['moves', 'arrivals', 'departures', 'counts'].some((column) => [row[column]].flat().some((n) => n !== undefined && n !== 0));
    const snapshot = async () => {
      const result: Record<string, string[]> = {};
      for (const { name } of tables) {
        const rows: { row: Record<string, unknown> }[] = await dataSource.query(`SELECT to_jsonb(t) AS row FROM ${name} t`);
        result[name] = rows.map(({ row }) => row).filter(counted).map((row) => JSON.stringify(row)).sort();
      }
      return result;
    };
    const kept = await snapshot();
    expect(kept.organization_year_counts.length).toBeGreaterThan(0);
    await dataSource.query('SELECT move_counts_rebuild()');
    expect(await snapshot()).toEqual(kept);
  });

  it('refuses bad filters with 400 naming them', async () => {
    const response = await t.http.get('/api/analytics/flows?level=planet&sectors=bank&from=2024-02-30').expect(400);
    expect(Object.keys(response.body.errors).sort()).toEqual(['from', 'level', 'sectors']);
  });
});

describe('the members population', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('counts every member of a lab but its advisors, as a team page does', async () => {
    const post = async (resource: string, body: object) => (await t.http.post(`/api/${resource}`).send(body).expect(201)).body.id as string;
    const lab = await post('organizations', { name: 'Team Lab', sector: 'private_lab', country: 'FR' });
    await post('headcount-observations', { organizationId: lab, observedOn: '2024-01-15', count: 10, population: 'members' });
    const arrive = async (name: string, roleCategory: string, effectiveOn: string, leaves = false) =>
      post('moves', {
        personId: await post('people', { name }),
        [leaves ? 'fromOrganizationId' : 'toOrganizationId']: lab,
        roleCategory,
        effectiveOn,
        datePrecision: 'month',
        status: 'confirmed',
      });
    await arrive('A student', 'student', '2024-02-01');
    await arrive('An advisor', 'advisor', '2024-02-01');
    await arrive('An engineer', 'engineer', '2024-03-01', true);
    const headcount = async (population: string) =>
      (await t.as('viewer' as never).get(`/api/analytics/headcount?organizationIds=${lab}&population=${population}&to=2024-04-30`).expect(200)).body;
    const [members] = await headcount('members');
    expect(members.population).toBe('members');
    expect(members.series.map((point: { month: string; count: number }) => [point.month.slice(0, 7), point.count])).toEqual([
      ['2024-01', 10],
      ['2024-02', 11],
      ['2024-03', 10],
      ['2024-04', 10],
    ]);
    // Researchers: no observation of that population, so no series.
    const [researchers] = await headcount('researchers');
    expect(researchers.series).toEqual([]);
  });
});
