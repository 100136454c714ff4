import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

/** Where a run leaves a screenshot of each main page, for a person to look at (git-ignored). */
export const SCREENSHOTS = resolve(__dirname, '../../../../tmp/screenshots');

export const baseUrl = () => {
  const url = process.env.TALENTFLOW_E2E_URL;
  if (!url) throw new Error('TALENTFLOW_E2E_URL is not set: run through jest, whose global setup starts the app');
  return url;
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser tests need Debian's Chromium (`apt-get install chromium`, as .ci/run does). Without it
 * they are skipped with a warning on a developer's machine, and fail in CI (CI=true).
 */
export const describeInBrowser: jest.Describe = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI) {
  console.warn(`No Chromium at ${CHROMIUM}: the browser tests are skipped (apt-get install chromium, or set CHROMIUM_PATH)`);
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export async function newPage(browser: Browser, options: { width?: number; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'en-GB',
    acceptDownloads: true,
  });
  return context.newPage();
}

/**
 * Clicks a chart's shape (a bar, a Sankey link) once its drawing has settled: recharts animates shapes
 * in from nothing, and a shape still growing can sit outside the viewport or have no size at all.
 */
export async function clickShape(shape: Locator): Promise<void> {
  await shape.waitFor();
  await shape.scrollIntoViewIfNeeded();
  let last = '';
  for (const deadline = Date.now() + 10_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const box = await shape.boundingBox();
    const now = JSON.stringify(box);
    if (box && box.width > 0 && box.height > 0 && now === last) break;
    if (Date.now() > deadline) throw new Error(`the chart shape never settled (last box: ${now})`);
    last = now;
  }
  await shape.click({ force: true });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const ADMIN = { email: 'admin@e2e.talentflow.org', password: 'e2e admin password' };
export const accountOf = (role: 'viewer' | 'editor' | 'admin') =>
  role === 'admin' ? ADMIN : { email: `${role}@e2e.talentflow.org`, password: `e2e ${role} password` };

/** Signs in through the API and returns the session cookie, as `name=value`. */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

let adminCookie: Promise<string> | undefined;

/** Calls the API directly as the admin, for the data a test needs before it starts. */
export async function api<T = { id: string }>(path: string, body?: object, method = body ? 'POST' : 'GET'): Promise<T> {
  adminCookie ??= sessionCookie(ADMIN.email, ADMIN.password);
  const response = await fetch(`${baseUrl()}/api/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: await adminCookie },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** An editor and a viewer besides the first admin, created once per run. */
let accounts: Promise<unknown> | undefined;
export function ensureAccounts(): Promise<unknown> {
  accounts ??= Promise.all(
    (['editor', 'viewer'] as const).map((role) =>
      api('users', { ...accountOf(role), displayName: `E2E ${role}`, role }).catch(() => undefined),
    ),
  );
  return accounts;
}

/** Signs in through the login page, as a person would; `labels` are the page's in another language. */
export async function signIn(
  page: Page,
  role: 'viewer' | 'editor' | 'admin' = 'admin',
  labels = { email: 'Email', password: 'Password', submit: 'Sign in' },
): Promise<void> {
  await ensureAccounts();
  const { email, password } = accountOf(role);
  await page.goto('/login');
  await page.getByLabel(labels.email).fill(email);
  await page.getByRole('textbox', { name: labels.password }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
