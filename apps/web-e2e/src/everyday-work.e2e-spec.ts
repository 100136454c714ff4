import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { api, describeInBrowser, launchBrowser, newPage, screenshot, signIn } from './support/browser';

/** What a policy researcher does every day, in Chromium, against the app as `npm start` serves it. */
describeInBrowser('the web app, as a new user uses it', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
    await signIn(page, 'editor');
  });
  afterEach(() => page.context().close());

  /** Types into an autocomplete and picks the option offering to create what was typed. */
  async function createInline(label: string, text: string) {
    const input = page.getByRole('combobox', { name: label });
    await input.fill(text);
    await page.getByRole('option', { name: `Create “${text}”` }).click();
  }

  async function pickOption(label: string, option: string) {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('enters a move from an article, creating the person, both organisations and the source inline, then finds, edits and sees it', async () => {
    await page.goto('/moves/create');
    await createInline('Person', 'Hervé Jégou');
    expect(await page.getByRole('combobox', { name: 'Person' }).inputValue()).toBe('Hervé Jégou');

    await createInline('From', 'Inria');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Sector' }).click();
    await page.getByRole('option', { name: 'Public research' }).click();
    await dialog.getByLabel('Country').fill('FR');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await createInline('To', 'Kyutai');
    await dialog.getByRole('combobox', { name: 'Sector' }).click();
    await page.getByRole('option', { name: 'Private lab' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByLabel('Role', { exact: true }).fill('Chief Scientific Officer');
    await pickOption('Role category', 'Leadership');
    await page.getByLabel('Effective on').fill('2023-11');
    await createInline('Sources', 'https://example.org/2024/01/kyutai-herve-jegou');
    await screenshot(page, 'move-create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/moves\/[0-9a-f-]+\/show$/);
    await page.getByText('November 2023').waitFor();

    // Find it in the list by searching without accents, open it, confirm it.
    await page.goto('/moves');
    await page.getByPlaceholder('Search').fill('jegou');
    await page.waitForURL(/jegou/);
    const row = page.getByRole('row', { name: /Hervé Jégou/ });
    await row.waitFor();
    await page.getByText('1-1 of 1').waitFor(); // the list's total, from Content-Range
    await screenshot(page, 'moves-list');
    await row.click();
    await page.waitForURL(/\/moves\/[0-9a-f-]+\/show$/);
    await page.getByRole('link', { name: 'Edit' }).click();
    await pickOption('Status', 'Confirmed');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/moves\/[0-9a-f-]+\/show$/);
    await page.getByText('Confirmed').waitFor();
    await screenshot(page, 'move-show');

    // On Jégou's timeline, and on Kyutai's page among who joined.
    await page.getByRole('link', { name: 'Hervé Jégou' }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]+\/show$/);
    const timeline = page.getByTestId('timeline-move');
    await timeline.first().waitFor();
    expect(await timeline.count()).toBe(1);
    expect(await timeline.textContent()).toMatch(/November 2023.*Confirmed.*Inria → Kyutai, Chief Scientific Officer/s);
    await screenshot(page, 'person-show');
    await timeline.getByRole('link', { name: 'Kyutai', exact: true }).click();
    await page.getByRole('tab', { name: 'Who joined' }).click();
    await page.getByRole('row', { name: /Hervé Jégou.*Inria.*Chief Scientific Officer/ }).waitFor();
    await screenshot(page, 'organization-show');

    const [move] = await api<{ status: string; effectiveOn: string; datePrecision: string; sourceIds: string[] }[]>(
      'moves?filter=' + encodeURIComponent(JSON.stringify({ q: 'jegou' })),
    );
    expect(move).toMatchObject({ status: 'confirmed', effectiveOn: '2023-11-01', datePrecision: 'month' });
    expect(move.sourceIds).toHaveLength(1);
  });

  it('enters a move from the keyboard alone, in a sensible tab order, focus visible', async () => {
    await api('people', { name: 'Keyboard Person' });
    await api('organizations', { name: 'Keyboard From', sector: 'university' });
    await api('organizations', { name: 'Keyboard To', sector: 'startup' });
    await page.goto('/moves/create');
    /** The focused element's name, as a screen reader would say it (enough of it for the fields here). */
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        if (!element) return '';
        const labelledBy = element.getAttribute('aria-labelledby');
        const byIds = labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
        return (element.getAttribute('aria-label') || element.labels?.[0]?.textContent || byIds || element.textContent || '').trim();
      });
    /** Types into an autocomplete, waits for the search to narrow its options to `option`, takes it. */
    const pick = async (text: string, option: string) => {
      await page.keyboard.type(text);
      for (let i = 0; i < 50 && (await page.getByRole('option').first().textContent()) !== option; i++) await page.waitForTimeout(100);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    };
    await page.getByRole('combobox', { name: 'Person' }).focus();
    await pick('Keyboard Per', 'Keyboard Person');
    const order: string[] = [];
    await page.keyboard.press('Tab');
    order.push(await focused());
    await pick('Keyboard Fr', 'Keyboard From');
    await page.keyboard.press('Tab');
    order.push(await focused());
    await pick('Keyboard T', 'Keyboard To');
    // On to the role category, through what lies between, the keyboard only.
    for (let i = 0; i < 10 && !/^Role category/.test(await focused()); i++) await page.keyboard.press('Tab');
    order.push((await focused()).replace(/Role category.*/, 'Role category'));
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Researcher' }).waitFor();
    const highlighted = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 10 && (await highlighted()) !== 'Researcher'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 10 && !/^Effective on/.test(await focused()); i++) await page.keyboard.press('Tab');
    order.push(await focused());
    // The focused field shows it: its underline drawn across (scaleX 1), not hidden (scaleX 0) as on the others.
    await page.waitForTimeout(300);
    const underline = () =>
      page.evaluate(() => getComputedStyle((document.activeElement as Element).closest('.MuiInputBase-root') as Element, '::after').transform);
    expect(await underline()).toBe('matrix(1, 0, 0, 1, 0, 0)');
    await page.keyboard.type('2022-05');
    for (let i = 0; i < 20 && (await focused()) !== 'Save'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Save');
    await screenshot(page, 'move-create-keyboard');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/moves\/[0-9a-f-]+\/show$/);
    expect(order.map((label) => label.replace(/\s*\*$/, ''))).toEqual(['From', 'To', 'Role category', 'Effective on']);
    const [move] = await api<{ roleCategory: string; effectiveOn: string; datePrecision: string }[]>(
      'moves?filter=' + encodeURIComponent(JSON.stringify({ q: 'keyboard person' })),
    );
    expect(move).toMatchObject({ roleCategory: 'researcher', effectiveOn: '2022-05-01', datePrecision: 'month' });
  });

  it('shows the error on the field when both sides of a move are the same organisation, and saves nothing', async () => {
    await api('organizations', { name: 'Same Lab', sector: 'private_lab' });
    await api('people', { name: 'Ada Sample' });
    const before = (await api<unknown[]>('moves')).length;

    await page.goto('/moves/create');
    await page.getByRole('combobox', { name: 'Person' }).fill('Ada');
    await page.getByRole('option', { name: 'Ada Sample' }).click();
    for (const side of ['From', 'To']) {
      await page.getByRole('combobox', { name: side }).fill('Same');
      await page.getByRole('option', { name: 'Same Lab' }).click();
    }
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Must differ from the organization the person came from').waitFor();
    expect(await page.getByRole('combobox', { name: 'To' }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'move-create-error');
    expect(page.url()).toMatch(/\/moves\/create$/);
    expect((await api<unknown[]>('moves')).length).toBe(before);
  });

  it('speaks French on a first visit from a browser set to French, and keeps a choice of English', async () => {
    const french = await newPage(browser, { locale: 'fr-FR' });
    try {
      await signIn(french, 'editor', { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Connexion' });
      await french.getByRole('menuitem', { name: 'Mouvements' }).waitFor();
      await french.getByRole('button', { name: /Français/i }).click();
      await french.getByRole('menuitem', { name: 'English' }).click();
      await french.getByRole('menuitem', { name: 'Moves' }).waitFor();
      await french.reload();
      await french.getByRole('menuitem', { name: 'Moves' }).waitFor();
    } finally {
      await french.context().close();
    }
  });

  it('switches to French, and still speaks French after a reload', async () => {
    await page.goto('/moves');
    await page.getByRole('button', { name: /English/i }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('menuitem', { name: 'Mouvements' }).waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: 'Mouvements' }).waitFor();
    await page.getByRole('menuitem', { name: 'Organisations' }).waitFor();
    await screenshot(page, 'moves-list-fr');
  });

  it('names every organisation on a moves page whose 25 rows refer to 50 of them', async () => {
    const person = await api('people', { name: 'Many Orgs Sample' });
    const moves: string[] = [];
    for (let i = 0; i < 25; i++) {
      const [from, to] = await Promise.all([
        api('organizations', { name: `Many From ${i}`, sector: 'university' }),
        api('organizations', { name: `Many To ${i}`, sector: 'startup' }),
      ]);
      const { id } = await api('moves', { personId: person.id, fromOrganizationId: from.id, toOrganizationId: to.id, roleCategory: 'researcher', datePrecision: 'year', status: 'confirmed', effectiveOn: `${1950 + i}-01-01` });
      moves.push(id);
    }
    await page.goto(`/moves?filter=${encodeURIComponent(JSON.stringify({ q: 'many orgs sample' }))}&perPage=25`);
    await page.getByText('1-25 of 25').waitFor();
    for (let i = 0; i < 25; i++) {
      await page.getByRole('cell', { name: `Many From ${i}`, exact: true }).waitFor();
      await page.getByRole('cell', { name: `Many To ${i}`, exact: true }).waitFor();
    }
    // Out of the other tests' lists.
    for (const id of moves) await api(`moves/${id}`, undefined, 'DELETE');
  });

  it('confirms several moves at once from the list, then deletes them', async () => {
    const person = await api('people', { name: 'Bulk Sample' });
    const lab = await api('organizations', { name: 'Bulk Lab', sector: 'private_lab' });
    for (const year of [2016, 2017, 2018]) {
      await api('moves', { personId: person.id, toOrganizationId: lab.id, roleCategory: 'researcher', datePrecision: 'year', status: 'rumoured', effectiveOn: `${year}-01-01` });
    }
    const filter = encodeURIComponent(JSON.stringify({ q: 'bulk sample' }));
    const statuses = async () =>
      (await api<{ status: string }[]>(`moves?filter=${filter}`)).map((move) => move.status).sort();
    await page.goto(`/moves?filter=${filter}`);
    await page.getByText('1-3 of 3').waitFor();
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: 'Mark Confirmed' }).click();
    // Changing many records is asked to be confirmed first.
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    for (let tries = 0; (await statuses()).join() !== 'confirmed,confirmed,confirmed'; tries++) {
      if (tries > 50) throw new Error(`statuses are ${await statuses()}`);
      await page.waitForTimeout(100);
    }
    await page.getByRole('cell', { name: 'Confirmed' }).first().waitFor();
    await screenshot(page, 'moves-bulk');

    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    for (let tries = 0; (await statuses()).length > 0; tries++) {
      if (tries > 50) throw new Error('the moves are still there');
      await page.waitForTimeout(100);
    }
  });

  it('exports the filtered moves list to CSV', async () => {
    const person = await api('people', { name: 'Export Sample' });
    const [from, to] = await Promise.all([
      api('organizations', { name: 'Export From', sector: 'university' }),
      api('organizations', { name: 'Export To', sector: 'startup' }),
    ]);
    const move = (status: string, effectiveOn: string) =>
      api('moves', {
        personId: person.id,
        fromOrganizationId: from.id,
        toOrganizationId: to.id,
        roleCategory: 'researcher',
        datePrecision: 'day',
        status,
        effectiveOn,
      });
    await move('rumoured', '2024-01-10');
    await move('rumoured', '2024-02-10');
    await move('cancelled', '2024-03-10');

    const filter = encodeURIComponent(JSON.stringify({ q: 'export sample', status: 'rumoured' }));
    await page.goto(`/moves?filter=${filter}`);
    await page.getByRole('row', { name: /Export Sample/ }).first().waitFor();
    await page.getByText('1-2 of 2').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('id,person,from,to,role,roleCategory,effectiveOn,datePrecision,announcedOn,status,sourceIds,notes');
    // The filter's rows only (the cancelled move is left out), with names rather than ids.
    const rows = csv.slice(1).map((line) => line.replace(/^[0-9a-f-]{36},/, '')).sort();
    expect(rows).toEqual([
      'Export Sample,Export From,Export To,,researcher,2024-01-10,day,,rumoured,,',
      'Export Sample,Export From,Export To,,researcher,2024-02-10,day,,rumoured,,',
    ]);
  });

  it('imports a spreadsheet of moves: preview first, then all of it, then finds it in the history', async () => {
    const csv = 'Name,From,To,From sector,To sector,Date\nImported Researcher,Imported Lab A,Imported Lab B,startup,private_lab,2024-05\n';
    await page.goto('/imports/create');
    await page.getByLabel('File to import').setInputFiles({ name: 'lab-moves.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    const row = page.getByRole('row', { name: /Imported Researcher: Imported Lab A → Imported Lab B/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Create');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isEnabled()).toBe(true);
    await screenshot(page, 'import-preview');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByRole('row', { name: /lab-moves\.csv.*1 created/ }).waitFor();

    await page.goto('/moves');
    await page.getByPlaceholder('Search').fill('Imported Researcher');
    await page.getByRole('row', { name: /Imported Researcher/ }).waitFor();
  });

  it('shows where an import stands while it runs, then its outcome', async () => {
    const csv = 'Name,From,To,From sector,To sector,Date\nProgress Researcher,Imported Lab A,Imported Lab D,startup,private_lab,2021\n';
    await page.goto('/imports/create');
    await page.getByLabel('File to import').setInputFiles({ name: 'progress.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('cell', { name: 'Create', exact: true }).waitFor();
    // Holding the imports' lock keeps the import waiting, as another import would.
    const holder = new Client({ connectionString: process.env.TALENTFLOW_E2E_DATABASE_URL });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('imports'))`);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Waiting for another import to end…' }).waitFor();
      await page.getByRole('progressbar', { name: 'Waiting for another import to end…' }).waitFor();
      await screenshot(page, 'import-progress');
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext('imports'))`);
      await holder.end();
    }
    await page.waitForURL(/\/imports$/);
    await page.getByRole('row', { name: /progress\.csv.*1 created/ }).waitFor();
  });

  it('imports headcount targets, taking a suggested organisation for a name it does not know', async () => {
    const lab = await api('organizations', { name: 'Suggestion Research Lab', sector: 'private_lab' });
    const csv = 'Organisation,Target,Due by\nSuggestion Reserch Lab,40-50,2026\n';
    await page.goto('/imports/create');
    await page.getByRole('combobox', { name: 'What the file holds' }).click();
    await page.getByRole('option', { name: 'Headcount targets (CSV or XLSX)' }).click();
    await page.getByLabel('File to import').setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    const suggestion = page.getByRole('combobox', { name: 'Suggestion Reserch Lab' });
    await suggestion.waitFor();
    await suggestion.click();
    expect(await page.getByRole('option').allTextContents()).toEqual([`Suggestion Research Lab (${lab.id.slice(0, 8)})`]);
    await page.getByRole('option', { name: /Suggestion Research Lab/ }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('cell', { name: 'Create', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByRole('row', { name: /targets\.csv.*1 created/ }).waitFor();
    const targets = await api<{ low: number; high: number; dueBy: string }[]>(`headcount-targets?filter=${encodeURIComponent(JSON.stringify({ organizationId: lab.id }))}`);
    expect(targets).toMatchObject([{ low: 40, high: 50, dueBy: '2026-12-31' }]);
  });

  it('maps a column the import did not recognise and answers its question, previewing again each time', async () => {
    const [first] = [await api('people', { name: 'Twin Name' }), await api('people', { name: 'Twin Name' })];
    const csv = 'Qui,From,To,To sector,Date\nTwin Name,Imported Lab A,Imported Lab C,startup,2022\n';
    await page.goto('/imports/create');
    await page.getByLabel('File to import').setInputFiles({ name: 'twins.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('cell', { name: /no column of the file is read as person/ }).waitFor();

    await page.getByRole('combobox', { name: 'Qui' }).click();
    await page.getByRole('option', { name: 'person', exact: true }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    const question = page.getByRole('combobox', { name: 'Twin Name' });
    await question.waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await question.click();
    await page.getByRole('option', { name: new RegExp(first.id.slice(0, 8)) }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('cell', { name: 'Create', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByRole('row', { name: /twins\.csv.*1 created/ }).waitFor();
    const moves = await api<{ personId: string }[]>(`moves?filter=${encodeURIComponent(JSON.stringify({ personId: first.id }))}`);
    expect(moves).toHaveLength(1);
  });
});
