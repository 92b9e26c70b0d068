import { expect } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../helpers.js';
import { freePort } from '../processes.js';
import { loadConfig } from '../../src/server/config/config.js';
import { startServer, type RunningServer } from '../../src/server/server.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export interface BrowserServer {
  baseUrl: string;
  database: TestDatabase;
  server: RunningServer;
  adminPassword: string;
  stop: () => Promise<void>;
}

/** The real server, built web app included, on a fresh test database. */
export async function startBrowserServer(): Promise<BrowserServer> {
  const database = await createTestDatabase();
  const port = await freePort();
  const lines: string[] = [];
  const config = {
    ...loadConfig({}),
    port,
    host: '127.0.0.1',
    databaseUrl: database.connectionString,
    loadDemo: false,
    webDistDir: path.resolve(import.meta.dirname, '../../dist/web'),
    logLevel: 'warn',
  };
  const server = await startServer({ config, log: (line) => lines.push(line) });
  const adminPassword = /Mật khẩu:\s+(\S+)/.exec(lines.join('\n'))?.[1] ?? '';
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    server,
    adminPassword,
    stop: async () => {
      await server.stop();
      await database.drop();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.CANBOXA_SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.CANBOXA_SCREENSHOTS, `${name}.png`), fullPage: true });
  }
}

/**
 * Signs in with a password an administrator gave, chooses `newPassword` on the
 * change-password form every such account must pass, and waits for the shell.
 */
export async function signInChangingPassword(page: Page, account: { baseUrl: string; username: string; password: string; newPassword: string }): Promise<void> {
  await page.goto(account.baseUrl);
  await page.getByTestId('login-username').fill(account.username);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('change-password-form').waitFor();
  await page.getByLabel('Mật khẩu hiện tại').fill(account.password);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(account.newPassword);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(account.newPassword);
  await page
    .getByTestId('change-password-form')
    .getByRole('button', { name: /Đổi mật khẩu|Lưu/ })
    .click();
  await page.getByTestId('sidebar-menu').waitFor();
}

/** The first administrator's first sign-in: the password the server printed at start, replaced by `newPassword`. */
export async function signInAsFirstAdmin(page: Page, server: BrowserServer, newPassword: string): Promise<void> {
  await signInChangingPassword(page, { baseUrl: server.baseUrl, username: 'admin', password: server.adminPassword, newPassword });
}

export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API, for setting up what a browser test needs without clicking through it. */
export async function apiLogin(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${response.status}`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: body.csrfToken };
}

export async function apiPost<T = undefined>(baseUrl: string, session: ApiSession, url: string, payload: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(payload),
  });
  if (response.status >= 300) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Waits until nothing loads and no dropdown, picker or modal is still opening or closing. */
export async function settled(page: Page): Promise<void> {
  const busy = page.locator('.ant-spin-spinning, .ant-select-dropdown:visible, .ant-picker-dropdown:visible, .ant-modal-mask');
  await expect.poll(() => busy.count(), { timeout: 10_000 }).toBe(0);
  await page.waitForTimeout(300);
}
