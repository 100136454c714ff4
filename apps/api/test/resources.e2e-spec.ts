import { Role } from '@talentflow/domain';
import { createTestApp, listQuery, TestApp, totalOf } from './support/test-app';

/**
 * What every resource does the same way, through HTTP on PostgreSQL: create, read, update,
 * delete, and list with sort, range, the `id` filter and the Content-Range total.
 */
describe.each([
  {
    resource: 'organizations',
    create: () => ({ name: 'Kyutai', sector: 'private_lab', country: 'fr', city: 'Paris' }),
    expected: { name: 'Kyutai', sector: 'private_lab', country: 'FR', aliases: [] },
    update: { city: 'Paris 8e', aliases: ['Kyutai lab'] },
    sort: 'name',
  },
  {
    resource: 'people',
    create: () => ({ name: 'Hervé Jégou', orcid: '0000-0002-1825-0097', fields: ['computer vision'] }),
    expected: { name: 'Hervé Jégou', orcid: '0000-0002-1825-0097', fields: ['computer vision'], notes: null },
    update: { notes: 'Chief Scientific Officer of Kyutai' },
    sort: 'name',
  },
  {
    resource: 'sources',
    create: () => ({ url: 'https://example.org/kyutai', title: 'Kyutai opens', language: 'fr', publishedOn: '2024-01-15' }),
    expected: { url: 'https://example.org/kyutai', language: 'fr', publishedOn: '2024-01-15' },
    update: { publisher: 'Example news' },
    sort: 'publishedOn',
  },
  {
    resource: 'moves',
    create: (ids: Fixtures) => ({
      personId: ids.person,
      fromOrganizationId: ids.from,
      toOrganizationId: ids.to,
      role: 'Chief Scientific Officer',
      roleCategory: 'leadership',
      effectiveOn: '2023-11-17',
      datePrecision: 'day',
      status: 'announced',
      sourceIds: [ids.source],
    }),
    expected: { role: 'Chief Scientific Officer', status: 'announced', effectiveOn: '2023-11-17' },
    update: { status: 'confirmed' },
    sort: 'effectiveOn',
  },
  {
    resource: 'headcount-targets',
    create: (ids: Fixtures) => ({ organizationId: ids.to, low: 40, high: 50, population: 'researchers', sourceIds: [ids.source] }),
    expected: { low: 40, high: 50, population: 'researchers', dueBy: null },
    update: { dueBy: '2025-12-31' },
    sort: 'dueBy',
  },
  {
    resource: 'headcount-observations',
    create: (ids: Fixtures) => ({ organizationId: ids.to, observedOn: '2024-06-01', count: 12, population: 'researchers' }),
    expected: { observedOn: '2024-06-01', count: 12, population: 'researchers', sourceIds: [] },
    update: { count: 13 },
    sort: 'observedOn',
  },
])('/api/$resource', ({ resource, create, expected, update, sort }) => {
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await createTestApp();
    fixtures = await createFixtures(t);
  });
  afterAll(() => t.close());

  it('creates, reads, updates, deletes recoverably, restores whole and purges a record', async () => {
    const editor = t.as(Role.Editor);
    const created = await editor.post(`/api/${resource}`).send(create(fixtures)).expect(201);
    expect(created.body).toMatchObject({ ...expected, id: expect.any(String), createdAt: expect.any(String), version: 1 });
    const path = `/api/${resource}/${created.body.id}`;

    const read = await t.as(Role.Viewer).get(path).expect(200);
    expect(read.body).toEqual(created.body);

    const updated = await editor.put(path).send({ ...update, version: created.body.version }).expect(200);
    expect(updated.body).toMatchObject({ ...expected, ...update, id: created.body.id, version: created.body.version + 1 });
    expect((await editor.get(path)).body).toEqual(updated.body);

    // Deleted: gone for editors and from lists; an admin still sees it, and restores it as it was.
    const deleted = await editor.delete(path).expect(200);
    expect(deleted.body.id).toBe(created.body.id);
    await editor.get(path).expect(404);
    const listed = async () => (await editor.get(`/api/${resource}${listQuery({ filter: { id: created.body.id } })}`)).body;
    expect(await listed()).toEqual([]);
    expect((await t.http.get(path).expect(200)).body.deletedAt).toEqual(expect.any(String));
    const trash = await t.http.get(`/api/${resource}${listQuery({ filter: { deleted: true } })}`).expect(200);
    expect(trash.body.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    await editor.post(`${path}/restore`).expect(403);
    const restored = await t.http.post(`${path}/restore`).expect(200);
    expect(restored.body).toEqual({ ...updated.body, deletedAt: null, updatedAt: expect.any(String), version: expect.any(Number) });
    expect(await listed()).toHaveLength(1);

    // Purged: gone for good, for admins too.
    await editor.delete(`${path}/permanent`).expect(403);
    await t.http.delete(`${path}/permanent`).expect(200);
    await t.http.get(path).expect(404);
  });

  it('lists a sorted page with the total in an exposed Content-Range header, and many by id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.http.post(`/api/${resource}`).send(variant(create(fixtures), i)).expect(201)).body.id);

    const page = await t.http.get(`/api/${resource}${listQuery({ sort: [sort, 'ASC'], range: [0, 1] })}`).expect(200);
    expect(page.body).toHaveLength(2);
    expect(page.headers['content-range']).toMatch(new RegExp(`^${resource} 0-1/\\d+$`));
    const total = totalOf(page);
    expect(total).toBeGreaterThanOrEqual(3);

    const rest = await t.http.get(`/api/${resource}${listQuery({ sort: [sort, 'ASC'], range: [2, 100] })}`).expect(200);
    expect(rest.body).toHaveLength(total - 2);
    expect(rest.headers['content-range']).toBe(`${resource} 2-${total - 1}/${total}`);

    const many = await t.http.get(`/api/${resource}${listQuery({ filter: { id: [ids[0], ids[2]] } })}`).expect(200);
    expect(many.body.map((record: { id: string }) => record.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(totalOf(many)).toBe(2);
  });

  it('takes a change sent as the record was read, ignoring the fields only the API writes', async () => {
    const { body: created } = await t.http.post(`/api/${resource}`).send(variant(create(fixtures), 200)).expect(201);
    const { body: read } = await t.http.get(`/api/${resource}/${created.id}`).expect(200);
    const { body: changed } = await t.http.put(`/api/${resource}/${created.id}`).send({ ...read, ...update, createdAt: '2000-01-01T00:00:00.000Z' }).expect(200);
    expect(changed).toMatchObject({ ...update, id: created.id, createdAt: read.createdAt, version: read.version + 1 });
    // Still refused: a field the API does not have, and the id of another record.
    const unknown = await t.http.put(`/api/${resource}/${created.id}`).send({ ...changed, salary: 1 }).expect(400);
    expect(unknown.body.errors.salary).toMatch(/should not exist/);
    const other = await t.http.put(`/api/${resource}/${created.id}`).send({ ...changed, id: fixtures.person }).expect(400);
    expect(other.body.errors.id).toMatch(/record changed/);
  });

  it('sets the same fields on many records at once, all or none, each version going up', async () => {
    const records: { id: string; version: number }[] = [];
    for (let i = 0; i < 3; i++) records.push((await t.http.post(`/api/${resource}`).send(variant(create(fixtures), 300 + i)).expect(201)).body);
    const ids = records.map((record) => record.id);
    const { body: changed } = await t.http.patch(`/api/${resource}`).send({ ids, changes: update }).expect(200);
    expect([...changed].sort()).toEqual([...ids].sort());
    for (const record of records) {
      expect((await t.http.get(`/api/${resource}/${record.id}`)).body).toMatchObject({ ...update, version: record.version + 1 });
    }
    // An edit form opened before the bulk change is told someone changed the record.
    await t.http.put(`/api/${resource}/${ids[0]}`).send({ ...update, version: records[0].version }).expect(409);
    // One unknown id: nothing changes.
    const missing = '00000000-0000-4000-8000-000000000000';
    await t.http.patch(`/api/${resource}`).send({ ids: [ids[1], missing], changes: create(fixtures) }).expect(404);
    expect((await t.http.get(`/api/${resource}/${ids[1]}`)).body.version).toBe(records[1].version + 1);
    // What no change may carry: a version, an unknown field, an empty list.
    for (const body of [{ ids, changes: { ...update, version: 1 } }, { ids, changes: { salary: 1 } }, { ids: [], changes: update }, { ids }]) {
      await t.http.patch(`/api/${resource}`).send(body).expect(400);
    }
  });

  it('gives every record asked for by id, more than a page of them, as getMany asks (no range)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await t.http.post(`/api/${resource}`).send(variant(create(fixtures), 100 + i)).expect(201)).body.id);
    const many = await t.http.get(`/api/${resource}${listQuery({ filter: { id: ids } })}`).expect(200);
    expect(many.body.map((record: { id: string }) => record.id).sort()).toEqual([...ids].sort());
    expect(many.headers['content-range']).toBe(`${resource} 0-29/30`);
  });

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    await t.http.get(`/api/${resource}/00000000-0000-4000-8000-000000000000`).expect(404);
    await t.http.put(`/api/${resource}/00000000-0000-4000-8000-000000000000`).send({ ...update, version: 1 }).expect(404);
    await t.http.delete(`/api/${resource}/00000000-0000-4000-8000-000000000000`).expect(404);
    await t.http.get(`/api/${resource}/not-an-id`).expect(400);
  });

  it('refuses unknown fields and sorts on fields that do not exist, naming them', async () => {
    const unknown = await t.http.post(`/api/${resource}`).send({ ...create(fixtures), salary: 1 }).expect(400);
    expect(unknown.body.errors).toEqual({ salary: 'property salary should not exist' });

    const badSort = await t.http.get(`/api/${resource}${listQuery({ sort: ['password', 'ASC'] })}`).expect(400);
    expect(badSort.body.errors.sort).toMatch(/cannot sort on "password"/);
    const badFilter = await t.http.get(`/api/${resource}${listQuery({ filter: { nope: 1 } })}`).expect(400);
    expect(badFilter.body.errors['filter.nope']).toMatch(/is not a filter/);
    const badRange = await t.http.get(`/api/${resource}?range=[5,1]`).expect(400);
    expect(badRange.body.errors.range).toBeDefined();
  });
});

interface Fixtures {
  person: string;
  from: string;
  to: string;
  source: string;
}

async function createFixtures(t: TestApp): Promise<Fixtures> {
  const post = async (resource: string, body: object) => (await t.http.post(`/api/${resource}`).send(body).expect(201)).body.id;
  return {
    person: await post('people', { name: 'Fixture Person' }),
    from: await post('organizations', { name: 'Meta FAIR', sector: 'big_tech' }),
    to: await post('organizations', { name: 'Kyutai Fixture', sector: 'private_lab' }),
    source: await post('sources', { url: 'https://example.org/fixture' }),
  };
}

/** The i-th variant of a create payload: unique where the resource needs uniqueness. */
function variant(body: Record<string, unknown>, i: number): Record<string, unknown> {
  const copy = { ...body };
  if (typeof copy.name === 'string') copy.name = `${copy.name} ${i}`;
  if (typeof copy.url === 'string') copy.url = `${copy.url}/${i}`;
  if ('orcid' in copy) delete copy.orcid;
  if (typeof copy.count === 'number') copy.count += i;
  // The same move again is a duplicate: another year makes it another move.
  if (typeof copy.effectiveOn === 'string') copy.effectiveOn = `${1800 + i}${copy.effectiveOn.slice(4)}`;
  return copy;
}
