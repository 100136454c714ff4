import { createTestApp, listQuery, TestApp } from './support/test-app';

/**
 * A lab roster over time through `POST /api/imports/roster`: snapshots diffed into moves, arrivals
 * and departures, and a headcount per lab, population and snapshot.
 */
describe('roster import', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const post = async (resource: string, body: object) => (await t.http.post(`/api/${resource}`).send(body).expect(201)).body.id as string;
  const upload = (csv: string, fields: Record<string, string> = {}) => {
    const request = t.as('editor' as never).post('/api/imports/roster').attach('file', Buffer.from(csv), 'roster.csv');
    for (const [field, value] of Object.entries(fields)) request.field(field, value);
    return request;
  };

  // January: Alice and Bob at Kyutai, Chloé and Dan at Inria. June, at 09:00: Alice at "Kyutai Lab"
  // (Kyutai's alias), Chloé (as "Chloe", her ORCID the same) at Kyutai, Eve arrived, Bob left for
  // Meta FAIR, Dan missing; at 17:00 the same day, Dan back.
  const ROSTER =
    'Date,Name,ORCID,Role,Affiliation,Now at\n' +
    '2024-01-15,Alice Roster,,researcher,Kyutai,\n' +
    '2024-01-15,Bob Roster,,engineer,Kyutai,\n' +
    '2024-01-15,Chloé Roster,0000-0001-5109-3700,doctorante,Inria,\n' +
    '2024-01-15,Dan Roster,,researcher,Inria,\n' +
    '2024-06-01 09:00,Alice Roster,,researcher,Kyutai Lab,\n' +
    '2024-06-01 09:00,Chloe Roster,0000-0001-5109-3700,student,Kyutai,\n' +
    '2024-06-01 09:00,Eve Roster,,advisor,Kyutai,\n' +
    '2024-06-01 09:00,Bob Roster,,engineer,Kyutai,Meta FAIR\n' +
    '2024-06-01 17:00,Dan Roster,,researcher,Inria,\n';

  beforeAll(async () => {
    t = await createTestApp();
    ids.kyutai = await post('organizations', { name: 'Kyutai', aliases: ['Kyutai Lab'], sector: 'private_lab', country: 'FR' });
    ids.inria = await post('organizations', { name: 'Inria', sector: 'public_research', country: 'FR' });
    ids.fair = await post('organizations', { name: 'Meta FAIR', sector: 'big_tech', country: 'FR' });
  });
  afterAll(() => t?.close());

  it('proposes a move, an arrival and a departure, and nothing for a renamed lab or a same-day return', async () => {
    const { body } = await upload(ROSTER, { dryRun: 'true' }).expect(200);
    const moves = body.rows
      .filter((r: { kind: string }) => r.kind !== 'headcount')
      .map((r: { kind: string; person: { name: string }; from?: { name: string }; to?: { name: string }; on: string }) =>
        [r.kind, r.person.name, r.from?.name ?? null, r.to?.name ?? null, r.on]);
    expect(moves).toEqual([
      ['move', 'Chloé Roster', 'Inria', 'Kyutai', '2024-06-01'],
      ['arrival', 'Eve Roster', null, 'Kyutai', '2024-06-01'],
      ['departure', 'Bob Roster', 'Kyutai', 'Meta FAIR', '2024-06-01'],
    ]);
    // Only the people a move is about are created: Alice and Dan are counted, not recorded.
    expect(body.totals).toMatchObject({ created: 19, observationsCreated: 16, peopleCreated: 3, errors: 0, ambiguous: 0 });
  });

  it('imports it, move by move and headcount by headcount, and the same file again adds nothing', async () => {
    const { body } = await upload(ROSTER).expect(201);
    const moves = (await t.http.get(`/api/moves${listQuery({ filter: { importId: body.importId }, sort: ['createdAt', 'ASC'] })}`).expect(200)).body;
    expect(moves.map((m: Record<string, unknown>) => [m.fromOrganizationId, m.toOrganizationId, m.effectiveOn, m.status, m.roleCategory]).sort()).toEqual(
      [
        [ids.inria, ids.kyutai, '2024-06-01', 'confirmed', 'student'],
        [null, ids.kyutai, '2024-06-01', 'confirmed', 'advisor'],
        [ids.kyutai, ids.fair, '2024-06-01', 'confirmed', 'engineer'],
      ].sort(),
    );
    const chloe = (await t.http.get(`/api/people${listQuery({ filter: { q: 'chloe roster' } })}`).expect(200)).body;
    expect(chloe).toHaveLength(1);
    expect(chloe[0]).toMatchObject({ name: 'Chloé Roster', aliases: ['Chloe Roster'], orcid: '0000-0001-5109-3700' });

    const observations = (await t.http.get(`/api/headcount-observations${listQuery({ filter: { importId: body.importId }, range: [0, 99] })}`).expect(200)).body;
    const counts = Object.fromEntries(
      observations.map((o: { organizationId: string; observedOn: string; population: string; count: number }) => [
        `${o.organizationId === ids.kyutai ? 'Kyutai' : 'Inria'} ${o.observedOn} ${o.population}`,
        o.count,
      ]),
    );
    expect(counts).toEqual({
      'Kyutai 2024-01-15 members': 2,
      'Kyutai 2024-01-15 researchers': 1,
      'Kyutai 2024-01-15 staff': 2,
      'Kyutai 2024-01-15 phd_students': 0,
      'Inria 2024-01-15 members': 2,
      'Inria 2024-01-15 researchers': 1,
      'Inria 2024-01-15 staff': 1,
      'Inria 2024-01-15 phd_students': 1,
      'Kyutai 2024-06-01 members': 2,
      'Kyutai 2024-06-01 researchers': 1,
      'Kyutai 2024-06-01 staff': 1,
      'Kyutai 2024-06-01 phd_students': 1,
      'Inria 2024-06-01 members': 1,
      'Inria 2024-06-01 researchers': 1,
      'Inria 2024-06-01 staff': 1,
      'Inria 2024-06-01 phd_students': 0,
    });

    const again = (await upload(ROSTER).expect(201)).body;
    expect(again.totals).toMatchObject({ created: 0, skipped: 19, peopleCreated: 0 });
  });

  it('asks for a lab it does not know, and refuses the whole file until it is answered', async () => {
    const csv = 'Date,Name,Affiliation\n2024-01-01,Zed Roster,Nowhere Institute\n2024-02-01,Zed Roster,Kyutai\n';
    const preview = (await upload(csv, { dryRun: 'true' }).expect(200)).body;
    expect(preview.rows[0]).toMatchObject({ row: 2, action: 'error', errors: { affiliation: expect.stringMatching(/"Nowhere Institute" is not in Talentflow/) } });
    await upload(csv).expect(400);
    const answered = (await upload(csv, { dryRun: 'true', matches: JSON.stringify({ 'organization:Nowhere Institute': ids.inria }) }).expect(200)).body;
    expect(answered.rows.find((r: { kind: string }) => r.kind === 'move')).toMatchObject({ from: { id: ids.inria }, to: { id: ids.kyutai }, on: '2024-02-01' });
  });

  it('counts someone in two labs at once in both, and a second affiliation taken or given up is no move', async () => {
    const north = await post('organizations', { name: 'Lab North', sector: 'public_research' });
    const south = await post('organizations', { name: 'Lab South', sector: 'public_research' });
    const csv =
      'Date,Name,Affiliation\n' +
      '2025-01-01,Frank Joint,Lab North\n2025-01-01,Frank Joint,Lab South\n2025-01-01,Gina Solo,Lab North\n' +
      '2025-03-01,Frank Joint,Lab South\n2025-03-01,Gina Solo,Lab North\n2025-03-01,Gina Solo,Lab South\n';
    const { body } = await upload(csv, { dryRun: 'true' }).expect(200);
    const proposed = body.rows
      .filter((r: { kind: string }) => r.kind !== 'headcount')
      .map((r: { kind: string; person: { name: string }; from?: { id: string }; to?: { id: string } }) => [r.kind, r.person.name, r.from?.id ?? null, r.to?.id ?? null]);
    expect(proposed.sort()).toEqual([
      ['arrival', 'Gina Solo', null, south],
      ['departure', 'Frank Joint', north, null],
    ]);
    const researchers = body.rows
      .filter((r: { kind: string; name: string }) => r.kind === 'headcount' && r.name.includes('researchers'))
      .map((r: { name: string; on: string }) => `${r.on} ${r.name}`);
    expect(researchers.sort()).toEqual([
      '2025-01-01 Lab North, researchers: 2',
      '2025-01-01 Lab South, researchers: 1',
      '2025-03-01 Lab North, researchers: 1',
      '2025-03-01 Lab South, researchers: 2',
    ]);
  });
});
