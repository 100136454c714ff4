import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createTestApp, listQuery, TestApp, totalOf } from './support/test-app';

// The shared data beside the project (../shared/data), or where SHARED_DATA_DIR says.
const ROR = join(process.env.SHARED_DATA_DIR ?? join(__dirname, '../../../../shared/data'), 'ror');
const FRANCE = readFileSync(join(ROR, 'ror-v2-fr-plus-targets.json'));
const V1 = readFileSync(join(ROR, 'ror-v1-legacy-meta-us-and-escp.json'));
const INRIA = '02kvxyf05';
const CNRS = '02feahw73';

/** The shared French cut of ROR, imported as organisations through `POST /api/imports/ror`. */
describe('ROR registry import', () => {
  let t: TestApp;
  let sql: Client;
  let handMadeInria: string;
  const count = async (query: string, params: unknown[] = []) => Number((await sql.query(query, params)).rows[0].count);
  const upload = (file: Buffer, fields: Record<string, string> = {}, name = 'ror-v2-fr-plus-targets.json') => {
    const post = t.http.post('/api/imports/ror').attach('file', file, name);
    for (const [field, value] of Object.entries(fields)) post.field(field, value);
    return post;
  };
  const organizations = async (filter: object) => totalOf(await t.http.get(`/api/organizations${listQuery({ filter, range: [0, 0] })}`).expect(200));
  const byRor = async (rorId: string) => (await t.http.get(`/api/organizations${listQuery({ filter: { rorId } })}`).expect(200)).body[0];

  beforeAll(async () => {
    t = await createTestApp();
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    // Entered by hand before the registry: the import must find it, not add a second Inria.
    handMadeInria = (await t.http.post('/api/organizations').send({ name: 'Inria', sector: 'public_research', country: 'FR' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('previews every record and writes nothing', async () => {
    const before = await count('SELECT count(*) FROM audit_entries');
    const { body } = await upload(FRANCE, { dryRun: 'true' }).expect(200);
    expect(body).toMatchObject({ dryRun: true, importId: null, totals: { created: 3977, updated: 1, unchanged: 0, skipped: 0, ambiguous: 0 } });
    expect(body.rows).toHaveLength(3978);
    const inria = body.rows.find((row: { rorId: string }) => row.rorId === INRIA);
    expect(inria).toMatchObject({ action: 'update', match: { id: handMadeInria, name: 'Inria', by: 'name' } });
    expect(inria.changes.rorId).toEqual({ before: null, after: INRIA });
    expect(inria.changes.name).toBeUndefined(); // the registry knows it as INRIA: its name stays
    expect(await count('SELECT count(*) FROM organizations')).toBe(1);
    expect(await count('SELECT count(*) FROM imports')).toBe(0);
    expect(await count('SELECT count(*) FROM audit_entries')).toBe(before);
  });

  it('imports the file in one go: statuses, countries, parents and the links outside the file reported', async () => {
    const { body } = await upload(FRANCE).expect(201);
    expect(body.totals).toMatchObject({ created: 3977, updated: 1, unchanged: 0, skipped: 0 });
    expect(await organizations({})).toBe(3978);
    expect(await organizations({ rorStatus: 'active' })).toBe(3732);
    expect(await organizations({ rorStatus: 'inactive' })).toBe(227);
    expect(await organizations({ rorStatus: 'withdrawn' })).toBe(19);
    // 3,970 records have a location in France; one lists Bucharest first, and an organisation has one country.
    expect(await organizations({ country: 'FR' })).toBe(3969);
    expect((await byRor('0522sfr70')).country).toBe('RO');
    expect(await organizations({ importId: body.importId })).toBe(3977);

    const inria = await byRor(INRIA);
    expect(inria).toMatchObject({ id: handMadeInria, name: 'Inria', sector: 'public_research', city: 'Le Chesnay-Rocquencourt', rorStatus: 'active' });
    expect(inria.aliases).toContain('Institut national de recherche en sciences et technologies du numérique');
    const cnrs = await byRor(CNRS);
    expect(cnrs).toMatchObject({ name: 'Centre National de la Recherche Scientifique', sector: 'government', country: 'FR', wikidataId: 'Q280413' });

    // Every link the file states between its records is kept; those to records outside it are reported.
    const children = async (id: string) =>
      (await t.http.get(`/api/organizations/${id}/relations`).expect(200)).body.filter((r: { type: string }) => r.type === 'child');
    expect(await children(inria.id)).toHaveLength(44);
    expect(await children(cnrs.id)).toHaveLength(993);
    const outside = (rorId: string) => body.rows.find((row: { rorId: string }) => row.rorId === rorId).linksOutside.filter((l: string) => l.startsWith('child '));
    expect(outside(INRIA)).toHaveLength(1);
    expect(outside(CNRS)).toHaveLength(26);
    expect(body.totals.linksOutside).toBe(1021);
    // For the dashboards' roll-ups, a joint unit of CNRS and others sits under CNRS, the broadest.
    expect(await organizations({ parentId: cnrs.id })).toBeGreaterThan(900);

    const [imported] = (await t.http.get('/api/imports').expect(200)).body;
    expect(imported).toMatchObject({ kind: 'ror', fileName: 'ror-v2-fr-plus-targets.json', userEmail: 'admin@test.talentflow.org' });
    expect(imported.fileSha256).toBe('f1007dabde6663fc3c2b51931cd443193fae4d0a45edf25c14d5d82b98431a0e');
  });

  it('changes nothing when the same file comes again, gzipped or not', async () => {
    const audit = await count(`SELECT count(*) FROM audit_entries WHERE resource = 'organizations'`);
    const stamp = (await sql.query('SELECT max(updated_at) AS at, sum(version) AS versions FROM organizations')).rows[0];
    const { body } = await upload(gzipSync(FRANCE), {}, 'ror.json.gz').expect(201);
    expect(body.totals).toMatchObject({ created: 0, updated: 0, unchanged: 3978, skipped: 0 });
    expect(await organizations({})).toBe(3978);
    expect(await count(`SELECT count(*) FROM audit_entries WHERE resource = 'organizations'`)).toBe(audit);
    expect((await sql.query('SELECT max(updated_at) AS at, sum(version) AS versions FROM organizations')).rows[0]).toEqual(stamp);
  });

  it('updates from a newer file what changed, and the audit log says what', async () => {
    const records = JSON.parse(FRANCE.toString());
    const cnrs = records.find((r: { id: string }) => r.id.endsWith(CNRS));
    cnrs.locations[0].geonames_details.name = 'Paris 16e';
    cnrs.status = 'inactive';
    const { body } = await upload(Buffer.from(JSON.stringify(records))).expect(201);
    expect(body.totals).toMatchObject({ created: 0, updated: 1, unchanged: 3977 });
    const after = await byRor(CNRS);
    expect(after).toMatchObject({ city: 'Paris 16e', rorStatus: 'inactive', version: 2 });
    const [entry] = (await t.http.get(`/api/audit-entries${listQuery({ filter: { resource: 'organizations', recordId: after.id } })}`).expect(200)).body;
    expect(entry).toMatchObject({ action: 'update', userEmail: 'admin@test.talentflow.org' });
    expect(entry.changes).toEqual({ city: { before: 'Paris', after: 'Paris 16e' }, rorStatus: { before: 'active', after: 'inactive' } });
  });

  it('refuses a schema v1 file, a file that is not a dump, and anyone but an admin', async () => {
    const v1 = await upload(V1, { dryRun: 'true' }).expect(400);
    expect(v1.body.errors.file).toMatch(/schema v1/);
    expect((await upload(Buffer.from('{"not": "a dump"}')).expect(400)).body.errors.file).toMatch(/JSON array/);
    expect((await upload(Buffer.from('[{"id": 1}]')).expect(400)).body.errors.file).toMatch(/record 1 is not a ROR schema v2 record/);
    expect((await t.http.post('/api/imports/ror').field('dryRun', 'true').expect(400)).body.errors.file).toBe('is required');
    expect((await upload(FRANCE, { dryRun: 'maybe' }).expect(400)).body.errors.dryRun).toMatch(/true or false/);
    expect((await upload(FRANCE, { sectors: '{"company":"bank"}' }).expect(400)).body.errors.sectors).toMatch(/sectors must map/);
    await t.as('editor' as never).post('/api/imports/ror').attach('file', FRANCE, 'ror.json').expect(403);
    await t.as('viewer' as never).get('/api/imports').expect(403);
  });

  it('asks, rather than guesses, when a record could be several organisations, and takes the answer', async () => {
    const records = [
      {
        id: 'https://ror.org/00abcde12',
        status: 'active',
        types: ['company'],
        names: [{ value: 'Kyutai', types: ['ror_display', 'label'], lang: null }],
        locations: [{ geonames_details: { country_code: 'FR', name: 'Paris' } }],
      },
    ];
    const first = (await t.http.post('/api/organizations').send({ name: 'Kyutai', sector: 'private_lab' }).expect(201)).body.id;
    await t.http.post('/api/organizations').send({ name: 'KYUTAI', sector: 'private_lab', country: 'FR' }).expect(201);
    const file = Buffer.from(JSON.stringify(records));
    const preview = (await upload(file, { dryRun: 'true' }).expect(200)).body;
    expect(preview.rows[0]).toMatchObject({ action: 'ambiguous' });
    expect(preview.rows[0].candidates).toHaveLength(2);
    expect((await upload(file).expect(400)).body.errors.matches).toMatch(/choose each in matches/);
    expect(await count(`SELECT count(*) FROM organizations WHERE ror_id = '00abcde12'`)).toBe(0);

    const { body } = await upload(file, { matches: JSON.stringify({ '00abcde12': first }), sectors: '{"company":"startup"}' }).expect(201);
    expect(body.rows[0]).toMatchObject({ action: 'update', match: { id: first, by: 'chosen' } });
    expect(await byRor('00abcde12')).toMatchObject({ id: first, sector: 'private_lab', country: 'FR', city: 'Paris' });
  });
});
