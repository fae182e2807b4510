/**
 * Local edits and the conflict inbox in a real browser: the dealership chooses manual review on the Stock
 * page, an edit here meets an EasyCars change, and the conflict is merged field by field with a preview
 * on the Conflicts page. Screenshots: docs/screenshots/local-edits-settings.png, conflicts-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningSandbox } from '../../sandbox/src';
import { SCREENSHOTS as SHOTS, startBrowserWorld, syncStockNow, type BrowserWorld } from '../helpers/browser-world';
import { createCredential, createDealership, SANDBOX_ACCOUNTS } from '../helpers/fixtures';

jest.setTimeout(300_000);

const ACCOUNT = 'EC114575';
const VEHICLE = 'api::vehicle.vehicle';

describe('EasyCars conflict inbox (browser)', () => {
  let world: BrowserWorld;
  let sandbox: RunningSandbox;
  let admin: BrowserWorld['admin'];
  let page: Page;
  let dealership: string;

  const stockSync = () => syncStockNow(admin.app.strapi, dealership);

  beforeAll(async () => {
    world = await startBrowserWorld({ sandbox: { stockCount: { EC114575: 8, EC208841: 2 } }, env: { EASYCARS_IMAGES_ENABLED: 'false' } });
    ({ sandbox, admin, page } = world);
    dealership = (await createDealership(admin.app.strapi, 'Harbour Motors')).documentId;
    await createCredential(admin.app.strapi, dealership, SANDBOX_ACCOUNTS.harbour);
    await stockSync();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('chooses manual review for local edits on the Stock page', async () => {
    await world.signInAsSuperAdmin();
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
