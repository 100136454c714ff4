import { DatePrecision, MoveStatus, Population, Role, RoleCategory, Sector } from '@talentflow/domain';

/**
 * The demo data: the facts of the January 2024 French article on Kyutai and the Artefact research
 * center that started Talentflow, exactly as the article gives them, then sample records that are
 * labelled as such ("(sample)" in names, a sample source) so that lists and filters have something
 * to show. Records refer to each other by the keys below; the loader turns keys into ids.
 */

export const ARTICLE = 'article';
export const SAMPLE_SOURCE = 'sample';

export const DEMO_SOURCES = {
  [ARTICLE]: {
    url: 'https://example.org/demo/article-2024-01-kyutai-artefact',
    title: 'Kyutai and the Artefact research center (French article, January 2024)',
    language: 'fr',
    publishedOn: '2024-01-01',
    excerpt:
      'Demo stand-in for the French article of January 2024 that started Talentflow (only its month is recorded): ' +
      'Kyutai, a private non-profit AI research lab founded in Paris in November 2023 with about EUR 300M from ' +
      'Xavier Niel (Iliad), Rodolphe Saadé (CMA CGM) and Eric Schmidt, compute from Scaleway (Iliad group), aims at ' +
      '40 to 50 researchers. Its Chief Scientific Officer Hervé Jégou came from Meta FAIR although he was due to join ' +
      'Inria; Patrick Pérez, formerly at Valeo and Inria, leads it; Yann LeCun and Bernhard Schölkopf advise it. The ' +
      'Artefact research center (backed by Société Générale, Orange, Decathlon; working with École polytechnique, ' +
      'CentraleSupélec, Sorbonne Université, CNRS, Université Paris-Saclay and ESCP Business School), led by its ' +
      'co-founder and CEO Vincent Luciani, aims at about 30 researchers by 2025.',
  },
  [SAMPLE_SOURCE]: {
    url: 'https://example.org/demo/sample-records',
    title: 'Sample records (not real): invented to fill the demo lists',
    language: 'en',
    publishedOn: null,
    excerpt: 'Every record citing this source is invented for the demo.',
  },
} as const;

interface DemoOrganization {
  name: string;
  aliases?: string[];
  sector: Sector;
  country: string;
  city?: string;
  parent?: string;
  website?: string;
  foundedOn?: string;
  rorId?: string;
  wikidataId?: string;
}

export const DEMO_ORGANIZATIONS: Record<string, DemoOrganization> = {
  kyutai: {
    name: 'Kyutai',
    sector: Sector.PrivateLab,
    country: 'FR',
    city: 'Paris',
    website: 'https://kyutai.org',
    foundedOn: '2023-11-01',
  },
  iliad: { name: 'Iliad', sector: Sector.Company, country: 'FR', city: 'Paris' },
  scaleway: { name: 'Scaleway', sector: Sector.Company, country: 'FR', city: 'Paris', parent: 'iliad' },
  cmaCgm: { name: 'CMA CGM', sector: Sector.Company, country: 'FR', city: 'Marseille' },
  meta: { name: 'Meta', aliases: ['Facebook'], sector: Sector.BigTech, country: 'US', city: 'Menlo Park', rorId: '01zbnvs85' },
  metaFair: {
    name: 'Meta FAIR',
    aliases: ['FAIR', 'Fundamental AI Research', 'Facebook AI Research'],
    sector: Sector.BigTech,
    country: 'FR',
    city: 'Paris',
    parent: 'meta',
  },
  inria: {
    name: 'Inria',
    aliases: ['Institut national de recherche en sciences et technologies du numérique'],
    sector: Sector.PublicResearch,
    country: 'FR',
    city: 'Le Chesnay-Rocquencourt',
    rorId: '02kvxyf05',
  },
  valeo: { name: 'Valeo', aliases: ['valeo.ai'], sector: Sector.Company, country: 'FR', city: 'Paris' },
  mpiIs: {
    name: 'Max Planck Institute for Intelligent Systems',
    aliases: ['MPI-IS'],
    sector: Sector.PublicResearch,
    country: 'DE',
    city: 'Tübingen',
    rorId: '04fq9j139',
    wikidataId: 'Q1287942',
  },
  artefact: { name: 'Artefact', sector: Sector.Company, country: 'FR', city: 'Paris' },
  artefactResearch: {
    name: 'Artefact research center',
    sector: Sector.PrivateLab,
    country: 'FR',
    city: 'Paris',
    parent: 'artefact',
  },
  societeGenerale: { name: 'Société Générale', sector: Sector.Company, country: 'FR', city: 'Paris' },
  orange: { name: 'Orange', sector: Sector.Company, country: 'FR', city: 'Issy-les-Moulineaux' },
  decathlon: { name: 'Decathlon', sector: Sector.Company, country: 'FR', city: 'Villeneuve-d’Ascq' },
  polytechnique: {
    name: 'École polytechnique',
    aliases: ['X'],
    sector: Sector.University,
    country: 'FR',
    city: 'Palaiseau',
    rorId: '05hy3tk52',
    wikidataId: 'Q273626',
  },
  centraleSupelec: {
    name: 'CentraleSupélec',
    sector: Sector.University,
    country: 'FR',
    city: 'Gif-sur-Yvette',
    rorId: '019tcpt25',
    wikidataId: 'Q19203245',
  },
  sorbonne: {
    name: 'Sorbonne Université',
    sector: Sector.University,
    country: 'FR',
    city: 'Paris',
    rorId: '02en5vm52',
    wikidataId: 'Q41497113',
  },
  cnrs: {
    name: 'Centre National de la Recherche Scientifique',
    aliases: ['CNRS'],
    sector: Sector.PublicResearch,
    country: 'FR',
    city: 'Paris',
    rorId: '02feahw73',
    wikidataId: 'Q280413',
  },
  parisSaclay: {
    name: 'Université Paris-Saclay',
    sector: Sector.University,
    country: 'FR',
    city: 'Gif-sur-Yvette',
    rorId: '03xjwb503',
    wikidataId: 'Q109409389',
  },
  escp: { name: 'ESCP Business School', aliases: ['ESCP'], sector: Sector.University, country: 'FR', city: 'Paris', rorId: '040hhjv66' },
  // Sample organisations (not from the article).
  huggingFace: { name: 'Hugging Face', sector: Sector.Startup, country: 'US', city: 'New York', rorId: '02grspc61' },
  mistral: { name: 'Mistral AI', sector: Sector.Startup, country: 'FR', city: 'Paris' },
  googleDeepMind: { name: 'Google DeepMind', sector: Sector.BigTech, country: 'GB', city: 'London' },
};

interface DemoPerson {
  name: string;
  notes?: string;
  fields?: string[];
}

export const DEMO_PEOPLE: Record<string, DemoPerson> = {
  jegou: { name: 'Hervé Jégou', fields: ['computer vision', 'machine learning'] },
  perez: { name: 'Patrick Pérez', fields: ['computer vision'] },
  lecun: { name: 'Yann LeCun', fields: ['machine learning', 'deep learning'] },
  scholkopf: { name: 'Bernhard Schölkopf', fields: ['machine learning', 'causal inference'] },
  luciani: { name: 'Vincent Luciani' },
  niel: { name: 'Xavier Niel', notes: 'Founder of Iliad; one of the funders of Kyutai (about EUR 300M with Rodolphe Saadé and Eric Schmidt).' },
  saade: { name: 'Rodolphe Saadé', notes: 'Head of CMA CGM; one of the funders of Kyutai.' },
  schmidt: { name: 'Eric Schmidt', notes: 'One of the funders of Kyutai.' },
  // Sample people (not real).
  s1: { name: 'Camille Martin (sample)', fields: ['natural language processing'] },
  s2: { name: 'Léa Dubois (sample)', fields: ['reinforcement learning'] },
  s3: { name: 'Hugo Bernard (sample)', fields: ['computer vision'] },
  s4: { name: 'Chloé Petit (sample)', fields: ['speech'] },
  s5: { name: 'Lucas Moreau (sample)', fields: ['machine learning'] },
  s6: { name: 'Inès Laurent (sample)', fields: ['robotics'] },
  s7: { name: 'Noah Simon (sample)', fields: ['natural language processing'] },
  s8: { name: 'Zoé Michel (sample)', fields: ['optimisation'] },
};

interface DemoMove {
  person: string;
  from?: string;
  to?: string;
  role?: string;
  roleCategory: RoleCategory;
  effectiveOn?: string;
  announcedOn?: string;
  datePrecision: DatePrecision;
  status: MoveStatus;
  source: string;
  notes?: string;
}

export const DEMO_MOVES: DemoMove[] = [
  {
    person: 'jegou',
    from: 'metaFair',
    to: 'kyutai',
    role: 'Chief Scientific Officer',
    roleCategory: RoleCategory.Leadership,
    effectiveOn: '2023-11-01',
    datePrecision: DatePrecision.Month,
    status: MoveStatus.Confirmed,
    source: ARTICLE,
  },
  {
    person: 'jegou',
    from: 'metaFair',
    to: 'inria',
    roleCategory: RoleCategory.Researcher,
    datePrecision: DatePrecision.Year,
    status: MoveStatus.Cancelled,
    source: ARTICLE,
    notes: 'He was due to join Inria, then became Kyutai’s Chief Scientific Officer instead.',
  },
  {
    person: 'perez',
    from: 'valeo',
    to: 'kyutai',
    role: 'Head of Kyutai',
    roleCategory: RoleCategory.Leadership,
    effectiveOn: '2023-11-01',
    datePrecision: DatePrecision.Month,
    status: MoveStatus.Confirmed,
    source: ARTICLE,
  },
  {
    person: 'perez',
    from: 'inria',
    to: 'valeo',
    roleCategory: RoleCategory.Researcher,
    datePrecision: DatePrecision.Year,
    status: MoveStatus.Confirmed,
    source: ARTICLE,
    notes: 'The article says he was at Inria before Valeo, without a date.',
  },
  {
    person: 'lecun',
    to: 'kyutai',
    role: 'Scientific advisor',
    roleCategory: RoleCategory.Advisor,
    effectiveOn: '2023-11-01',
    datePrecision: DatePrecision.Month,
    status: MoveStatus.Confirmed,
    source: ARTICLE,
    notes: 'Advises Kyutai while staying at Meta, so no origin is recorded: he did not leave.',
  },
  {
    person: 'scholkopf',
    to: 'kyutai',
    role: 'Scientific advisor',
    roleCategory: RoleCategory.Advisor,
    effectiveOn: '2023-11-01',
    datePrecision: DatePrecision.Month,
    status: MoveStatus.Confirmed,
    source: ARTICLE,
    notes: 'Advises Kyutai while staying at the Max Planck Institute for Intelligent Systems.',
  },
  {
    person: 'luciani',
    to: 'artefactResearch',
    role: 'Co-founder and CEO of Artefact, leading the research center',
    roleCategory: RoleCategory.Leadership,
    datePrecision: DatePrecision.Year,
    status: MoveStatus.Confirmed,
    source: ARTICLE,
  },
  // Sample moves (invented).
  ...(
    [
      ['s1', 'inria', 'kyutai', RoleCategory.Researcher, '2024-02-01', DatePrecision.Month, MoveStatus.Confirmed],
      ['s2', 'cnrs', 'googleDeepMind', RoleCategory.Researcher, '2024-03-15', DatePrecision.Day, MoveStatus.Announced],
      ['s3', 'sorbonne', 'mistral', RoleCategory.Engineer, '2024-01-01', DatePrecision.Year, MoveStatus.Confirmed],
      ['s4', 'polytechnique', 'kyutai', RoleCategory.Student, '2024-04-01', DatePrecision.Month, MoveStatus.Rumoured],
      ['s5', 'metaFair', 'huggingFace', RoleCategory.Engineer, '2023-09-01', DatePrecision.Month, MoveStatus.Confirmed],
      ['s6', 'parisSaclay', 'artefactResearch', RoleCategory.Researcher, '2024-05-01', DatePrecision.Month, MoveStatus.Confirmed],
      ['s7', 'centraleSupelec', 'artefactResearch', RoleCategory.Researcher, '2024-06-10', DatePrecision.Day, MoveStatus.Announced],
      ['s8', 'googleDeepMind', 'inria', RoleCategory.Researcher, '2022-10-01', DatePrecision.Month, MoveStatus.Confirmed],
      ['s1', 'kyutai', 'mistral', RoleCategory.Researcher, '2025-01-01', DatePrecision.Year, MoveStatus.Rumoured],
      ['s3', 'escp', 'artefactResearch', RoleCategory.Advisor, '2024-09-01', DatePrecision.Month, MoveStatus.Confirmed],
    ] as const
  ).map(([person, from, to, roleCategory, effectiveOn, datePrecision, status]) => ({
    person,
    from,
    to,
    roleCategory,
    effectiveOn,
    datePrecision,
    status,
    source: SAMPLE_SOURCE,
    notes: 'Sample record, not a real move.',
  })),
];

export const DEMO_TARGETS = [
  { organization: 'kyutai', low: 40, high: 50, population: Population.Researchers, dueBy: null, statedOn: null, source: ARTICLE },
  { organization: 'artefactResearch', low: 30, high: 30, population: Population.Researchers, dueBy: '2025-12-31', statedOn: null, source: ARTICLE },
];

export const DEMO_OBSERVATIONS = [
  { organization: 'kyutai', observedOn: '2023-11-17', count: 3, population: Population.Researchers, source: SAMPLE_SOURCE },
  { organization: 'kyutai', observedOn: '2024-06-01', count: 12, population: Population.Researchers, source: SAMPLE_SOURCE },
  { organization: 'artefactResearch', observedOn: '2024-06-01', count: 8, population: Population.Researchers, source: SAMPLE_SOURCE },
];

/**
 * The demo's accounts, one per role. Their passwords are public on purpose: they exist only where
 * the demo data is loaded (DEMO_DATA, off by default in production) and the app prints them.
 */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.talentflow.org', displayName: 'Demo admin', role: Role.Admin, password: 'demo-admin-password' },
  { email: 'editor@demo.talentflow.org', displayName: 'Demo editor', role: Role.Editor, password: 'demo-editor-password' },
  { email: 'viewer@demo.talentflow.org', displayName: 'Demo viewer', role: Role.Viewer, password: 'demo-viewer-password' },
];
