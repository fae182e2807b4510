/**
 * Local edits and the conflict inbox in a real browser: the dealership chooses manual review on the Stock
 * page, an edit here meets an EasyCars change, and the conflict is merged field by field with a preview
 * on the Conflicts page. Screenshots: docs/screenshots/local-edits-settings.png, conflicts-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../sandbox/src';
import { launchBrowser, loginViaUi, startAdminApp, type AdminApp } from '../helpers/browser';
import { createCredential, createDealership, SANDBOX_ACCOUNTS } from '../helpers/fixtures';
import { ROOT } from '../helpers/database';

jest.setTimeout(300_000);

const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const ACCOUNT = 'EC114575';
const VEHICLE = 'api::vehicle.vehicle';

describe('EasyCars conflict inbox (browser)', () => {
  let sandbox: RunningSandbox;
  let admin: AdminApp;
  let browser: Browser;
  let page: Page;
  let dealership: string;

  const stockSync = async () => {
    const { strapi } = admin.app;
    const log = await strapi.plugin('easycars').service('syncLogs').createIfIdle({ dealership, type: 'stock', trigger: 'manual' });
    await strapi.plugin('easycars').service('stockSync').run({ dealership, syncLogId: log.id, trigger: 'manual' });
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ stockCount: { EC114575: 8, EC208841: 2 } });
    admin = await startAdminApp({ env: { EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test, EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production, EASYCARS_IMAGES_ENABLED: 'false' } });
    dealership = (await createDealership(admin.app.strapi, 'Harbour Motors')).documentId;
    await createCredential(admin.app.strapi, dealership, SANDBOX_ACCOUNTS.harbour);
    await stockSync();
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await admin?.app.destroy();
    await sandbox?.close();
  });

  it('chooses manual review for local edits on the Stock page', async () => {
    const superAdmin = await admin.app.superAdmin();
    await loginViaUi(page, admin.url, superAdmin.email, superAdmin.password);
    await page.goto(`${admin.url}/admin/plugins/easycars/stock?dealership=${dealership}`);
    const card = page.getByTestId('local-edits');
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('radio', { name: /Manual review/ }).click();
    await page.screenshot({ path: path.join(SHOTS, 'local-edits-settings.png'), fullPage: true });
    await card.getByText(/Per field/).click();
    await card.getByRole('combobox', { name: 'When description changes on both sides' }).waitFor();
    await card.getByRole('button', { name: 'Save local-edit settings' }).click();
    await page.getByText('Local-edit settings saved.').waitFor();
  });

  it('merges a vehicle’s conflicting fields with a preview, then applies the result', async () => {
    const { strapi } = admin.app;
    const item = sandbox.control.listStock(ACCOUNT)[0];
    const draft: any = await strapi.documents(VEHICLE as any).findFirst({ filters: { stockNumber: item.StockNumber }, status: 'draft' } as any);
    await strapi.documents(VEHICLE as any).update({ documentId: draft.documentId, data: { colour: 'Sunset Orange', description: 'Our copywriter’s words.' } } as any);
    sandbox.control.updateStock(ACCOUNT, item.StockNumber, { Colour: 'Ocean Blue', AdvDescription: 'EasyCars’ new words.' });
    await stockSync();

    await page.goto(`${admin.url}/admin/plugins/easycars/conflicts?dealership=${dealership}`);
    const card = page.getByTestId('conflict-card').first();
    await card.waitFor({ timeout: 30_000 });
    await page.getByTestId('inbox-counts').getByText('Open: 2 on vehicles, 0 on leads.').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'conflicts-1-inbox.png'), fullPage: true });

    await card.getByTestId('conflict-field-colour').getByRole('radio', { name: 'EasyCars' }).click();
    await card.getByTestId('conflict-field-description').getByRole('radio', { name: 'Another value' }).click();
    await card.getByRole('textbox', { name: 'Value for description' }).fill('Our copywriter’s words, with EasyCars’ news.');
    await card.getByRole('button', { name: 'Preview' }).click();
    const preview = card.getByTestId('conflict-preview');
    await preview.getByText('colour: Ocean Blue').waitFor();
    await preview.getByText('description: Our copywriter’s words, with EasyCars’ news.').waitFor();
    await card.screenshot({ path: path.join(SHOTS, 'conflicts-2-merge-preview.png') });
    await card.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('2 conflicts resolved.').waitFor();
    await page.getByTestId('inbox-empty').waitFor();

    const after: any = await strapi.documents(VEHICLE as any).findOne({ documentId: draft.documentId, status: 'draft' } as any);
    expect([after.colour, after.description]).toEqual(['Ocean Blue', 'Our copywriter’s words, with EasyCars’ news.']);
    for (const width of [375, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect([width, overflow <= 1]).toEqual([width, true]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
