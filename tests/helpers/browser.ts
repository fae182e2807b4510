import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStrapi, type StartOptions, type TestApp } from './strapi';

/** Debian's chromium: playwright cannot download browsers on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export interface AdminApp {
  app: TestApp;
  /** http://127.0.0.1:PORT — the admin panel is under /admin. */
  url: string;
}

/**
 * Boots Strapi in-process (startStrapi) on a throw-away database. Strapi serves the built
 * admin panel from dist/build, so `npx strapi build` must have run after admin changes.
 */
export async function startAdminApp(options: StartOptions = {}): Promise<AdminApp> {
  const app = await startStrapi(options);
  // startStrapi mounts the server for supertest; a browser needs it listening on a real port.
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = app.strapi.server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const res = await fetch(`${url}/admin`);
  const html = await res.text();
  if (res.status !== 200 || !html.includes('<div id="strapi"')) {
    await app.destroy();
    throw new Error(`The admin panel is not served at ${url}/admin (HTTP ${res.status}). Run \`npx strapi build\` first.`);
  }
  return { app, url };
}

/** Signs in through the login form, as a person would. */
export async function loginViaUi(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/admin/auth/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /login/i }).click();
  await page.waitForURL((u) => !u.pathname.includes('/auth/'), { timeout: 30_000 });
}
