import type { Browser, Page } from 'playwright-core';
import { api, describeInBrowser, launchBrowser, newPage, screenshot, signIn } from './support/browser';

/** Every main page opens, from a link as from a reload, at a laptop's width and at a phone's. */
describeInBrowser('the pages of the web app', () => {
  let browser: Browser;
  let page: Page;
  let source: { id: string };
  let organization: { id: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    organization = await api('organizations', { name: 'Pages Lab', sector: 'public_research', country: 'FR' });
    const person = await api('people', { name: 'Pages Person', orcid: '0000-0001-5109-3700' });
    source = await api('sources', { url: 'https://example.org/pages', title: 'Pages article' });
    await api('moves', {
      personId: person.id,
      toOrganizationId: organization.id,
      roleCategory: 'researcher',
      datePrecision: 'year',
      effectiveOn: '2022-01-01',
      status: 'confirmed',
      sourceIds: [source.id],
    });
    await api('headcount-targets', { organizationId: organization.id, low: 40, high: 50, population: 'researchers', sourceIds: [source.id] });
    await api('headcount-observations', { organizationId: organization.id, observedOn: '2024-06-01', count: 12, population: 'researchers' });
  });
  afterAll(() => browser.close());
  afterEach(() => page.context().close());

  it.each(['moves', 'people', 'organizations', 'sources', 'headcount-targets', 'headcount-observations'])(
    'lists %s, and the list survives a reload with its filter in the URL',
    async (resource) => {
      page = await newPage(browser);
      await signIn(page);
      await page.goto(`/${resource}?filter=${encodeURIComponent(JSON.stringify({ q: 'pages' }))}`);
      await page.locator('table tbody tr').first().waitFor();
      await page.reload();
      await page.locator('table tbody tr').first().waitFor();
      expect(await page.getByPlaceholder('Search').inputValue()).toBe('pages');
      await screenshot(page, `list-${resource}`);
    },
  );

  it('opens a deep link on reload, and turns an old /#/ link into its path', async () => {
    page = await newPage(browser);
    await signIn(page);
    await page.goto(`/sources/${source.id}/show`);
    await page.getByText('Pages article').first().waitFor();
    await page.getByRole('row', { name: /Pages Person.*Pages Lab/ }).waitFor();
    await screenshot(page, 'source-show');
    await page.goto(`/#/organizations/${organization.id}/show/headcount`);
    await page.waitForURL(new RegExp(`/organizations/${organization.id}/show/headcount$`));
    await page.getByRole('row', { name: /40.*50.*Researchers/ }).waitFor();
    await screenshot(page, 'organization-headcount');
  });

  it('shows the API’s own message beside the field it concerns', async () => {
    page = await newPage(browser);
    await signIn(page);
    await page.goto('/people/create');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Someone Else');
    await page.getByLabel('ORCID').fill('0000-0001-5109-3700');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('is already used by another record').waitFor();
    expect(await page.getByLabel('ORCID').getAttribute('aria-invalid')).toBe('true');
    expect((await api<unknown[]>(`people?filter=${encodeURIComponent(JSON.stringify({ q: 'someone else' }))}`)).length).toBe(0);
  });

  it('fits a phone’s width: lists become simple lists', async () => {
    page = await newPage(browser, { width: 390 });
    await signIn(page);
    // Its own move, whatever other suites have added to the shared database.
    await page.goto(`/moves?filter=${encodeURIComponent(JSON.stringify({ q: 'pages person' }))}`);
    await page.getByText('Pages Person').waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await screenshot(page, 'moves-list-phone');
  });

  it('switches to the dark theme and back from the keyboard', async () => {
    page = await newPage(browser);
    await signIn(page);
    await page.goto('/moves');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.getByRole('button', { name: 'Toggle light/dark mode' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((before) => getComputedStyle(document.body).backgroundColor !== before, light);
    await screenshot(page, 'moves-list-dark');
    expect(await background()).not.toBe(light);
  });
});
