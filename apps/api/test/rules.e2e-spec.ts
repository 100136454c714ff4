import { DataSource } from 'typeorm';
import { createTestApp, listQuery, TestApp, totalOf } from './support/test-app';

/** The rules each resource enforces: bad input gets a 4xx naming the field, and nothing changes. */
describe('validation and integrity rules', () => {
  let t: TestApp;
  let meta: string;
  let kyutai: string;
  let jegou: string;

  const post = (resource: string, body: object) => t.http.post(`/api/${resource}`).send(body);
  const move = (fields: object = {}) => ({
    personId: jegou,
    fromOrganizationId: meta,
    toOrganizationId: kyutai,
    roleCategory: 'leadership',
    datePrecision: 'month',
    status: 'confirmed',
    ...fields,
  });

  beforeAll(async () => {
    t = await createTestApp();
    meta = (await post('organizations', { name: 'Meta FAIR', sector: 'big_tech', rorId: '01zbnvs85' }).expect(201)).body.id;
    kyutai = (await post('organizations', { name: 'Kyutai', sector: 'private_lab' }).expect(201)).body.id;
    jegou = (await post('people', { name: 'Hervé Jégou', orcid: '0000-0002-1825-0097' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  describe('organizations', () => {
    it.each([
      ['an unknown country code', { country: 'XX' }, 'country', /ISO 3166-1 alpha-2/],
      ['an unknown sector', { sector: 'bank' }, 'sector', /must be one of public_research/],
      ['an invalid date', { foundedOn: '2023-02-30' }, 'foundedOn', /real date/],
      ['a wrong type', { name: 42 }, 'name', /must be a string/],
      ['a ROR URL instead of the id', { rorId: 'https://ror.org/02kvxyf05' }, 'rorId', /short form/],
      ['a parent that does not exist', { parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId', /no record in organizations/],
    ])('refuses %s with 400 on the field', async (_case, fields, field, message) => {
      const response = await post('organizations', { name: 'Bad', sector: 'startup', ...fields }).expect(400);
      expect(response.body.errors[field]).toMatch(message);
      expect(response.body.message).toEqual(expect.any(String));
    });

    it('refuses a second organization with the same ROR id with 409', async () => {
      const response = await post('organizations', { name: 'Meta again', sector: 'big_tech', rorId: '01zbnvs85' }).expect(409);
      expect(response.body.errors).toEqual({ rorId: 'is already used by another record' });
    });

    it('refuses to make an organization its own ancestor', async () => {
      const child = (await post('organizations', { name: 'Child', sector: 'startup', parentId: kyutai }).expect(201)).body.id;
      const response = await t.http.put(`/api/organizations/${kyutai}`).send({ parentId: child, version: 1 }).expect(400);
      expect(response.body.errors.parentId).toMatch(/sub-organizations/);
      expect((await t.http.get(`/api/organizations/${kyutai}`)).body.parentId).toBeNull();
      await t.http.delete(`/api/organizations/${child}`).expect(200);
    });

    it('refuses to delete an organization that moves still point to, with 409, and keeps it', async () => {
      const created = await post('moves', move()).expect(201);
      const response = await t.http.delete(`/api/organizations/${meta}`).expect(409);
      expect(response.body.message).toMatch(/still referenced from moves/);
      await t.http.get(`/api/organizations/${meta}`).expect(200);
      await t.http.delete(`/api/moves/${created.body.id}`).expect(200);
    });

    it('filters by sector and country, and finds by alias without accents', async () => {
      await post('organizations', { name: 'Institut X', aliases: ['École Sample'], sector: 'university', country: 'FR' }).expect(201);
      const found = await t.http.get(`/api/organizations${listQuery({ filter: { q: 'ecole' } })}`).expect(200);
      expect(found.body.map((o: { name: string }) => o.name)).toEqual(['Institut X']);
      const bySector = await t.http.get(`/api/organizations${listQuery({ filter: { sector: ['big_tech', 'private_lab'] } })}`);
      expect(bySector.body.map((o: { name: string }) => o.name).sort()).toEqual(['Kyutai', 'Meta FAIR']);
      const byCountry = await t.http.get(`/api/organizations${listQuery({ filter: { country: 'fr' } })}`);
      expect(byCountry.body.map((o: { name: string }) => o.name)).toEqual(['Institut X']);
      const badSector = await t.http.get(`/api/organizations${listQuery({ filter: { sector: 'bank' } })}`).expect(400);
      expect(badSector.body.errors['filter.sector']).toMatch(/must be one of/);
    });
  });

  describe('people', () => {
    it('refuses an ORCID whose check digit is wrong', async () => {
      const response = await post('people', { name: 'Someone', orcid: '0000-0002-1825-0098' }).expect(400);
      expect(response.body.errors.orcid).toMatch(/check digit/);
    });

    it('refuses a duplicate ORCID with 409 and leaves the first person as it was', async () => {
      const response = await post('people', { name: 'Impostor', orcid: '0000-0002-1825-0097' }).expect(409);
      expect(response.body.errors).toEqual({ orcid: 'is already used by another record' });
      const people = await t.http.get(`/api/people${listQuery({ filter: { orcid: '0000-0002-1825-0097' } })}`);
      expect(people.body.map((p: { name: string }) => p.name)).toEqual(['Hervé Jégou']);
    });

    it.each([
      ['googleScholarId', '8ObLPWEAAAAJ', 'https://scholar.google.com/citations?user=8ObLPWEAAAAJ', /Google Scholar profile id/],
      ['dblpId', '65/5936-1', 'dblp 65/5936', /DBLP person id/],
      ['openalexId', 'A5023888391', 'https://openalex.org/A5023888391', /OpenAlex author id/],
    ])('keeps a %s: valid, unique and a filter', async (field, id, bad, message) => {
      expect((await post('people', { name: 'Wrong', [field]: bad }).expect(400)).body.errors[field]).toMatch(message);
      const person = (await post('people', { name: `Holder of ${field}`, [field]: id }).expect(201)).body;
      expect(person[field]).toBe(id);
      const second = await post('people', { name: 'Impostor', [field]: id }).expect(409);
      expect(second.body.errors).toEqual({ [field]: 'is already used by another record' });
      const found = await t.http.get(`/api/people${listQuery({ filter: { [field]: id } })}`).expect(200);
      expect(found.body.map((p: { id: string }) => p.id)).toEqual([person.id]);
    });

    it.each(['jegou', 'JÉGOU', 'herve jeg', 'Hervé'])('finds Hervé Jégou searching "%s"', async (q) => {
      const response = await t.http.get(`/api/people${listQuery({ filter: { q } })}`).expect(200);
      expect(response.body.map((p: { name: string }) => p.name)).toEqual(['Hervé Jégou']);
      expect(totalOf(response)).toBe(1);
    });

    it('treats % and _ in a search as plain characters', async () => {
      const response = await t.http.get(`/api/people${listQuery({ filter: { q: '%' } })}`).expect(200);
      expect(response.body).toEqual([]);
    });
  });

  describe('moves', () => {
    it.each([
      ['the same organization on both sides', { toOrganizationId: 'SAME' }, 'toOrganizationId', /must differ/],
      ['no organization at all', { fromOrganizationId: null, toOrganizationId: null }, 'toOrganizationId', /at least one organization/],
      ['a person that does not exist', { personId: '00000000-0000-4000-8000-000000000000' }, 'personId', /no record in people/],
      ['an organization that does not exist', { toOrganizationId: '00000000-0000-4000-8000-000000000000' }, 'toOrganizationId', /no record in organizations/],
      ['a source that does not exist', { sourceIds: ['00000000-0000-4000-8000-000000000000'] }, 'sourceIds', /no source has the id/],
      ['an invalid date', { effectiveOn: '2023-13-01' }, 'effectiveOn', /real date/],
      ['an unknown status', { status: 'maybe' }, 'status', /must be one of rumoured/],
      ['a person id that is not an id', { personId: 'jegou' }, 'personId', /id of a person/],
    ])('refuses %s with 400, saving nothing', async (_case, fields, field, message) => {
      const before = totalOf(await t.http.get('/api/moves'));
      const body = move(fields);
      if (body.toOrganizationId === 'SAME') body.toOrganizationId = meta;
      const response = await post('moves', body).expect(400);
      expect(response.body.errors[field]).toMatch(message);
      expect(totalOf(await t.http.get('/api/moves'))).toBe(before);
    });

    it('refuses an update that would put the same organization on both sides, keeping the move', async () => {
      const created = (await post('moves', move()).expect(201)).body;
      const response = await t.http.put(`/api/moves/${created.id}`).send({ fromOrganizationId: kyutai, version: created.version }).expect(400);
      expect(response.body.errors.toOrganizationId).toMatch(/must differ/);
      expect((await t.http.get(`/api/moves/${created.id}`)).body).toEqual(created);
      await t.http.delete(`/api/moves/${created.id}`).expect(200);
    });

    it('keeps only what the date precision says: 2023-11-17 at month precision is 2023-11', async () => {
      const created = await post('moves', move({ effectiveOn: '2023-11-17', datePrecision: 'month' })).expect(201);
      expect(created.body.effectiveOn).toBe('2023-11-01');
      const yearly = await t.http.put(`/api/moves/${created.body.id}`).send({ datePrecision: 'year', version: created.body.version }).expect(200);
      expect(yearly.body.effectiveOn).toBe('2023-01-01');
      await t.http.delete(`/api/moves/${created.body.id}`).expect(200);
    });

    it('filters by person, by organization on either side, by status and by date range', async () => {
      const lecun = (await post('people', { name: 'Yann LeCun' }).expect(201)).body.id;
      const ids = {
        joined: (await post('moves', move({ effectiveOn: '2023-11-01' })).expect(201)).body.id,
        cancelled: (await post('moves', move({ toOrganizationId: null, status: 'cancelled', effectiveOn: '2022-05-01' })).expect(201)).body.id,
        advisor: (await post('moves', move({ personId: lecun, fromOrganizationId: null, roleCategory: 'advisor', effectiveOn: '2024-01-01' })).expect(201)).body.id,
      };
      const names = async (filter: object) =>
        (await t.http.get(`/api/moves${listQuery({ filter, sort: ['effectiveOn', 'ASC'] })}`).expect(200)).body.map(
          (m: { id: string }) => Object.entries(ids).find(([, id]) => id === m.id)?.[0],
        );
      expect(await names({ personId: lecun })).toEqual(['advisor']);
      expect(await names({ organizationId: kyutai })).toEqual(['joined', 'advisor']);
      expect(await names({ organizationId: meta })).toEqual(['cancelled', 'joined']);
      expect(await names({ fromOrganizationId: meta, toOrganizationId: kyutai })).toEqual(['joined']);
      expect(await names({ status: ['confirmed'] })).toEqual(['joined', 'advisor']);
      expect(await names({ roleCategory: 'advisor' })).toEqual(['advisor']);
      expect(await names({ effectiveAfter: '2023-01-01', effectiveBefore: '2023-12-31' })).toEqual(['joined']);
      expect(await names({ q: 'lecun' })).toEqual(['advisor']);
      expect(await names({ q: 'jegou kyutai' })).toEqual(['joined']);
      const bad = await t.http.get(`/api/moves${listQuery({ filter: { effectiveAfter: '2023-02-30' } })}`).expect(400);
      expect(bad.body.errors['filter.effectiveAfter']).toMatch(/real date/);
    });

    it('refuses to delete a person who has moves, with 409', async () => {
      const response = await t.http.delete(`/api/people/${jegou}`).expect(409);
      expect(response.body.message).toMatch(/still referenced from moves/);
    });

    it('refuses the same move entered twice with 409 naming it, over any overlapping period', async () => {
      const first = (await post('moves', move({ effectiveOn: '2021-06-01', datePrecision: 'month', role: 'Researcher' })).expect(201)).body;
      for (const period of [{ effectiveOn: '2021-06-01', datePrecision: 'month' }, { effectiveOn: '2021-01-01', datePrecision: 'year' }, { effectiveOn: '2021-06-30', datePrecision: 'day' }]) {
        const again = await post('moves', move({ ...period, role: 'Research scientist' })).expect(409);
        expect(again.body.message).toContain(first.id);
        expect(again.body.errors.effectiveOn).toContain(first.id);
      }
      // Another period, another pair of ends, or a cancelled move is not the same move.
      const later = (await post('moves', move({ effectiveOn: '2021-07-01', datePrecision: 'month' })).expect(201)).body;
      const back = (await post('moves', move({ fromOrganizationId: kyutai, toOrganizationId: meta, effectiveOn: '2021-06-01', datePrecision: 'month' })).expect(201)).body;
      const cancelled = (await post('moves', move({ effectiveOn: '2021-06-01', datePrecision: 'month', status: 'cancelled' })).expect(201)).body;
      // An update that would make a move repeat another is refused too, and changes nothing.
      const clash = await t.http.put(`/api/moves/${later.id}`).send({ effectiveOn: '2021-06-15', datePrecision: 'day', version: later.version }).expect(409);
      expect(clash.body.message).toContain(first.id);
      for (const id of [first.id, later.id, back.id, cancelled.id]) await t.http.delete(`/api/moves/${id}`).expect(200);
    });

    it('refuses a bulk change that breaks a rule for one record, naming it, and changes none', async () => {
      const a = (await post('moves', move({ effectiveOn: '2019-01-01', datePrecision: 'year' })).expect(201)).body;
      const b = (await post('moves', move({ fromOrganizationId: null, effectiveOn: '2018-01-01', datePrecision: 'year' })).expect(201)).body;
      // Moving both to Meta: a's origin is Meta already, so a would go from Meta to Meta.
      const refused = await t.http.patch('/api/moves').send({ ids: [a.id, b.id], changes: { toOrganizationId: meta } }).expect(400);
      expect(refused.body.message).toContain(`Record ${a.id}`);
      expect(refused.body.errors.toOrganizationId).toMatch(/must differ/);
      expect((await t.http.get(`/api/moves/${b.id}`)).body).toMatchObject({ toOrganizationId: kyutai, version: b.version });
      await t.http.patch('/api/moves').send({ ids: [a.id, b.id], changes: { status: 'announced' } }).expect(200);
      const statuses = await Promise.all([a.id, b.id].map(async (id) => (await t.http.get(`/api/moves/${id}`)).body.status));
      expect(statuses).toEqual(['announced', 'announced']);
      for (const id of [a.id, b.id]) await t.http.delete(`/api/moves/${id}`).expect(200);
    });

    it('refuses a new record that points at a deleted one, on create and on update', async () => {
      const gone = (await post('organizations', { name: 'Closed lab', sector: 'private_lab' }).expect(201)).body.id;
      const ghost = (await post('people', { name: 'Left the field' }).expect(201)).body.id;
      await t.http.delete(`/api/organizations/${gone}`).expect(200);
      await t.http.delete(`/api/people/${ghost}`).expect(200);
      const fromGone = await post('moves', move({ fromOrganizationId: gone })).expect(400);
      expect(fromGone.body.errors.fromOrganizationId).toMatch(/deleted record in organizations/);
      const ofGhost = await post('moves', move({ personId: ghost })).expect(400);
      expect(ofGhost.body.errors.personId).toMatch(/deleted record in people/);
      const target = await post('headcount-targets', { organizationId: gone, low: 1, high: 2, population: 'researchers' }).expect(400);
      expect(target.body.errors.organizationId).toMatch(/deleted/);
      const child = await post('organizations', { name: 'Its team', sector: 'private_lab', parentId: gone }).expect(400);
      expect(child.body.errors.parentId).toMatch(/deleted/);
      const existing = (await post('moves', move({ role: 'Researcher' })).expect(201)).body;
      const update = await t.http.put(`/api/moves/${existing.id}`).send({ toOrganizationId: gone, version: existing.version }).expect(400);
      expect(update.body.errors.toOrganizationId).toMatch(/deleted/);
      await t.http.delete(`/api/moves/${existing.id}`).expect(200);
    });
  });

  describe('headcount targets and observations', () => {
    it('refuses a target whose low is above its high, on create and on update', async () => {
      const created = await post('headcount-targets', { organizationId: kyutai, low: 50, high: 40, population: 'researchers' }).expect(400);
      expect(created.body.errors.low).toMatch(/must not be above high \(40\)/);
      const target = (await post('headcount-targets', { organizationId: kyutai, low: 40, high: 50, population: 'researchers' }).expect(201)).body;
      const updated = await t.http.put(`/api/headcount-targets/${target.id}`).send({ low: 60, version: target.version }).expect(400);
      expect(updated.body.errors.low).toMatch(/must not be above high \(50\)/);
      expect((await t.http.get(`/api/headcount-targets/${target.id}`)).body.low).toBe(40);
    });

    it('refuses a negative count and an unknown population', async () => {
      const response = await post('headcount-observations', { organizationId: kyutai, observedOn: '2024-06-01', count: -1, population: 'interns' }).expect(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(['count', 'population']);
    });

    it('finds targets by their organization’s name and by organization id', async () => {
      const byName = await t.http.get(`/api/headcount-targets${listQuery({ filter: { q: 'kyutai' } })}`).expect(200);
      expect(byName.body.length).toBeGreaterThan(0);
      const none = await t.http.get(`/api/headcount-targets${listQuery({ filter: { organizationId: meta } })}`).expect(200);
      expect(none.body).toEqual([]);
    });
  });

  describe('list totals', () => {
    it('counts exactly up to 10,000 rows, and past that gives PostgreSQL’s estimate', async () => {
      const db = t.app.get(DataSource);
      await db.query(`INSERT INTO sources (url) SELECT 'https://example.org/bulk/' || g FROM generate_series(1, 10500) g`);
      await db.query('ANALYZE sources');
      const all = await t.http.get(`/api/sources${listQuery({ range: [0, 9] })}`).expect(200);
      expect(totalOf(all)).toBeGreaterThan(10_000);
      expect(Math.abs(totalOf(all) - 10_500) / 10_500).toBeLessThan(0.1);
      const few = await t.http.get(`/api/sources${listQuery({ range: [0, 0], filter: { q: 'bulk/1050' } })}`).expect(200);
      expect(totalOf(few)).toBe(2); // bulk/1050 and bulk/10500, counted exactly
      await db.query(`DELETE FROM sources WHERE url LIKE 'https://example.org/bulk/%'`);
    });
  });

  describe('sources', () => {
    it('refuses a URL that is not one, and a second source for the same URL', async () => {
      const bad = await post('sources', { url: 'not a url' }).expect(400);
      expect(bad.body.errors.url).toMatch(/URL/);
      await post('sources', { url: 'https://example.org/a' }).expect(201);
      const twice = await post('sources', { url: 'https://example.org/a' }).expect(409);
      expect(twice.body.errors).toEqual({ url: 'is already used by another record' });
      // The same address written with another host case or a trailing slash is the same source.
      await post('sources', { url: 'https://EXAMPLE.org/a/' }).expect(409);
      const found = await t.http.get(`/api/sources${listQuery({ filter: { url: 'https://Example.ORG/a/' } })}`).expect(200);
      expect(found.body.map((source: { url: string }) => source.url)).toEqual(['https://example.org/a']);
    });

    it('lists the moves a source supports', async () => {
      const source = (await post('sources', { url: 'https://example.org/evidence' }).expect(201)).body.id;
      const supported = (await post('moves', move({ sourceIds: [source] })).expect(201)).body.id;
      const response = await t.http.get(`/api/moves${listQuery({ filter: { sourceId: source } })}`).expect(200);
      expect(response.body.map((m: { id: string }) => m.id)).toEqual([supported]);
    });
  });
});
