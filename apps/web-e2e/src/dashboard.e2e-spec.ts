import type { Browser, Page } from 'playwright-core';
import { api, clickShape, describeInBrowser, launchBrowser, newPage, screenshot, signIn } from './support/browser';

/** The analysts' home page, on a small world created for it. */
describeInBrowser('the dashboard', () => {
  let browser: Browser;
  let page: Page;
  let kyutaiId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const org = (name: string, sector: string, country: string) => api('organizations', { name, sector, country });
    const [fair, inria, kyutai, valeo] = await Promise.all([
      org('Dash FAIR', 'big_tech', 'FR'),
      org('Dash Inria', 'public_research', 'FR'),
      org('Dash Kyutai', 'private_lab', 'FR'),
      org('Dash Valeo', 'company', 'FR'),
    ]);
    kyutaiId = kyutai.id;
    const person = await api('people', { name: 'Dash Person' });
    const move = (from: { id: string }, to: { id: string }, effectiveOn: string) =>
      api('moves', { personId: person.id, fromOrganizationId: from.id, toOrganizationId: to.id, roleCategory: 'researcher', datePrecision: 'day', status: 'confirmed', effectiveOn });
    await move(fair, kyutai, '2023-11-17');
    await move(valeo, kyutai, '2023-12-01');
    await move(inria, kyutai, '2024-09-01');
    await api('headcount-targets', { organizationId: kyutai.id, low: 40, high: 50, population: 'researchers', dueBy: '2026-12-31' });
    await api('headcount-observations', { organizationId: kyutai.id, observedOn: '2023-11-17', count: 3, population: 'researchers' });
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser, { width: 1400 });
    await signIn(page, 'viewer');
  });
  afterEach(() => page.context().close());

  const panel = (name: string) => page.getByTestId(`panel-${name}`);

  it('renders every panel, and a filter change updates every panel and the URL', async () => {
    // Only what touches this test's lab: other tests share the database.
    await page.goto(`/?from=2023-01-01&to=2024-12-31&organizationIds=${kyutaiId}`);
    await panel('flows').getByText(/Private lab \(\d+\)/).waitFor();
    await panel('headcount').getByText(/Dash Kyutai — \d+ now, target 40–50/).waitFor();
    await panel('net-flows').getByRole('row', { name: /Private lab/ }).waitFor();
    await panel('latest-moves').getByText('Dash Valeo').first().waitFor();
    const totalBefore = await page.getByTestId('flows-total').textContent();
    await screenshot(page, 'dashboard');

    // Up to June 2024 only: the Inria move of September 2024 leaves every panel.
    await page.getByLabel('To', { exact: true }).fill('2024-06-30');
    await page.waitForURL(/to=2024-06-30/);
    await page.waitForFunction((before) => document.querySelector('[data-testid="flows-total"]')?.textContent !== before, totalBefore);
    expect(await panel('flows').getByText(/Public research/).count()).toBe(0);
    expect(await panel('net-flows').getByRole('row', { name: /Public research/ }).count()).toBe(0);
    expect(await panel('latest-moves').getByText('Dash Inria').count()).toBe(0);
    // The headcount series now ends in June 2024: the last month on its time axis.
    await page.waitForFunction(() => {
      const months = [...document.querySelectorAll('[data-testid="panel-headcount"] .recharts-cartesian-axis-tick-value')]
        .map((tick) => tick.textContent ?? '')
        .filter((text) => /^\d{4}-\d{2}$/.test(text));
      return months.at(-1) === '2024-06';
    });
  });

  it('opens the moves behind a bar: a lab’s arrivals', async () => {
    await page.goto(`/?from=2023-01-01&to=2024-12-31&level=organization&organizationIds=${kyutaiId}`);
    await clickShape(panel('net-flows').locator('.recharts-bar').first().locator('.recharts-bar-rectangle').first());
    await page.waitForURL(/\/moves\?filter=/);
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter') ?? '{}');
    expect(filter).toMatchObject({ toOrganizationId: kyutaiId, status: ['announced', 'confirmed'] });
    await page.getByText('1-3 of 3').waitFor();
  });

  it('opens behind a count over a range that cuts a year exactly the moves it counts, from the keyboard', async () => {
    const lab = await api('organizations', { name: 'Dash Year Lab', sector: 'private_lab', country: 'FR' });
    const person = await api('people', { name: 'Dash Year Person' });
    // Known only to the year: counts in any range its year overlaps.
    await api('moves', { personId: person.id, toOrganizationId: lab.id, roleCategory: 'researcher', datePrecision: 'year', status: 'confirmed', effectiveOn: '2024-01-01' });
    await page.goto(`/?from=2024-03-15&to=2024-09-20&level=organization&organizationIds=${lab.id}`);
    const row = panel('net-flows').getByRole('row', { name: /Dash Year Lab\s*1\s*0\s*1/ });
    await row.getByRole('button', { name: '1' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/moves\?filter=/);
    await page.getByRole('row', { name: /Dash Year Person/ }).waitFor();
    await page.getByText('1-1 of 1').waitFor();
  });

  it('downloads the moves behind the filters as Parquet', async () => {
    await page.goto(`/?from=2023-01-01&to=2024-12-31&organizationIds=${kyutaiId}`);
    const link = page.getByRole('link', { name: 'Moves (Parquet)' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(new URL(href, page.url()).searchParams.get('organizationIds')).toBe(kyutaiId);
    // Fetched with the page's session: a Parquet file (it begins and ends with "PAR1").
    const bytes = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, head: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 4)) };
    }, href);
    expect(bytes).toEqual({ status: 200, head: 'PAR1' });
  });

  it('opens the moves behind a Sankey link', async () => {
    await page.goto(`/?from=2023-01-01&to=2024-12-31&level=organization&organizationIds=${kyutaiId}`);
    await clickShape(panel('flows').locator('.recharts-sankey-link').first());
    await page.waitForURL(/\/moves\?filter=/);
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter') ?? '{}');
    expect(filter).toMatchObject({ fromOrganizationId: expect.any(String), toOrganizationId: expect.any(String) });
    await page.getByRole('row', { name: /Dash Person/ }).first().waitFor();
    await page.getByText('1-1 of 1').waitFor();
  });
  it('gives the Sankey diagram a table of its links, whose counts open their moves from the keyboard', async () => {
    await page.goto(`/?from=2023-01-01&to=2024-12-31&level=organization&organizationIds=${kyutaiId}`);
    const table = panel('flows').getByRole('table', { name: 'Who goes where' });
    const row = table.getByRole('row', { name: /Dash Valeo\s*Dash Kyutai\s*1/ });
    await row.waitFor();
    await row.getByRole('button', { name: '1' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/moves\?filter=/);
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter') ?? '{}');
    expect(filter).toMatchObject({ fromOrganizationId: expect.any(String), toOrganizationId: kyutaiId });
    await page.getByText('1-1 of 1').waitFor();
  });

  it('links every chart to the table that is its text alternative', async () => {
    await page.goto(`/?from=2023-01-01&to=2024-12-31&level=organization&organizationIds=${kyutaiId}`);
    await panel('headcount').getByText(/Dash Kyutai — /).waitFor();
    await panel('flows').getByRole('figure').waitFor();
    const figures = await page.getByRole('figure').all();
    expect(figures).toHaveLength(3);
    for (const figure of figures) {
      const [details, note] = [await figure.getAttribute('aria-details'), await figure.getAttribute('aria-describedby')];
      const table = page.locator(`[id="${details}"]`);
      expect([await figure.getAttribute('aria-label'), await table.evaluate((element) => element.tagName)]).toEqual([expect.any(String), 'TABLE']);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator(`[id="${note}"]`).textContent()).toMatch(/The table gives the same figures/);
    }
  });

  it('gives the headcount chart a table, whose months open their moves from the keyboard', async () => {
    await page.goto(`/?from=2023-01-01&to=2024-12-31&organizationIds=${kyutaiId}`);
    const lab = panel('headcount').getByTestId('headcount-lab');
    await lab.getByText('As a table').click();
    const table = lab.getByRole('table', { name: 'Headcount against target: Dash Kyutai' });
    // November 2023: the observed headcount of 3 beside the series.
    const november = table.getByRole('row', { name: /^2023-11\s+\d+\s+3$/ });
    await november.waitFor();
    await november.getByRole('button', { name: '2023-11' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/moves\?filter=/);
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter') ?? '{}');
    expect(filter).toMatchObject({ organizationId: kyutaiId, effectiveAfter: '2023-11-01', effectiveBefore: '2023-11-30' });
    await page.getByRole('row', { name: /Dash FAIR/ }).waitFor();
  });

  it('sets its filters from the keyboard alone, each field reached with Tab, focus shown', async () => {
    await page.goto(`/?from=2023-01-01&to=2024-12-31&level=sector&organizationIds=${kyutaiId}`);
    await panel('net-flows').getByRole('row', { name: /Private lab/ }).waitFor();
    await page.getByLabel('To', { exact: true }).focus();
    const sectors = page.getByRole('combobox', { name: 'Sectors' });
    for (let presses = 0; presses < 10 && !(await sectors.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
    expect(await sectors.evaluate((element) => element === document.activeElement)).toBe(true);
    // Focus is visible: the field's outline takes the focus colour.
    expect(await page.locator('.MuiAutocomplete-root .Mui-focused').count()).toBeGreaterThan(0);
    await page.keyboard.type('Big');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/sectors=big_tech/);
    await page.keyboard.press('Escape');
    // An end must be both Dash Kyutai and big tech: no move has one, and the panels say so.
    await panel('net-flows').getByTestId('panel-empty').waitFor();
    // And off again, from the keyboard: Backspace takes the last chosen sector out.
    await sectors.focus();
    await page.keyboard.press('Backspace');
    await page.waitForURL((url) => !url.search.includes('sectors='));
    await panel('net-flows').getByRole('row', { name: /Private lab/ }).waitFor();
  });

  it('says when a panel is loading, has nothing for the filters, or failed, and retries on demand', async () => {
    // A slow answer: the panel says it is loading meanwhile.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/analytics/net-flows?**', async (route) => {
      await held;
      await route.fallback();
    });
    await page.goto(`/?from=2023-01-01&to=2024-12-31&organizationIds=${kyutaiId}`);
    await panel('net-flows').getByTestId('panel-loading').waitFor();
    release();
    await panel('net-flows').getByRole('row', { name: /Private lab/ }).waitFor();
    await page.unroute('**/api/analytics/net-flows?**');

    // Filters that match nothing: each analytics panel says so, rather than drawing an empty chart.
    await page.goto(`/?from=1990-01-01&to=1990-12-31&organizationIds=${kyutaiId}`);
    await panel('flows').getByTestId('panel-empty').waitFor();
    await panel('net-flows').getByTestId('panel-empty').waitFor();

    // A failed query is an error with a retry, not "no data".
    let fail = true;
    await page.route('**/api/analytics/flows?**', (route) =>
      fail ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"statusCode":500,"message":"Internal server error"}' }) : route.fallback(),
    );
    await page.goto(`/?from=2023-01-01&to=2024-12-31&organizationIds=${kyutaiId}`);
    await panel('flows').getByTestId('panel-error').waitFor({ timeout: 15_000 });
    expect(await panel('flows').getByTestId('panel-empty').count()).toBe(0);
    await screenshot(page, 'dashboard-error');
    fail = false;
    await panel('flows').getByRole('button', { name: 'Try again' }).click();
    await panel('flows').getByText(/Private lab \(\d+\)/).waitFor();
  });

  it('says whom the headcount counts, and switches to every member but advisors', async () => {
    await page.goto(`/?organizationIds=${kyutaiId}`);
    const populations = panel('headcount').getByRole('group', { name: 'Who is counted' });
    await populations.getByRole('button', { name: 'Researchers', pressed: true }).waitFor();
    await populations.getByRole('button', { name: 'Members (all but advisors)' }).click();
    await page.waitForURL(/population=members/);
    await populations.getByRole('button', { name: 'Members (all but advisors)', pressed: true }).waitFor();
  });

  it('opens on its figures on a phone, with the filters in a drawer and chips saying which are set', async () => {
    const phone = await newPage(browser, { width: 390 });
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      await signIn(phone, 'viewer');
      await phone.goto(`/?from=2023-01-01&to=2024-12-31&organizationIds=${kyutaiId}`);
      // A figure within the first screen.
      const figure = phone.getByTestId('panel-headcount').getByText(/Dash Kyutai — \d+ now/);
      await figure.waitFor();
      const box = await figure.boundingBox();
      expect(box && box.y + box.height).toBeLessThan(844);
      await phone.getByText('2023-01-01 – 2024-12-31').waitFor();
      // The app bar keeps room for the page's title: the language button shows its icon alone.
      const language = await phone.getByRole('button', { name: 'English' }).boundingBox();
      expect(language?.width).toBeLessThan(60);
      await phone.getByText('1 organization', { exact: true }).waitFor();
      await screenshot(phone, 'dashboard-phone');
      // The filters open in a drawer; a change shows as a chip and in the URL.
      await phone.getByRole('button', { name: 'Filters' }).click();
      await phone.getByLabel('To', { exact: true }).fill('2024-06-30');
      await phone.getByRole('button', { name: 'Show the figures' }).click();
      await phone.waitForURL(/to=2024-06-30/);
      await phone.getByText('2023-01-01 – 2024-06-30').waitFor();
    } finally {
      await phone.context().close();
    }
  });

  it('signs out to the sign-in page when the session has expired, instead of showing empty charts', async () => {
    await page.route('**/api/analytics/**', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"statusCode":401,"message":"Sign in first"}' }),
    );
    await page.goto(`/?organizationIds=${kyutaiId}`);
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
