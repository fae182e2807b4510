/** Shared setup for the browser tests: EasyCars sandbox + Strapi serving the admin panel + chromium. */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Browser, Locator, Page } from 'playwright-core';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../../sandbox/src';
import { launchBrowser, loginViaUi, startAdminApp, type AdminApp } from './browser';
import { ROOT } from './database';

export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 900 };

export interface BrowserWorldOptions {
  sandbox?: StartSandboxOptions;
  /** Added to the sandbox base URLs in Strapi's environment, e.g. EASYCARS_IMAGES_ENABLED. */
  env?: Record<string, string>;
  page?: { acceptDownloads?: boolean };
}

export interface BrowserWorld {
  sandbox: RunningSandbox;
  admin: AdminApp;
  browser: Browser;
  /** 1280×900. */
  page: Page;
  signInAsSuperAdmin(): Promise<void>;
  close(): Promise<void>;
}

/** Also creates docs/screenshots/. If a step fails, whatever already started is closed. */
export async function startBrowserWorld(options: BrowserWorldOptions = {}): Promise<BrowserWorld> {
  let sandbox: RunningSandbox | undefined;
  let admin: AdminApp | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await admin?.app.destroy();
    await sandbox?.close();
  };
  try {
    sandbox = await startSandbox(options.sandbox);
    admin = await startAdminApp({
      env: {
        EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
        EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
        ...options.env,
      },
    });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: VIEWPORT, ...options.page });
    await page.addInitScript(idleCallbacksWithDeadline);
    const app = admin;
    return {
      sandbox,
      admin,
      browser,
      page,
      async signInAsSuperAdmin() {
        const superAdmin = await app.app.superAdmin();
        await loginViaUi(page, app.url, superAdmin.email, superAdmin.password);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The content manager draws an edit view's side column (Save, Publish, plugin panels) from
 * requestIdleCallback. Headless Chromium sometimes runs no idle callback for 30 s and more while it
 * still draws frames (the stuck-page probes below showed it: idleCallback false, animationFrame true),
 * so the column stayed empty. A deadline makes the browser run each one within 500 ms however busy it
 * thinks it is; it is the standard option of requestIdleCallback, nothing of the app is replaced.
 */
function idleCallbacksWithDeadline() {
  const request = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (callback, options) => request(callback, { timeout: 500, ...options });
}

/** Runs one stock sync in-line, as the job would, and returns its sync log id. */
export async function syncStockNow(strapi: Core.Strapi, dealership: string): Promise<number> {
  const plugin = strapi.plugin('easycars');
  const log = await plugin.service('syncLogs').createIfIdle({ dealership, type: 'stock', trigger: 'manual' });
  if (!log) throw new Error('a stock sync is already active for this dealership');
  await plugin.service('stockSync').run({ dealership, syncLogId: log.id, trigger: 'manual' });
  return log.id;
}

/**
 * Full-page screenshots <dir>/<name>-<width>.png, then back to 1280×900. At each width the page itself
 * must not scroll sideways, unless `overflowAllowed` (Strapi's own list table scrolls inside its frame).
 */
export async function shootAtWidths(
  page: Page,
  dir: string,
  name: string,
  opts: { widths?: number[]; overflowAllowed?: boolean } = {},
): Promise<void> {
  for (const width of opts.widths ?? [375, 768, 1280]) {
    await page.setViewportSize({ width, height: VIEWPORT.height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
    if (!opts.overflowAllowed) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect([name, width, overflow <= 1]).toEqual([name, width, true]);
    }
  }
  await page.setViewportSize(VIEWPORT);
}

/**
 * Opens an entry's edit view and waits for one of the plugin's side panels. Under CI load the content manager
 * sometimes never finishes its first render after a full navigation (the form shows, the side column does not);
 * a later navigation recovers it, more surely by way of the list view (the content manager's own routing). Up to
 * five tries; each stuck page is screenshotted to test-results/ with the browser console, for diagnosis.
 */
export async function openEditViewPanel(
  page: Page,
  opts: { editUrl: string; listUrl: string; testId: string; name: string; afterNavigation?: () => Promise<void> },
): Promise<Locator> {
  const panel = page.getByTestId(opts.testId);
  const consoleLines: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${m.type()}: ${m.text()}`);
  };
  page.on('console', onConsole);
  try {
    for (let attempt = 1; ; attempt++) {
      if (attempt % 2 === 0) await page.goto(opts.listUrl, { waitUntil: 'networkidle' });
      await page.goto(opts.editUrl, { waitUntil: 'networkidle' });
      await opts.afterNavigation?.();
      try {
        await panel.waitFor({ timeout: attempt === 1 ? 30_000 : 20_000 });
        return panel;
      } catch (error) {
        const dir = path.join(ROOT, 'test-results');
        fs.mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, `${opts.name}-stuck-${attempt}.png`) }).catch(() => undefined);
        const state = await describeStuckPage(page).catch((e: Error) => `state unknown: ${e.message}`);
        fs.writeFileSync(path.join(dir, `${opts.name}-stuck-${attempt}.console.txt`), [state, ...consoleLines].join('\n'));
        if (attempt === 5) throw error;
      }
    }
  } finally {
    page.off('console', onConsole);
  }
}

/**
 * What a stuck edit view looks like from inside: the content manager draws its side panels from an
 * idle callback (DescriptionComponentRenderer), so whether the page still gets idle callbacks and
 * animation frames, and whether it counts as visible and focused, is the first thing to know.
 */
async function describeStuckPage(page: Page): Promise<string> {
  const state = await page.evaluate(async () => {
    const within3s = (start: (done: () => void) => void) =>
      new Promise<boolean>((resolve) => {
        start(() => resolve(true));
        setTimeout(() => resolve(false), 3000);
      });
    const [idleCallback, animationFrame] = await Promise.all([within3s((done) => requestIdleCallback(done, { timeout: 0 })) /* 0: no deadline, as the page's own */, within3s((done) => requestAnimationFrame(done))]);
    return {
      idleCallback,
      animationFrame,
      visibility: document.visibilityState,
      focused: document.hasFocus(),
      width: window.innerWidth,
      sidePanels: Array.from(document.querySelectorAll('aside h2'), (h) => h.textContent),
    };
  });
  return `page state: ${JSON.stringify(state)}`;
}
