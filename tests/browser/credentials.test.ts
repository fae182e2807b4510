import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS as SHOTS, startBrowserWorld, type BrowserWorld } from '../helpers/browser-world';
import { createDealership, SANDBOX_ACCOUNTS, SANDBOX_CLIENT } from '../helpers/fixtures';

jest.setTimeout(240_000);

const SECRETS = [SANDBOX_CLIENT.clientId, SANDBOX_CLIENT.clientSecret, SANDBOX_ACCOUNTS.harbour.accountSecret];

describe('EasyCars credentials page (browser)', () => {
  let world: BrowserWorld;
  let page: Page;
  let dealership: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    ({ page } = world);
    const { strapi } = world.admin.app;
    dealership = (await createDealership(strapi, 'Harbour Motors')).documentId;
    await createDealership(strapi, 'Northside Cars');
  });

  afterAll(async () => {
    await world?.close();
  });

  it('logs in, connects a dealership with sandbox credentials, and shows "configured" after a reload without secrets', async () => {
    await world.signInAsSuperAdmin();

    await page.getByRole('link', { name: 'EasyCars' }).first().click();
    // No credentials yet: the index opens the Credentials page, with the dealership in the URL.
    await page.waitForURL(/\/admin\/plugins\/easycars\/credentials\?dealership=/);
    expect(new URL(page.url()).searchParams.get('dealership')).toBe(dealership);
    await page.getByText('Not configured', { exact: true }).waitFor();

    await page.getByLabel('Client ID').fill(SANDBOX_CLIENT.clientId);
    await page.getByLabel('Client Secret').fill(SANDBOX_CLIENT.clientSecret);
    await page.getByLabel('Account Number').fill(SANDBOX_ACCOUNTS.harbour.accountNumber);
    await page.getByLabel('Account Secret').fill(SANDBOX_ACCOUNTS.harbour.accountSecret);
    const save = page.getByRole('button', { name: 'Save', exact: true });
    expect(await save.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Connection succeeded.').waitFor();
    await page.getByText('Stock: connected, 250 stock items found').waitFor();
    await page.getByText('Leads: connected').waitFor();
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    await page.getByText('EasyCars credentials saved.').first().waitFor();

    await page.reload();
    await page.getByText('Configured', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('dealership')).toBe(dealership);
    await page.getByText(/Succeeded on/).waitFor();
    expect(await page.getByLabel('Client Secret').inputValue()).toBe('');
    expect(await page.getByLabel('Account Secret').inputValue()).toBe('');
    const html = (await page.content()).toLowerCase();
    for (const secret of SECRETS) expect(html).not.toContain(secret.toLowerCase());
    expect(html).toContain('••••18e6');
  });

  it('saves screenshots at phone, tablet and desktop widths', async () => {
    // Strapi's release banner is not part of the page under test.
    const banner = page.getByRole('button', { name: /close/i }).first();
    if (await banner.isVisible().catch(() => false)) await banner.click().catch(() => undefined);
    for (const width of [375, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByText('Configured', { exact: true }).waitFor();
      await page.waitForTimeout(300); // let the layout settle after the resize
      // The admin scrolls inside its own container, so a "full page" shot needs a viewport as tall as the content.
      const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('main, main *')).map((e) => e.scrollHeight)));
      await page.setViewportSize({ width, height: Math.min(Math.max(900, height + 120), 4000) });
      await page.waitForTimeout(200);
      const file = path.join(SHOTS, `credentials-${width}.png`);
      await page.screenshot({ path: file });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
      // Nothing may overflow the viewport sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    }
  });
});
