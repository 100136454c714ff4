import type { Browser, Page } from 'playwright-core';
import { api, describeInBrowser, launchBrowser, newPage, screenshot, signIn } from './support/browser';

/** Each role sees only what it may do; the API refuses the rest whatever the page shows. */
describeInBrowser('roles in the web app', () => {
  let browser: Browser;
  let page: Page;
  let person: { id: string; version: number };
  let move: { id: string; version: number };

  beforeAll(async () => {
    browser = await launchBrowser();
    person = await api('people', { name: 'Roles Person' });
    const lab = await api('organizations', { name: 'Roles Lab', sector: 'private_lab' });
    move = await api('moves', { personId: person.id, toOrganizationId: lab.id, roleCategory: 'researcher', datePrecision: 'day', status: 'rumoured' });
  });
  afterAll(() => browser.close());
  beforeEach(async () => (page = await newPage(browser)));
  afterEach(() => page.context().close());

  const menu = (name: string) => page.getByRole('menuitem', { name });

  it('shows a viewer no way to write, and the API refuses a viewer’s direct write', async () => {
    await signIn(page, 'viewer');
    // Its own move, whatever other suites have added to the shared database.
    await page.goto(`/moves?filter=${encodeURIComponent(JSON.stringify({ q: 'roles person' }))}`);
    await page.getByRole('row', { name: /Roles Person/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
    // No rows to select: a viewer has no bulk action.
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await menu('Users').count()).toBe(0);
    expect(await menu('Audit log').count()).toBe(0);
    await page.goto(`/moves/${move.id}/show`);
    await page.getByText('Roles Lab').first().waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await screenshot(page, 'viewer-move-show');

    const status = await page.evaluate(async () => {
      const response = await fetch('/api/organizations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Written by a viewer', sector: 'startup' }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    expect(await api<unknown[]>(`organizations?filter=${encodeURIComponent('{"q":"written by a viewer"}')}`)).toEqual([]);
  });

  it('lets an editor create and edit, but not manage users, restore or delete for good', async () => {
    await signIn(page, 'editor');
    await page.goto('/moves');
    await page.getByRole('link', { name: 'Create' }).waitFor();
    expect(await menu('Users').count()).toBe(0);
    await page.goto(`/people/${person.id}/show`);
    await page.getByRole('link', { name: 'Edit' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete for good' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Merge a duplicate into this' }).count()).toBe(0);
  });

  it('lets an admin manage users, read the audit log, and restore a deleted record', async () => {
    await signIn(page, 'admin');
    await menu('Users').click();
    await page.getByRole('row', { name: /editor@e2e.talentflow.org/ }).waitFor();
    await screenshot(page, 'admin-users');
    await menu('Audit log').click();
    await page.getByRole('row', { name: /Signed in/ }).first().waitFor();
    await screenshot(page, 'admin-audit-log');

    const doomed = await api('sources', { url: 'https://example.org/deleted-then-restored', title: 'To restore' });
    await api(`sources/${doomed.id}`, undefined, 'DELETE');
    await page.goto(`/sources?filter=${encodeURIComponent('{"deleted":true}')}`);
    await page.getByRole('row', { name: /To restore/ }).click();
    await page.getByRole('status').getByText(/Deleted on/).waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();
    // exact: the page also shows the source's address, "…/deleted-then-restored".
    await page.getByText('Restored', { exact: true }).waitFor();
    await page.getByRole('status').getByText(/Deleted on/).waitFor({ state: 'detached' });
    const restored = await api<{ deletedAt: string | null }>(`sources/${doomed.id}`);
    expect(restored.deletedAt).toBeNull();
    await page.getByRole('button', { name: /History/ }).click();
    await page.getByTestId('history-entry').filter({ hasText: 'Restore' }).waitFor();
    await screenshot(page, 'admin-source-history');
  });

  it('tells an editor when someone else saved first, and shows the current values', async () => {
    await signIn(page, 'editor');
    const current = await api<{ version: number }>(`moves/${move.id}`);
    await page.goto(`/moves/${move.id}/edit`);
    const role = page.getByRole('textbox', { name: 'Role', exact: true });
    await role.waitFor();
    // Meanwhile another editor (here, the admin through the API) saves the move.
    await api(`moves/${move.id}`, { role: 'Saved first', version: current.version }, 'PUT');
    await role.fill('Saved second');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Someone else saved this record/).waitFor();
    await page.waitForFunction(() => (document.querySelector('input[name="role"]') as HTMLInputElement | null)?.value === 'Saved first');
    expect((await api<{ role: string }>(`moves/${move.id}`)).role).toBe('Saved first');
    await screenshot(page, 'editor-stale-save');
  });
});
