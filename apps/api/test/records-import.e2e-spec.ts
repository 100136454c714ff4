import { Client } from 'pg';
import { createTestApp, listQuery, TestApp } from './support/test-app';

/**
 * Spreadsheets of organisations, people, sources, headcount targets and observed headcounts, one
 * record per row, through `POST /api/imports/{kind}`: each row checked as a create request is,
 * found among stored records or created, previewed, then written all at once or not at all.
 */
describe('records import', () => {
  let t: TestApp;
  let sql: Client;
  const ids: Record<string, string> = {};
  const upload = (kind: string, csv: string, fields: Record<string, string> = {}, as = t.as('editor' as never)) => {
    const post = as.post(`/api/imports/${kind}`).attach('file', Buffer.from(csv), `${kind}.csv`);
    for (const [field, value] of Object.entries(fields)) post.field(field, value);
    return post;
  };
  const post = async (resource: string, body: object) => (await t.http.post(`/api/${resource}`).send(body).expect(201)).body.id as string;
  const get = async (resource: string, id: string) => (await t.http.get(`/api/${resource}/${id}`).expect(200)).body;
  const list = async (resource: string, filter: object) => (await t.http.get(`/api/${resource}${listQuery({ filter })}`).expect(200)).body;
  const count = async (table: string) => (await sql.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    ids.inria = await post('organizations', { name: 'Inria', sector: 'public_research', country: 'FR', rorId: '02kvxyf05' });
    ids.kyutai = await post('organizations', { name: 'Kyutai', sector: 'private_lab', country: 'FR' });
    ids.artefact = await post('organizations', { name: 'Artefact Research Center', sector: 'private_lab' });
    ids.jegou = await post('people', { name: 'Hervé Jégou' });
    ids.twin1 = await post('people', { name: 'Camille Martin' });
    ids.twin2 = await post('people', { name: 'Camille Martin' });
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('imports organisations: new ones, parents in the file or stored, and what a stored one lacks filled in', async () => {
    const csv =
      'Nom;Sigles;Secteur;Pays;Ville;Site web;Fondation;ROR;Tutelle\n' +
      'Inria Paris;;public_research;France;Paris;https://www.inria.fr/fr/centre-inria-de-paris;2008;;02kvxyf05\n' +
      'Équipe Willow;WILLOW|Willow team;public_research;FR;Paris;;;;Inria Paris\n' +
      'KYUTAI;;private_lab;fr;Paris;https://kyutai.org;2023-11;;\n' +
      'Inria Paris;;public_research;FR;;;;;\n' +
      'Broken Lab;;a lab;Atlantis;;not a site;;;\n';
    const preview = (await upload('organizations', csv, { dryRun: 'true' }).expect(200)).body;
    expect(preview.columns.map((c: { column: string }) => c.column)).toEqual(['name', 'aliases', 'sector', 'country', 'city', 'website', 'foundedOn', 'rorId', 'parent']);
    const [paris, willow, kyutai, again, broken] = preview.rows;
    expect(paris).toMatchObject({ row: 2, action: 'create', name: 'Inria Paris', record: { by: 'new' } });
    expect(willow).toMatchObject({ row: 3, action: 'create' });
    expect(kyutai).toMatchObject({
      action: 'update',
      record: { id: ids.kyutai, by: 'name' },
      changes: { city: { before: null, after: 'Paris' }, website: { after: 'https://kyutai.org' }, foundedOn: { after: '2023-11-01' } },
    });
    expect(again).toMatchObject({ action: 'skip', duplicateOf: 'row 2' });
    expect(broken.action).toBe('error');
    expect(Object.keys(broken.errors).sort()).toEqual(['country', 'sector']);
    expect(preview.totals).toMatchObject({ created: 2, updated: 1, skipped: 1, errors: 1 });
    const before = await count('organizations');

    // One row in error: nothing at all is written.
    expect((await upload('organizations', csv).expect(400)).body.message).toMatch(/1 rows cannot be imported as they are \(first: row 6/);
    expect(await count('organizations')).toBe(before);

    const lines = csv.split('\n');
    const { body } = await upload('organizations', lines.slice(0, 5).join('\n')).expect(201);
    expect(body.totals).toMatchObject({ created: 2, updated: 1, skipped: 1 });
    const created = await list('organizations', { importId: body.importId });
    const parisId = created.find((o: { name: string }) => o.name === 'Inria Paris').id;
    expect(created.find((o: { name: string }) => o.name === 'Équipe Willow')).toMatchObject({ aliases: ['WILLOW', 'Willow team'], parentId: parisId, country: 'FR' });
    expect(await get('organizations', parisId)).toMatchObject({ parentId: ids.inria, foundedOn: '2008-01-01', website: 'https://www.inria.fr/fr/centre-inria-de-paris' });
    expect(await get('organizations', ids.kyutai)).toMatchObject({ name: 'Kyutai', city: 'Paris', version: 2 });
    const audit = await list('audit-entries', { recordId: ids.kyutai });
    expect(audit[0]).toMatchObject({ action: 'update', changes: { city: { before: null, after: 'Paris' } } });

    // The same file again: every row is a repeat.
    const twice = (await upload('organizations', lines.slice(0, 5).join('\n')).expect(201)).body;
    expect(twice.totals).toMatchObject({ created: 0, updated: 0, skipped: 4 });
  });

  it('imports people: identifiers filled in on the person they name, namesakes asked, checked as a form checks them', async () => {
    const csv =
      'Name,ORCID,Google Scholar,Fields\n' +
      'Hervé Jégou,https://orcid.org/0000-0002-1825-0097,https://scholar.google.com/citations?user=8ObLPWEAAAAJ&hl=en,computer vision;machine learning\n' +
      'Camille Martin,,,\n' +
      'Nouvelle Personne,0000-0001-5109-3700,,\n' +
      'Bad Checksum,0000-0002-1825-0096,,\n';
    const preview = (await upload('people', csv, { dryRun: 'true' }).expect(200)).body;
    const [jegou, camille, nouvelle, bad] = preview.rows;
    expect(jegou).toMatchObject({
      action: 'update',
      record: { id: ids.jegou, by: 'name' },
      changes: { orcid: { before: null, after: '0000-0002-1825-0097' }, googleScholarId: { after: '8ObLPWEAAAAJ' }, fields: { after: ['computer vision', 'machine learning'] } },
    });
    expect(camille).toMatchObject({ action: 'ambiguous', ask: [{ key: 'person:Camille Martin' }] });
    expect(camille.ask[0].candidates.map((c: { id: string }) => c.id).sort()).toEqual([ids.twin1, ids.twin2].sort());
    expect(nouvelle).toMatchObject({ action: 'create' });
    expect(bad).toMatchObject({ action: 'error', errors: { orcid: expect.stringMatching(/ORCID/i) } });

    const good = csv.split('\n').slice(0, 4).join('\n');
    const { body } = await upload('people', good, { matches: JSON.stringify({ 'person:Camille Martin': ids.twin2 }) }).expect(201);
    expect(body.totals).toMatchObject({ created: 1, updated: 1, skipped: 1 });
    expect(await get('people', ids.jegou)).toMatchObject({ orcid: '0000-0002-1825-0097', googleScholarId: '8ObLPWEAAAAJ' });
    // Found by its identifier now, whatever the name says.
    const byOrcid = (await upload('people', 'Name,ORCID\nH. Jegou,0000-0002-1825-0097\n', { dryRun: 'true' }).expect(200)).body.rows[0];
    expect(byOrcid).toMatchObject({ action: 'skip', record: { id: ids.jegou, by: 'identifier' }, duplicateOf: ids.jegou });
  });

  it('imports sources by address, the same address written two ways being one source', async () => {
    const csv = 'URL,Title,Publisher,Published\nhttps://kyutai.org/news/,Kyutai launch,Kyutai,2023-11-17\nhttps://KYUTAI.org/news,Again,,\n';
    const { body } = await upload('sources', csv).expect(201);
    expect(body.totals).toMatchObject({ created: 1, skipped: 1 });
    expect(body.rows[1]).toMatchObject({ action: 'skip', duplicateOf: 'row 2' });
    expect(await list('sources', { importId: body.importId })).toMatchObject([{ url: 'https://kyutai.org/news', title: 'Kyutai launch', publishedOn: '2023-11-17' }]);
  });

  it('imports headcount targets and observations, by organisation name, with their sources, and undoes them', async () => {
    const targets =
      'Organisation,Population,Objectif,Échéance,Source\n' +
      'Kyutai,chercheurs,40-50,2025,https://example.org/kyutai-target\n' +
      'Artefact Research Center,researchers,about 30,2025-06,\n' +
      'Kyutaï Labs,researchers,10,,\n';
    const preview = (await upload('headcount-targets', targets, { dryRun: 'true' }).expect(200)).body;
    expect(preview.rows[0]).toMatchObject({ action: 'create', name: 'Kyutai: 40–50 researchers by 2025-12-31' });
    expect(preview.rows[1]).toMatchObject({ action: 'create', name: 'Artefact Research Center: 30 researchers by 2025-06-30' });
    expect(preview.rows[2]).toMatchObject({ action: 'error', errors: { organization: expect.stringContaining(`Kyutai (${ids.kyutai})`) } });
    expect(preview.rows[2].suggest).toEqual([{ key: 'organization:Kyutaï Labs', candidates: expect.arrayContaining([{ id: ids.kyutai, name: 'Kyutai' }]) }]);
    // A suggestion chosen: the row is that organisation's.
    const chosen = (await upload('headcount-targets', targets, { dryRun: 'true', matches: JSON.stringify({ 'organization:Kyutaï Labs': ids.kyutai }) }).expect(200)).body;
    expect(chosen.rows[2]).toMatchObject({ action: 'create', name: 'Kyutai: 10 researchers' });

    const { body } = await upload('headcount-targets', targets.split('\n').slice(0, 3).join('\n')).expect(201);
    expect(body.totals).toMatchObject({ created: 2, sourcesCreated: 1 });
    const stored = await list('headcount-targets', { importId: body.importId });
    const kyutai = stored.find((target: { organizationId: string }) => target.organizationId === ids.kyutai);
    expect(kyutai).toMatchObject({ low: 40, high: 50, population: 'researchers', dueBy: '2025-12-31' });
    const [source] = await list('sources', { importId: body.importId });
    expect(source).toMatchObject({ url: 'https://example.org/kyutai-target' });
    expect(kyutai.sourceIds).toEqual([source.id]);

    const observations = 'Lab,Date,Effectif\nKyutai,2024-06-01,25\nKyutai,2024-12-01,32\n';
    const observed = (await upload('headcount-observations', observations).expect(201)).body;
    expect(observed.totals).toMatchObject({ created: 2 });
    const differing = (await upload('headcount-observations', 'Lab,Date,Effectif\nKyutai,2024-06-01,26\n', { dryRun: 'true' }).expect(200)).body.rows[0];
    expect(differing).toMatchObject({ action: 'skip', kept: { count: '25 (the file says 26)' } });
    const series = (await t.http.get(`/api/analytics/headcount?organizationIds=${ids.kyutai}&population=researchers`).expect(200)).body;
    expect(JSON.stringify(series)).toContain('32');

    // Undo (admins): the targets and the source they created go, as a delete does.
    await t.as('editor' as never).delete(`/api/imports/${body.importId}`).expect(403);
    await t.http.delete(`/api/imports/${body.importId}`).expect(200);
    expect(await list('headcount-targets', { importId: body.importId })).toEqual([]);
    expect(await list('sources', { importId: body.importId })).toEqual([]);
  });

  it('lets editors import and viewers not, and knows what it imports', async () => {
    await upload('people', 'Name\nA Viewer Try\n', { dryRun: 'true' }, t.as('viewer' as never)).expect(403);
    expect((await upload('planets', 'Name\nMars\n', { dryRun: 'true' }).expect(404)).body.message).toMatch(/Nothing imports "planets"/);
    expect((await upload('people', 'Who\nSomeone\n', { dryRun: 'true' }).expect(200)).body.rows[0].errors.name).toMatch(/no column of the file is read as name/);
    expect((await upload('people', 'Who\nSomeone\n', { dryRun: 'true', columns: '{"Who":"count"}' }).expect(400)).body.errors['columns.Who']).toMatch(/must be one of/);
  });
});
