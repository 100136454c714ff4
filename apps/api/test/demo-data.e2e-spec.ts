import { DemoDataService } from '../src/demo/demo-data.service';
import { createTestApp, listQuery, TestApp, totalOf } from './support/test-app';

interface Named {
  id: string;
  name: string;
}

/** The demo data holds the article's facts exactly, and loads only into an empty database. */
describe('the demo data', () => {
  let t: TestApp;
  const get = async (path: string) => (await t.http.get(path).expect(200)).body;
  const organization = async (name: string): Promise<Named & Record<string, unknown>> => {
    const found = (await get(`/api/organizations${listQuery({ filter: { q: name } })}`)) as Named[];
    const exact = found.find((o) => o.name === name);
    if (!exact) throw new Error(`No organization named ${name}`);
    return exact as Named & Record<string, unknown>;
  };
  const person = async (name: string): Promise<Named> => {
    const [found] = await get(`/api/people${listQuery({ filter: { q: name } })}`);
    return found;
  };
  const movesOf = async (personName: string) =>
    get(`/api/moves${listQuery({ filter: { personId: (await person(personName)).id } })}`);

  beforeAll(async () => (t = await createTestApp({ demoData: true })));
  afterAll(() => t.close());

  it('has Kyutai: a private lab in Paris founded in November 2023 aiming at 40–50 researchers', async () => {
    const kyutai = await organization('Kyutai');
    expect(kyutai).toMatchObject({ sector: 'private_lab', country: 'FR', city: 'Paris', foundedOn: '2023-11-01' });
    const [target] = await get(`/api/headcount-targets${listQuery({ filter: { organizationId: kyutai.id } })}`);
    expect(target).toMatchObject({ low: 40, high: 50, population: 'researchers' });
    expect(target.sourceIds).toHaveLength(1);
  });

  it('has Hervé Jégou joining Kyutai from Meta FAIR as Chief Scientific Officer, his move to Inria cancelled', async () => {
    const [kyutai, metaFair, inria, meta] = await Promise.all(
      ['Kyutai', 'Meta FAIR', 'Inria', 'Meta'].map((name) => organization(name)),
    );
    expect(metaFair.parentId).toBe(meta.id);
    const moves = await movesOf('Hervé Jégou');
    expect(moves).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          fromOrganizationId: metaFair.id,
          toOrganizationId: kyutai.id,
          role: 'Chief Scientific Officer',
          roleCategory: 'leadership',
          status: 'confirmed',
          effectiveOn: '2023-11-01',
          datePrecision: 'month',
        }),
        expect.objectContaining({ fromOrganizationId: metaFair.id, toOrganizationId: inria.id, status: 'cancelled' }),
      ]),
    );
    expect(moves).toHaveLength(2);
  });

  it('has Patrick Pérez leading Kyutai, from Valeo, and at Inria before that', async () => {
    const [kyutai, valeo, inria] = await Promise.all(['Kyutai', 'Valeo', 'Inria'].map((name) => organization(name)));
    const moves = await movesOf('Patrick Pérez');
    expect(moves).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fromOrganizationId: valeo.id, toOrganizationId: kyutai.id, roleCategory: 'leadership' }),
        expect.objectContaining({ fromOrganizationId: inria.id, toOrganizationId: valeo.id }),
      ]),
    );
  });

  it('has Yann LeCun and Bernhard Schölkopf as scientific advisors to Kyutai, not leaving their labs', async () => {
    const kyutai = await organization('Kyutai');
    for (const name of ['Yann LeCun', 'Bernhard Schölkopf']) {
      const [advice] = await movesOf(name);
      expect(advice).toMatchObject({ toOrganizationId: kyutai.id, fromOrganizationId: null, roleCategory: 'advisor' });
    }
    expect(await organization('Max Planck Institute for Intelligent Systems')).toMatchObject({ country: 'DE' });
  });

  it('has the Artefact research center under Artefact, led by Vincent Luciani, aiming at about 30 researchers by 2025', async () => {
    const [artefact, center] = await Promise.all(['Artefact', 'Artefact research center'].map((name) => organization(name)));
    expect(center.parentId).toBe(artefact.id);
    const [target] = await get(`/api/headcount-targets${listQuery({ filter: { organizationId: center.id } })}`);
    expect(target).toMatchObject({ low: 30, high: 30, population: 'researchers', dueBy: '2025-12-31' });
    const [luciani] = await movesOf('Vincent Luciani');
    expect(luciani).toMatchObject({ toOrganizationId: center.id, roleCategory: 'leadership' });
    for (const partner of ['Société Générale', 'Orange', 'Decathlon', 'École polytechnique', 'CentraleSupélec',
      'Sorbonne Université', 'Université Paris-Saclay', 'ESCP Business School', 'Scaleway', 'CMA CGM']) {
      await organization(partner);
    }
    expect((await organization('Centre National de la Recherche Scientifique')).aliases).toEqual(['CNRS']);
  });

  it('cites the January 2024 article for every fact from it, and labels the rest as samples', async () => {
    const sources = await get('/api/sources');
    const article = sources.find((s: { language: string }) => s.language === 'fr');
    expect(article.publishedOn).toBe('2024-01-01');
    expect(article.excerpt).toMatch(/EUR 300M from Xavier Niel \(Iliad\), Rodolphe Saadé \(CMA CGM\) and Eric Schmidt/);
    const fromArticle = await get(`/api/moves${listQuery({ filter: { sourceId: article.id } })}`);
    expect(fromArticle).toHaveLength(7);
    const samples = await get(`/api/people${listQuery({ filter: { q: '(sample)' }, range: [0, 99] })}`);
    expect(samples.length).toBeGreaterThanOrEqual(8);
    expect(totalOf(await t.http.get('/api/moves'))).toBeGreaterThanOrEqual(15);
  });

  it('knows who is at Kyutai now: the latest announced or confirmed move of each person went there', async () => {
    const kyutai = await organization('Kyutai');
    const people = await get(`/api/people${listQuery({ filter: { currentOrganizationId: kyutai.id }, sort: ['name', 'ASC'] })}`);
    // Jégou's cancelled move to Inria and Chloé Petit's rumoured one do not count; Camille Martin's
    // rumoured departure for Mistral AI does not either.
    expect(people.map((p: Named) => p.name)).toEqual([
      'Bernhard Schölkopf',
      'Camille Martin (sample)',
      'Hervé Jégou',
      'Patrick Pérez',
      'Yann LeCun',
    ]);
  });

  it('lists the targets and observations a source supports', async () => {
    const sources = await get('/api/sources');
    const article = sources.find((s: { language: string }) => s.language === 'fr');
    expect(await get(`/api/headcount-targets${listQuery({ filter: { sourceId: article.id } })}`)).toHaveLength(2);
    expect(await get(`/api/headcount-observations${listQuery({ filter: { sourceId: article.id } })}`)).toHaveLength(0);
  });

  it('loads only into an empty database', async () => {
    const before = totalOf(await t.http.get('/api/organizations'));
    expect(await t.app.get(DemoDataService).load()).toBe(false);
    expect(totalOf(await t.http.get('/api/organizations'))).toBe(before);
  });
});
