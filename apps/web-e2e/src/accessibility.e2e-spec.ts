import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { api, describeInBrowser, launchBrowser, newPage, signIn } from './support/browser';

const AXE = readFileSync(require.resolve('axe-core'), 'utf8');
/** WCAG 2.1 levels A and AA, as EN 301 549 asks of public bodies' tools. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it stands. */
async function violations(page: Page): Promise<string[]> {
  // Run through the debugging protocol: the app's Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(AXE);
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, WCAG_TAGS);
  return found
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.impact} ${violation.id} (${violation.help}): ${node.target.join(' ')} ${node.html.slice(0, 160)}`));
}

/**
 * Whether the page shows `text` once rendered (a slow machine renders after the network is idle),
 * and its loading indicator gone: axe judges the page, not the spinner.
 */
async function settled(page: Page, text: string): Promise<boolean> {
  const shown = !text || (await page.getByText(text).first().waitFor({ timeout: 10_000 }).then(() => true, () => false));
  await page.locator('.RaLoadingIndicator-loader').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  return shown;
}

/** Every main page, in English and French, light and dark: no serious or critical axe violation. */
describeInBrowser('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  let browser: Browser;
  const pages: [string, string, string][] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    const lab = await api('organizations', { name: 'Axe Lab', sector: 'private_lab', country: 'FR' });
    const person = await api('people', { name: 'Axe Person', fields: ['vision'] });
    const source = await api('sources', { url: 'https://example.org/axe', title: 'Axe article' });
    const move = await api('moves', {
      personId: person.id,
      toOrganizationId: lab.id,
      roleCategory: 'researcher',
      datePrecision: 'month',
      effectiveOn: '2024-02-01',
      status: 'confirmed',
      sourceIds: [source.id],
    });
    const target = await api('headcount-targets', { organizationId: lab.id, low: 40, high: 50, population: 'researchers' });
    const observation = await api('headcount-observations', { organizationId: lab.id, observedOn: '2024-06-01', count: 12, population: 'researchers' });
    const [user] = await api<{ id: string }[]>('users');
    const [entry] = await api<{ id: string }[]>('audit-entries');
    const list = (resource: string, text: string): [string, string, string] => [`the ${resource} list`, `/${resource}`, text];
    pages.push(
      ['the dashboard', `/?organizationIds=${lab.id}`, 'Axe Lab'],
      list('moves', 'Axe Person'),
      list('people', 'Axe Person'),
      list('organizations', 'Axe Lab'),
      list('sources', 'Axe article'),
      list('headcount-targets', 'Axe Lab'),
      list('headcount-observations', 'Axe Lab'),
      list('users', 'E2E'),
      ['the audit log', '/audit-entries', ''],
      ['a move', `/moves/${move.id}/show`, 'Axe Person'],
      ['a person', `/people/${person.id}/show`, 'Axe Person'],
      ['an organization', `/organizations/${lab.id}/show`, 'Axe Lab'],
      ['a source', `/sources/${source.id}/show`, 'Axe article'],
      ['a target', `/headcount-targets/${target.id}/show`, 'Axe Lab'],
      ['an observation', `/headcount-observations/${observation.id}/show`, 'Axe Lab'],
      ['an audit entry', `/audit-entries/${entry.id}/show`, ''],
      ['the move form', '/moves/create', ''],
      ['a move’s edit form', `/moves/${move.id}`, ''],
      ['an organization’s edit form', `/organizations/${lab.id}`, 'Axe Lab'],
      ['the organization form', '/organizations/create', ''],
      ['the person form', '/people/create', ''],
      ['a person’s edit form', `/people/${person.id}`, ''],
      ['the source form', '/sources/create', ''],
      ['a source’s edit form', `/sources/${source.id}`, ''],
      ['the target form', '/headcount-targets/create', ''],
      ['a target’s edit form', `/headcount-targets/${target.id}`, ''],
      ['the observation form', '/headcount-observations/create', ''],
      ['an observation’s edit form', `/headcount-observations/${observation.id}`, ''],
      ['the user form', '/users/create', ''],
      ['a user’s form', `/users/${user.id}`, ''],
      ['the account page', '/account', ''],
      ['the import form', '/imports/create', ''],
      ['the imports list', '/imports', ''],
    );
  });
  afterAll(() => browser.close());

  it.each([
    ['en', 'light'],
    ['fr', 'light'],
    ['en', 'dark'],
    ['fr', 'dark'],
  ])('has no serious or critical violation on any main page, in %s, %s', async (locale, theme) => {
    const page = await newPage(browser, { locale });
    // react-admin keeps the chosen language and theme in its store, in localStorage.
    await page.context().addInitScript(
      ([chosenLocale, chosenTheme]) => {
        localStorage.setItem('RaStore.locale', JSON.stringify(chosenLocale));
        localStorage.setItem('RaStore.theme', JSON.stringify(chosenTheme));
      },
      [locale, theme],
    );
    try {
      const found: string[] = [];
      await page.goto('/login');
      await page.locator('form').waitFor();
      found.push(...(await violations(page)).map((violation) => `the sign-in page: ${violation}`));
      await signIn(page, 'admin', locale === 'fr' ? { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Connexion' } : undefined);
      for (const [name, path, text] of pages) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        if (!(await settled(page, text))) found.push(`${name}: did not show "${text}"`);
        found.push(...(await violations(page)).map((violation) => `${name}: ${violation}`));
      }
      expect(found).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('fits a phone: every main page 390 pixels wide, without sideways scrolling, showing what matters', async () => {
    const page = await newPage(browser, { width: 390 });
    try {
      await signIn(page, 'admin');
      const found: string[] = [];
      for (const [name, path, text] of pages) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        if (!(await settled(page, text))) found.push(`${name}: did not show "${text}"`);
        // What is wider than the screen, and what the page holds that a reader must scroll sideways to.
        const wide = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          return [...document.querySelectorAll('main *')]
            .filter((element) => element.getBoundingClientRect().right > width + 1 && element.children.length === 0)
            .slice(0, 3)
            .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}"> ${element.textContent?.slice(0, 40)}`);
        });
        if (wide.length) found.push(`${name}: wider than the screen at ${wide.join(', ')}`);
        if (text) {
          const box = await page.getByText(text).first().boundingBox();
          if (!box || box.x < 0 || box.x + box.width > 391) found.push(`${name}: "${text}" is not within the screen`);
        }
      }
      expect(found).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

