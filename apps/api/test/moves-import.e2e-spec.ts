import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestApp, listQuery, TestApp } from './support/test-app';

/**
 * A spreadsheet of moves through `POST /api/imports/moves`: its quirks read, its people,
 * organisations and sources found or created, previewed, then written all at once or not at all.
 */
describe('moves import', () => {
  let t: TestApp;
  let sql: Client;
  const ids: Record<string, string> = {};
  const counts = async () =>
    (
      await sql.query(
        `SELECT (SELECT count(*) FROM moves)::int AS moves, (SELECT count(*) FROM people)::int AS people,
                (SELECT count(*) FROM organizations)::int AS organizations, (SELECT count(*) FROM sources)::int AS sources,
                (SELECT count(*) FROM audit_entries)::int AS audit, (SELECT count(*) FROM imports)::int AS imports`,
      )
    ).rows[0];
  const upload = (csv: string, fields: Record<string, string> = {}, as = t.as('editor' as never)) => {
    const post = as.post('/api/imports/moves').attach('file', Buffer.from(csv), 'moves.csv');
    for (const [field, value] of Object.entries(fields)) post.field(field, value);
    return post;
  };
  const post = async (resource: string, body: object) => (await t.http.post(`/api/${resource}`).send(body).expect(201)).body.id as string;

  // A BOM, CRLF and LF mixed, quotes inside a bare field, padding spaces, a country as "uk" and as
  // "United Kingdom", a status and a category in French, the same source written two ways.
  const GOOD =
    '\uFEFFName,ORCID,From,To,To sector,To country,Date,Role,Category,Status,Source,Notes\r\n' +
    'Herve Jegou,,Meta FAIR,Kyutai,,,2023,Chief Scientist,leadership,confirmed,https://kyutai.org/,already there\n' +
    'Jean "JJ" Dupont ,,Inria,DeepMind London,big_tech,uk,2024-03,Research scientist,researcher,announced,https://example.org/news/1,\r\n' +
    'Jean "JJ" Dupont,,Inria,DeepMind London,big_tech,United Kingdom,2024-03-15,,researcher,announced,,the same move again\n' +
    '\n' +
    'Alice Martin,0000-0001-5109-3700,INRIA,Mistral AI,startup,FR,17/11/2024,Engineer,ingénieur,rumeur,https://EXAMPLE.org/news/1/,\n';
  const BAD = 'Bob,,Inria,Nowhere Lab,,,2024,,,,,\nCarol,,Inria,Kyutai,,,2024-13,,,,,\n';

  beforeAll(async () => {
    t = await createTestApp();
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    ids.inria = await post('organizations', { name: 'Inria', aliases: ['Institut national de recherche en informatique'], sector: 'public_research', country: 'FR' });
    ids.fair = await post('organizations', { name: 'Meta FAIR', sector: 'big_tech', country: 'FR' });
    ids.kyutai = await post('organizations', { name: 'Kyutai', sector: 'private_lab', country: 'FR' });
    ids.nowhereish = await post('organizations', { name: 'Nowhere Laboratory', sector: 'startup' });
    ids.jegou = await post('people', { name: 'Hervé Jégou', orcid: '0000-0002-1825-0097' });
    ids.stored = await post('moves', {
      personId: ids.jegou,
      fromOrganizationId: ids.fair,
      toOrganizationId: ids.kyutai,
      effectiveOn: '2023-11-01',
      datePrecision: 'month',
      status: 'confirmed',
      roleCategory: 'leadership',
    });
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('previews each row, with what it would do and why, and writes nothing', async () => {
    const before = await counts();
    const { body } = await upload(GOOD + BAD, { dryRun: 'true' }).expect(200);
    expect(body.columns.map((c: { column: string }) => c.column)).toEqual([
      'person', 'orcid', 'from', 'to', 'toSector', 'toCountry', 'date', 'role', 'roleCategory', 'status', 'sourceUrl', 'notes',
    ]);
    const [stored, jean, again, alice, bob, carol] = body.rows;
    expect(stored).toMatchObject({ row: 2, action: 'skip', duplicateOf: ids.stored, person: { id: ids.jegou, by: 'name' } });
    expect(jean).toMatchObject({
      row: 3,
      action: 'create',
      person: { name: 'Jean "JJ" Dupont', by: 'new' },
      from: { id: ids.inria, by: 'name' },
      to: { name: 'DeepMind London', by: 'new' },
      source: { by: 'new' },
    });
    expect(again).toMatchObject({ row: 4, action: 'skip', duplicateOf: 'row 3' });
    expect(alice).toMatchObject({ row: 6, action: 'create', from: { id: ids.inria, by: 'name' }, source: { id: jean.source.id } });
    expect(bob.action).toBe('error');
    expect(bob.errors.toSector).toMatch(/"Nowhere Lab" is not in Talentflow: give its sector.*Nowhere Laboratory/);
    expect(bob.suggest).toEqual([{ key: 'organization:Nowhere Lab', candidates: [{ id: ids.nowhereish, name: 'Nowhere Laboratory' }] }]);
    expect(carol).toMatchObject({ action: 'error', errors: { date: expect.stringMatching(/"2024-13" is not a date/) } });
    expect(body.totals).toMatchObject({ created: 2, skipped: 2, errors: 2, ambiguous: 0, organizationsCreated: 2, peopleCreated: 2, sourcesCreated: 1 });
    expect(await counts()).toEqual(before);
  });

  it('writes nothing at all when one row cannot be imported', async () => {
    const before = await counts();
    const { body } = await upload(GOOD + BAD).expect(400);
    expect(body.errors.file).toMatch(/2 rows cannot be imported.*row 7.*nothing was written/);
    expect(await counts()).toEqual(before);
  });

  it('imports the file in one transaction, and the dashboards count it at once', async () => {
    const before = await counts();
    const { body } = await upload(GOOD).expect(201);
    expect(body.totals).toMatchObject({ created: 2, skipped: 2, organizationsCreated: 2, peopleCreated: 2, sourcesCreated: 1 });
    expect(await counts()).toMatchObject({
      moves: before.moves + 2,
      people: before.people + 2,
      organizations: before.organizations + 2,
      sources: before.sources + 1,
      audit: before.audit + 1, // the import's entry; each record carries the import's id
      imports: before.imports + 1,
    });

    const [entry] = (await t.http.get(`/api/audit-entries${listQuery({ filter: { resource: 'imports', recordId: body.importId } })}`).expect(200)).body;
    expect(entry).toMatchObject({ action: 'create', userEmail: 'editor@test.talentflow.org' });
    expect(entry.changes).toMatchObject({ kind: { after: 'moves' }, fileName: { after: 'moves.csv' }, totals: { after: { created: 2, skipped: 2 } } });

    const moves = (await t.http.get(`/api/moves${listQuery({ filter: { importId: body.importId }, sort: ['effectiveOn', 'ASC'] })}`).expect(200)).body;
    expect(moves.map((m: Record<string, unknown>) => [m.effectiveOn, m.datePrecision, m.status, m.roleCategory, m.role])).toEqual([
      ['2024-03-01', 'month', 'announced', 'researcher', 'Research scientist'],
      ['2024-11-17', 'day', 'rumoured', 'engineer', 'Engineer'],
    ]);
    expect(moves[0].sourceIds).toEqual(moves[1].sourceIds);
    const deepmind = await t.http.get(`/api/organizations/${moves[0].toOrganizationId}`).expect(200);
    expect(deepmind.body).toMatchObject({ name: 'DeepMind London', sector: 'big_tech', country: 'GB', importId: body.importId });
    const alice = await t.http.get(`/api/people/${moves[1].personId}`).expect(200);
    expect(alice.body).toMatchObject({ name: 'Alice Martin', orcid: '0000-0001-5109-3700' });

    const flows = (await t.http.get('/api/analytics/flows?level=organization&statuses=announced,confirmed,rumoured').expect(200)).body;
    const links = flows.links.map((l: { source: number; target: number; value: number }) => `${flows.nodes[l.source].name} → ${flows.nodes[l.target].name}: ${l.value}`);
    expect(links).toEqual(expect.arrayContaining(['Inria → DeepMind London: 1', 'Inria → Mistral AI: 1', 'Meta FAIR → Kyutai: 1']));
  });

  it('creates nothing when the same file comes again', async () => {
    const before = await counts();
    const { body } = await upload(GOOD).expect(201);
    expect(body.totals).toMatchObject({ created: 0, skipped: 4, organizationsCreated: 0, peopleCreated: 0, sourcesCreated: 0 });
    expect(body.rows.map((r: { action: string; person: { by: string } }) => [r.action, r.person.by])).toEqual([
      ['skip', 'name'],
      ['skip', 'name'],
      ['skip', 'name'],
      ['skip', 'identifier'],
    ]);
    expect(await counts()).toMatchObject({ moves: before.moves, people: before.people, organizations: before.organizations, imports: before.imports + 1 });
  });

  it('reads French headers and semicolons, and columns mapped by hand', async () => {
    const french = 'Nom;De;Vers;Date;Statut\nZoé Durand;Kyutai;Inria;2022;confirmé\n';
    const { body } = await upload(french, { dryRun: 'true' }).expect(200);
    expect(body.rows[0]).toMatchObject({ action: 'create', from: { id: ids.kyutai }, to: { id: ids.inria } });

    const odd = 'Qui,Ancien,Nouveau,Année\nYann Le Cun,Inria,Kyutai,2021\n';
    const unread = (await upload(odd, { dryRun: 'true' }).expect(200)).body;
    expect(unread.columns).toEqual(['Qui', 'Ancien', 'Nouveau', 'Année'].map((header) => ({ header, column: null })));
    expect(unread.rows[0]).toMatchObject({ action: 'error', errors: { person: expect.stringMatching(/no column .* person/), to: expect.stringMatching(/from or to/) } });
    const mapped = await upload(odd, { dryRun: 'true', columns: JSON.stringify({ Qui: 'person', Ancien: 'from', Nouveau: 'to', Année: 'date' }) }).expect(200);
    expect(mapped.body.rows[0]).toMatchObject({ action: 'create', from: { id: ids.inria }, to: { id: ids.kyutai } });
  });

  it('reads an XLSX workbook as it reads a CSV file: dates, years as numbers, padded names', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Moves');
    sheet.addRow(['Nom', 'De', 'Vers', 'Date', 'Statut']);
    sheet.addRow(['Xavier Sheet ', 'Kyutai', ' Inria', new Date(Date.UTC(2021, 5, 30)), 'confirmed']);
    sheet.addRow([]);
    sheet.addRow(['Yvonne Sheet', 'Inria', 'Kyutai', 2020, 'rumour']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const { body } = await t.as('editor' as never).post('/api/imports/moves').attach('file', file, 'moves.xlsx').field('dryRun', 'true').expect(200);
    expect(body.rows).toMatchObject([
      { row: 2, action: 'create', person: { name: 'Xavier Sheet', by: 'new' }, from: { id: ids.kyutai }, to: { id: ids.inria } },
      { row: 4, action: 'create', person: { name: 'Yvonne Sheet' }, from: { id: ids.inria }, to: { id: ids.kyutai } },
    ]);
    const committed = (await t.as('editor' as never).post('/api/imports/moves').attach('file', file, 'moves.xlsx').expect(201)).body;
    const moves = (await t.http.get(`/api/moves${listQuery({ filter: { importId: committed.importId }, sort: ['effectiveOn', 'ASC'] })}`).expect(200)).body;
    expect(moves.map((m: Record<string, unknown>) => [m.effectiveOn, m.datePrecision, m.status])).toEqual([
      ['2020-01-01', 'year', 'rumoured'],
      ['2021-06-30', 'day', 'confirmed'],
    ]);
  });

  it('asks which person a name is when several are, and takes the answer', async () => {
    const first = await post('people', { name: 'Marie Curie' });
    await post('people', { name: 'Marie Curie' });
    const csv = 'Person,From,To,Date\nMarie Curie,Inria,Kyutai,2020\n';
    const preview = (await upload(csv, { dryRun: 'true' }).expect(200)).body;
    expect(preview.rows[0]).toMatchObject({ action: 'ambiguous', ask: [{ key: 'person:Marie Curie' }] });
    expect(preview.rows[0].ask[0].candidates).toHaveLength(2);
    await upload(csv).expect(400);
    const { body } = await upload(csv, { matches: JSON.stringify({ 'person:Marie Curie': first }) }).expect(201);
    expect(body.rows[0]).toMatchObject({ action: 'create', person: { id: first, by: 'chosen' } });
  });

  it('undoes an import nothing has changed since (admins), and refuses one that something has', async () => {
    const csv = 'Person,From,To,To sector,Date\nUndo Person,Inria,Undo Lab,startup,2019\nOther Undo,Kyutai,Undo Lab,startup,2019-05\n';
    const imported = (await upload(csv).expect(201)).body.importId;
    const counted = async () => (await t.http.get(`/api/moves${listQuery({ filter: { importId: imported } })}`).expect(200)).body.length;
    expect(await counted()).toBe(2);
    await t.as('editor' as never).delete(`/api/imports/${imported}`).expect(403);

    const { body } = await t.http.delete(`/api/imports/${imported}`).expect(200);
    expect(body.undoneAt).toEqual(expect.any(String));
    expect(await counted()).toBe(0);
    expect((await sql.query(`SELECT count(*)::int AS n FROM organizations WHERE import_id = $1 AND deleted_at IS NULL`, [imported])).rows[0].n).toBe(0);
    const flows = (await t.http.get('/api/analytics/flows?level=organization&statuses=announced,confirmed,rumoured').expect(200)).body;
    expect(flows.nodes.map((n: { name: string }) => n.name)).not.toContain('Undo Lab');
    expect((await t.http.delete(`/api/imports/${imported}`).expect(409)).body.message).toMatch(/was undone/);

    // A move entered by hand for a person the import created: the import can no longer be undone.
    const again = (await upload(csv.replace(/Undo/g, 'Kept')).expect(201)).body;
    await post('moves', { personId: again.rows[0].person.id, toOrganizationId: ids.kyutai, roleCategory: 'researcher', datePrecision: 'year', effectiveOn: '2025-01-01', status: 'confirmed' });
    expect((await t.http.delete(`/api/imports/${again.importId}`).expect(409)).body.message).toMatch(/1 records in moves added since/);
    expect((await t.http.get(`/api/moves${listQuery({ filter: { importId: again.importId } })}`).expect(200)).body).toHaveLength(2);
  });

  it('reports how far an import has got, under the key its client chose, to that client alone', async () => {
    const key = randomUUID();
    const rows = Array.from({ length: 30 }, (_, i) => `Progress Person ${i},Inria,Kyutai,2022-0${(i % 9) + 1}`).join('\n');
    // Holding the imports' lock keeps the import waiting, as another import would.
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext('imports'))`);
    const running = upload(`Name,From,To,Date\n${rows}\n`, { progress: key }).then((response) => response);
    const progress = () => t.as('editor' as never).get(`/api/imports/progress/${key}`);
    let seen = await progress();
    for (let tries = 0; seen.body.stage !== 'waiting' && tries < 100; tries++) seen = await new Promise((resolve) => setTimeout(resolve, 50)).then(progress);
    expect(seen.body).toMatchObject({ key, stage: 'waiting' });
    await t.as('admin' as never).get(`/api/imports/progress/${key}`).expect(404);
    await holder.query(`SELECT pg_advisory_unlock(hashtext('imports'))`);
    await holder.end();
    const { body } = await running;
    expect(body.totals).toMatchObject({ created: 30, peopleCreated: 30 });
    expect((await progress().expect(200)).body).toMatchObject({ stage: 'done', done: 60, total: 60 });
    expect((await upload(GOOD, { dryRun: 'true', progress: 'soon' }).expect(400)).body.errors.progress).toBe('progress must be a UUID');
  });

  it('lets editors import and viewers not, and refuses what is not a moves file', async () => {
    await upload(GOOD, { dryRun: 'true' }, t.as('viewer' as never)).expect(403);
    expect((await upload('', { dryRun: 'true' }).expect(400)).body.errors.file).toMatch(/is empty/);
    expect((await upload(GOOD, { columns: '{"Name":"nickname"}' }).expect(400)).body.errors.columns).toMatch(/columns must map headers/);
    expect((await t.as('editor' as never).post('/api/imports/moves').field('dryRun', 'true').expect(400)).body.errors.file).toBe('is required');
    const huge = Buffer.alloc(51 * 1024 * 1024, 'a');
    expect((await upload(huge.toString(), { dryRun: 'true' }).expect(413)).body.message).toMatch(/larger than 50 MB/);
  });
});
