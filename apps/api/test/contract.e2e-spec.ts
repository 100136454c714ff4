import type { AddressInfo } from 'node:net';
import { fetchUtils } from 'ra-core';
import simpleRestProvider from 'ra-data-simple-rest';
import { createTestApp, emailOf, TEST_PASSWORD, TestApp } from './support/test-app';
import { Role } from '@talentflow/domain';

/**
 * The API driven by react-admin's own `ra-data-simple-rest`, the package the web app uses, from Node
 * with the session cookie: every method of a data provider against the documented answers.
 */
describe('the simple REST contract, as ra-data-simple-rest speaks it', () => {
  let t: TestApp;
  let provider: ReturnType<typeof simpleRestProvider>;

  beforeAll(async () => {
    t = await createTestApp();
    const server = await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: emailOf(Role.Editor), password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    provider = simpleRestProvider(`${base}/api`, (url, options = {}) => {
      const headers = new Headers(options.headers as HeadersInit | undefined);
      headers.set('Cookie', cookie);
      return fetchUtils.fetchJson(url, { ...options, headers });
    });
  });
  afterAll(() => t.close());

  const organization = (i: number) => ({ name: `Contract lab ${String(i).padStart(2, '0')}`, sector: 'private_lab', country: 'FR' });

  it('creates, lists with sort, filter and range, reads one, and many by id past a page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await provider.create('organizations', { data: organization(i) })).data.id as string);

    const page = await provider.getList('organizations', {
      sort: { field: 'name', order: 'DESC' },
      pagination: { page: 2, perPage: 10 },
      filter: { q: 'contract lab', country: 'FR' },
    });
    expect(page.total).toBe(40);
    expect(page.data.map((record) => record.name)).toEqual(Array.from({ length: 10 }, (_, i) => organization(29 - i).name));

    expect((await provider.getOne('organizations', { id: ids[7] })).data).toMatchObject({ id: ids[7], ...organization(7) });

    const many = await provider.getMany('organizations', { ids: ids.slice(0, 35) });
    expect(many.data.map((record) => record.id).sort()).toEqual(ids.slice(0, 35).sort());
  });

  it('reads the records that point at one (getManyReference), with their total', async () => {
    const { data: parent } = await provider.create('organizations', { data: { name: 'Contract parent', sector: 'big_tech' } });
    for (let i = 0; i < 3; i++) await provider.create('organizations', { data: { name: `Contract child ${i}`, sector: 'big_tech', parentId: parent.id } });
    const children = await provider.getManyReference('organizations', {
      target: 'parentId',
      id: parent.id,
      sort: { field: 'name', order: 'ASC' },
      pagination: { page: 1, perPage: 2 },
      filter: {},
    });
    expect(children.total).toBe(3);
    expect(children.data.map((record) => record.name)).toEqual(['Contract child 0', 'Contract child 1']);
  });

  it('updates from the record as read, and refuses a stale one with 409', async () => {
    const { data: created } = await provider.create('people', { data: { name: 'Contract Person' } });
    const { data: read } = await provider.getOne('people', { id: created.id });
    const { data: updated } = await provider.update('people', { id: read.id, data: { ...read, notes: 'as read' }, previousData: read });
    expect(updated).toMatchObject({ id: read.id, notes: 'as read', version: read.version + 1 });
    await expect(provider.update('people', { id: read.id, data: { ...read, notes: 'stale' }, previousData: read })).rejects.toMatchObject({ status: 409 });
  });

  it('updates many records at different versions at once, and deletes one and many', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await provider.create('organizations', { data: { name: `Contract bulk ${i}`, sector: 'startup' } })).data.id as string);
    await provider.update('organizations', { id: ids[1], data: { city: 'Lyon' }, previousData: { id: ids[1] } });
    const versions = (await provider.getMany('organizations', { ids })).data.map((record) => record.version);
    expect(new Set(versions).size).toBe(2);

    const { data: changed } = await provider.updateMany('organizations', { ids, data: { country: 'DE' } });
    expect([...(changed ?? [])].sort()).toEqual([...ids].sort());
    const after = (await provider.getMany('organizations', { ids })).data;
    expect(after.map((record) => record.country)).toEqual(['DE', 'DE', 'DE']);
    expect(after.find((record) => record.id === ids[1])?.city).toBe('Lyon');

    expect((await provider.delete('organizations', { id: ids[0], previousData: { id: ids[0] } })).data.id).toBe(ids[0]);
    expect((await provider.deleteMany('organizations', { ids: ids.slice(1) })).data?.sort()).toEqual(ids.slice(1).sort());
    expect((await provider.getMany('organizations', { ids })).data).toEqual([]);
  });

  it('rejects what the API refuses with the status and the field errors react-admin shows', async () => {
    await expect(provider.create('organizations', { data: { name: 'No sector' } })).rejects.toMatchObject({
      status: 400,
      body: { errors: { sector: expect.stringMatching(/must be one of/) } },
    });
    await expect(provider.getOne('organizations', { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ status: 404 });
  });
});
