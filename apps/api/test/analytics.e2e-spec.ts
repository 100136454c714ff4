import { DataSource } from 'typeorm';
import { CountedMoves } from './support/counted-moves';
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

  /** Every answer to these queries over these ranges, each against counting the moves themselves. */
  const expectCounted = async (queries: Record<string, string>[], ranges: string[][]) => {
    const counted = await CountedMoves.read(t.app.get(DataSource));
    let answered = 0;
    for (const [from, to] of ranges) {
      for (const query of queries) {
        const asked: Record<string, string> = { ...query, ...(from ? { from } : {}), ...(to ? { to } : {}) };
        const netFlows = await get('net-flows', asked);
        expect([asked, netFlows]).toEqual([asked, counted.netFlows(asked)]);
        if (!query.period) {
          const { sort: _sort, order: _order, ...flows } = asked;
          expect([flows, links(await get('flows', flows))]).toEqual([flows, counted.flows(flows)]);
        }
        if (netFlows.length > 0) answered++;
      }
    }
    return answered;
  };

  /** Ranges of whole years, whole months, and ranges that cut months and years. */
  const RANGES = [
    ['', ''],
    ['2023-01-01', '2024-12-31'],
    ['2024-01-01', '2024-12-31'],
    ['2023-01-01', '2024-12-30'],
    ['2023-02-01', '2024-01-31'],
    ['2024-03-01', '2024-06-30'],
    ['2023-11-10', '2024-03-15'],
    ['2023-12-15', '2024-02-20'], // a 2023 year-precision move reaches into it only before January
    ['2023-01-02', '2024-04-30'],
    ['2023-11-01', '2024-02-10'],
    ['2023-10-31', '2024-12-31'],
    ['2024-03-15', '2024-09-20'],
  ];

  const QUERIES: Record<string, string>[] = [
    { level: 'sector' },
    { level: 'country', statuses: 'confirmed,cancelled,announced' },
    { level: 'organization' },
    { level: 'parent', period: 'year' },
    { level: 'organization', period: 'year', limit: '2' },
    { level: 'organization', period: 'year', statuses: 'confirmed,cancelled', roleCategories: 'researcher,advisor' },
    { level: 'parent', sort: 'arrivals', order: 'DESC', limit: '2' },
    { level: 'organization', sort: 'name', order: 'ASC', limit: '3' },
    { level: 'sector', sort: 'departures', order: 'ASC' },
    // A sector or country filter: those that pass count all their moves, the others those with one that passes.
    { level: 'organization', countries: 'US' },
    { level: 'organization', period: 'year', sectors: 'private_lab,company', statuses: 'confirmed,rumoured' },
    { level: 'organization', countries: 'FR,DE', sectors: 'public_research', roleCategories: 'researcher' },
    { level: 'parent', countries: 'FR' },
    { level: 'parent', countries: 'US,DE', sectors: 'big_tech,private_lab', roleCategories: 'researcher' },
    { level: 'sector', countries: 'FR' },
    { level: 'country', sectors: 'big_tech,private_lab', roleCategories: 'leadership,researcher' },
    { level: 'sector', period: 'month', countries: 'FR,DE', sectors: 'public_research' },
    { level: 'organization', organizationIds: '' }, // replaced by Meta's id below
    // Research fields.
    { level: 'organization', fields: 'vision' },
    { level: 'parent', period: 'year', fields: 'speech,robotics', statuses: 'announced,cancelled' },
    { level: 'organization', fields: 'vision', countries: 'US', roleCategories: 'researcher' },
    { level: 'sector', period: 'quarter', fields: 'vision' },
    { level: 'country', period: 'month', fields: 'speech,vision', statuses: 'confirmed,cancelled,announced' },
    // Per month, quarter or year: the `limit` first keys over the whole range, period by period.
    { level: 'organization', period: 'month', limit: '2' },
    { level: 'parent', period: 'quarter', statuses: 'confirmed,cancelled,announced', roleCategories: 'researcher,leadership' },
    { level: 'organization', period: 'month', fields: 'vision', sort: 'departures', order: 'DESC', limit: '1' },
    { level: 'parent', period: 'quarter', sectors: 'big_tech', sort: 'departures', order: 'DESC' },
    { level: 'country', period: 'month', statuses: 'confirmed,cancelled' },
    { level: 'sector', period: 'quarter', statuses: 'announced,confirmed,rumoured' },
  ];
  const queries = () => QUERIES.map((query) => ('organizationIds' in query ? { ...query, organizationIds: ids.meta } : query));

  it('answers flows and net flows exactly as counting the moves themselves, over every kind of range', async () => {
    const answered = await expectCounted(queries(), RANGES);
    expect(answered).toBeGreaterThan(200);
    expect((await get('net-flows', { level: 'parent', from: '2023-01-01', to: '2024-12-31' })).find((r: { name: string }) => r.name === 'Meta')).toMatchObject({
      arrivals: 1,
      departures: 1,
      balance: 0,
    });
    // By hand: with the United States, Meta (there) keeps its one arrival, from Kyutai; Kyutai (in France) that departure only.
    const us = await get('net-flows', { level: 'organization', countries: 'US', from: '2023-01-01', to: '2024-12-31' });
    expect(us.map(({ name, arrivals, departures }: { name: string; arrivals: number; departures: number }) => [name, arrivals, departures])).toEqual([
      ['Meta', 1, 0],
      ['Kyutai', 0, 1],
    ]);
    expect(links(await get('flows', { level: 'sector', from: '2024-01-01', to: '2024-12-31', sectors: 'company' }))).toEqual([]);
    expect(links(await get('flows', { level: 'sector', from: '2023-01-01', to: '2023-12-31', sectors: 'company' }))).toEqual(['company → private_lab: 1']);
  });

  it('puts a move known only to its year in a period of its own in a breakdown by month or quarter', async () => {
    // A's move, known as "2024": not in January nor in the first quarter, but in "2024, month unknown";
    // C's, known as March 2024, in March and in the first quarter.
    for (const period of ['quarter', 'month']) {
      const rows = await get('net-flows', { level: 'organization', period, from: '2024-03-01', to: '2024-12-31', organizationIds: ids.kyutai });
      const kyutai = rows.filter((row: { name: string }) => row.name === 'Kyutai');
      expect(kyutai.map(({ period: start, span, arrivals, departures }: Record<string, unknown>) => [start, span, arrivals, departures])).toEqual([
        ['2024-01-01', 'year', 1, 0],
        [period === 'quarter' ? '2024-01-01' : '2024-03-01', period, 0, 1],
      ]);
    }
    // By year, the year is the period.
    const yearly = await get('net-flows', { level: 'organization', period: 'year', from: '2024-03-01', to: '2024-12-31', organizationIds: ids.kyutai });
    expect(yearly.find((row: { name: string }) => row.name === 'Kyutai')).toMatchObject({ period: '2024-01-01', span: 'year', arrivals: 1, departures: 1 });
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
      const range = { level: 'parent', from: '2023-01-01', to };
      expect(links(await get('flows', { ...range, countries: 'US' }))).toEqual(['Kyutai → Meta: 1']);
      expect(links(await get('flows', { ...range, countries: 'FR', sectors: 'big_tech' }))).toEqual(['Meta → Kyutai: 1']);
    }
    // A change of country shows in the next answer.
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

  it('follows a change of an organisation’s country and parent at once', async () => {
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
    }
    expect(links(await get('flows', { level: 'parent', countries: 'US', from: '2023-01-01', to: '2024-12-31' }))).toEqual(['Kyutai → Meta: 1']);
    expect(links(await get('flows', { level: 'parent', fields: 'vision', from: '2023-01-01', to: '2024-12-31' }))).toContain('Meta → Kyutai: 1');
  });

  it('follows an organisation’s change of parent, and a new one created under a parent', async () => {
    const valeo = async () => (await t.http.get(`/api/organizations/${ids.valeo}`).expect(200)).body;
    // Net flows by parent per year: Valeo's departure becomes Meta's.
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
    expect(links(await get('flows', { level: 'parent', fields: 'vision' }))).toContain('Meta → Kyutai: 2');
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

  it('counts a month- or year-precision move in any range its month or year overlaps', async () => {
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

  it('follows a change of a person’s research fields', async () => {
    const flows = () => get('flows', { level: 'sector', fields: 'robotics', from: '2023-01-01', to: '2024-12-31' });
    expect(links(await flows())).toEqual([]);
    const c = (await t.http.get(`/api/people/${ids.C}`).expect(200)).body;
    await t.http.put(`/api/people/${ids.C}`).send({ fields: ['robotics', 'vision'], version: c.version }).expect(200);
    expect(links(await flows())).toEqual(['private_lab → big_tech: 1']);
    expect(links(await get('flows', { level: 'sector', fields: 'vision', from: '2024-01-01', to: '2024-12-31' }))).toContain('private_lab → big_tech: 1');
    // Between organisations and between parents too, over years and over months.
    for (const level of ['organization', 'parent']) {
      expect(links(await get('flows', { level, fields: 'robotics', from: '2023-01-01', to: '2024-12-31' }))).toEqual(['Kyutai → Meta: 1']);
      expect(links(await get('flows', { level, fields: 'robotics', from: '2024-03-01', to: '2024-05-31' }))).toEqual(['Kyutai → Meta: 1']);
    }
    // And per quarter, and per month by organisation.
    const quarterly = () => get('net-flows', { level: 'sector', fields: 'robotics', period: 'quarter', from: '2024-01-01', to: '2024-06-30' });
    expect(await quarterly()).toEqual([
      expect.objectContaining({ key: 'big_tech', period: '2024-01-01', arrivals: 1, departures: 0 }),
      expect.objectContaining({ key: 'private_lab', period: '2024-01-01', arrivals: 0, departures: 1 }),
    ]);
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
    // Against counting the moves themselves.
    const counted = await CountedMoves.read(t.app.get(DataSource));
    const tops: Record<string, string>[] = [
      { direction: 'origins' },
      { direction: 'destinations' },
      { direction: 'origins', statuses: 'announced', roleCategories: 'researcher' },
      { direction: 'origins', fields: 'vision' },
      { direction: 'destinations', fields: 'vision,robotics' },
    ];
    for (const query of tops) {
      for (const [from, to] of RANGES) {
        const asked = { ...query, organizationId: ids.kyutai, ...(from ? { from, to } : {}) };
        expect([asked, await get('top', asked)]).toEqual([asked, counted.top(asked)]);
      }
      expect((await get('top', { ...query, organizationId: ids.kyutai, from: '2024-01-01', to: '2024-12-31' })).length).toBeGreaterThan(0);
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
    // An organisation that changes sector changes the next answer.
    const { body: mpi } = await t.http.get(`/api/organizations/${ids.mpi}`);
    await t.http.put(`/api/organizations/${ids.mpi}`).send({ sector: 'university', version: mpi.version }).expect(200);
    await t.http.put(`/api/moves/${move.id}`).send({ status: 'confirmed', version: move.version + 1 }).expect(200);
    expect(links(await get('flows', { level: 'sector', from: '2024-01-01', to: '2024-12-31' }))).toContain('university → private_lab: 1');
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

  it('still answers as counting the moves does after every write above, and with a move not dated yet', async () => {
    // A move with no date yet (the generated data has them): counted only when no range is asked for.
    const undated = { personId: ids.D, fromOrganizationId: ids.inria, toOrganizationId: ids.mpi, status: 'confirmed', roleCategory: 'researcher', datePrecision: 'day' };
    await t.http.post('/api/moves').send(undated).expect(201);
    expect(links(await get('flows', { level: 'organization' }))).toContain('Inria → MPI-IS: 1');
    expect(await expectCounted(queries(), RANGES)).toBeGreaterThan(200);
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
