import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CountedMoves } from './support/counted-moves';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Two API processes on one database, each with its own copy of the moves (as two Nest apps here,
 * each with its own DuckDB and its own pool): a write through either shows in the next answer of
 * both.
 */
describe('analytics across API processes', () => {
  let first: TestApp;
  let second: TestApp;
  const ids: Record<string, string> = {};

  const post = async (t: TestApp, resource: string, body: object) => (await t.http.post(`/api/${resource}`).send(body).expect(201)).body.id as string;
  const get = async (t: TestApp, path: string, query: Record<string, string> = {}) =>
    (await t.as('viewer' as never).get(`/api/analytics/${path}?${new URLSearchParams(query)}`).expect(200)).body;
  const links = async (t: TestApp, query: Record<string, string>) => {
    const flows = await get(t, 'flows', query);
    return flows.links.map((l: { source: number; target: number; value: number }) => `${flows.nodes[l.source].name} → ${flows.nodes[l.target].name}: ${l.value}`).sort();
  };
  const move = (t: TestApp, person: string, from: string, to: string, effectiveOn = '2024-05-02') =>
    post(t, 'moves', { personId: ids[person], fromOrganizationId: ids[from], toOrganizationId: ids[to], status: 'confirmed', roleCategory: 'researcher', effectiveOn, datePrecision: 'day' });

  beforeAll(async () => {
    first = await createTestApp();
    ids.inria = await post(first, 'organizations', { name: 'Inria', sector: 'public_research', country: 'FR' });
    ids.kyutai = await post(first, 'organizations', { name: 'Kyutai', sector: 'private_lab', country: 'FR' });
    ids.meta = await post(first, 'organizations', { name: 'Meta', sector: 'big_tech', country: 'US' });
    ids.fair = await post(first, 'organizations', { name: 'Meta FAIR', sector: 'big_tech', country: 'FR', parentId: ids.meta });
    for (const name of ['A', 'B', 'C']) ids[name] = await post(first, 'people', { name, fields: ['vision'] });
    await move(first, 'A', 'inria', 'kyutai', '2023-11-17');
    await move(first, 'B', 'fair', 'kyutai', '2024-01-10');
    // Started on a database that has moves: it loads them before it answers.
    second = await createTestApp({ sharing: first });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('answers at once, from the moves already there, in a process started after them', async () => {
    const expected = ['Inria → Kyutai: 1', 'Meta FAIR → Kyutai: 1'];
    expect(await links(second, { level: 'organization' })).toEqual(expected);
    expect(await links(first, { level: 'organization' })).toEqual(expected);
  });

  it('shows a move written through one process in the next answer of the other, and forgets it when deleted', async () => {
    const id = await move(first, 'C', 'kyutai', 'meta');
    expect(await links(second, { level: 'organization' })).toContain('Kyutai → Meta: 1');
    await second.http.delete(`/api/moves/${id}`).expect(200);
    expect(await links(first, { level: 'organization' })).not.toContain('Kyutai → Meta: 1');
    expect(await links(second, { level: 'organization' })).not.toContain('Kyutai → Meta: 1');
  });

  it('follows a change of an organisation’s sector or parent, or of a person’s fields, made through the other process', async () => {
    const version = async (resource: string, id: string) => (await first.http.get(`/api/${resource}/${id}`).expect(200)).body.version;
    await first.http.put(`/api/organizations/${ids.inria}`).send({ sector: 'university', version: await version('organizations', ids.inria) }).expect(200);
    expect(await links(second, { level: 'sector' })).toContain('university → private_lab: 1');
    await first.http.put(`/api/organizations/${ids.fair}`).send({ parentId: null, version: await version('organizations', ids.fair) }).expect(200);
    expect(await links(second, { level: 'parent' })).toContain('Meta FAIR → Kyutai: 1');
    await second.http.put(`/api/organizations/${ids.fair}`).send({ parentId: ids.meta, version: await version('organizations', ids.fair) }).expect(200);
    expect(await links(first, { level: 'parent' })).toContain('Meta → Kyutai: 1');
    await second.http.put(`/api/people/${ids.A}`).send({ fields: ['speech'], version: await version('people', ids.A) }).expect(200);
    expect(await links(first, { level: 'organization', fields: 'speech' })).toEqual(['Inria → Kyutai: 1']);
    const renamed = { name: 'Kyutai Labs', version: await version('organizations', ids.kyutai) };
    await first.http.put(`/api/organizations/${ids.kyutai}`).send(renamed).expect(200);
    expect(await links(second, { level: 'organization', fields: 'speech' })).toEqual(['Inria → Kyutai Labs: 1']);
  });

  it('stays exact under writes through both processes at once, answered while they land', async () => {
    const writes = Array.from({ length: 24 }, (_, i) => {
      const through = i % 2 ? first : second;
      const [from, to] = i % 3 ? ['inria', 'kyutai'] : ['kyutai', 'fair'];
      return move(through, ['A', 'B', 'C'][i % 3], from, to, `2022-0${1 + (i % 9)}-${String(1 + i).padStart(2, '0')}`);
    });
    const reads = Array.from({ length: 8 }, (_, i) => get(i % 2 ? first : second, 'net-flows', { level: 'organization' }));
    await Promise.all([...writes, ...reads]);
    const counted = (await CountedMoves.read(first.app.get(DataSource))).netFlows({ level: 'organization' });
    expect(await get(first, 'net-flows', { level: 'organization' })).toEqual(counted);
    expect(await get(second, 'net-flows', { level: 'organization' })).toEqual(counted);
  });

  it('downloads the moves behind the filters as Parquet, each with both ends named', async () => {
    const response = await second
      .as('viewer' as never)
      .get('/api/analytics/moves.parquet?sectors=big_tech&from=2022-01-01')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename=".+\.parquet"/);
    const directory = await mkdtemp(join(tmpdir(), 'talentflow-parquet-'));
    const file = join(directory, 'moves.parquet');
    await writeFile(file, response.body as Buffer);
    const duckdb = await DuckDBInstance.create(':memory:');
    const connection = await duckdb.connect();
    try {
      const rows = (await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}') ORDER BY effective_on`)).getRowObjectsJson();
      // The moves from or to a big tech organisation since 2022: those of Meta FAIR.
      const counted = (await CountedMoves.read(first.app.get(DataSource))).flows({ level: 'organization', sectors: 'big_tech', from: '2022-01-01' });
      expect(rows.length).toBe(counted.reduce((total, link) => total + Number(link.split(': ')[1]), 0));
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.keys(rows[0])).toEqual(
        expect.arrayContaining(['move_id', 'person_id', 'effective_on', 'status', 'from_organization', 'from_parent', 'to_organization', 'to_country', 'fields']),
      );
    } finally {
      connection.closeSync();
      duckdb.closeSync();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
