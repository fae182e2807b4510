/**
 * Reconciliation and the setup check in a real browser: run a reconciliation, read the counts and the
 * differences, open one side by side, ignore one with a reason, sync another from EasyCars; the setup
 * check under EasyCars → Settings. Screenshots go to docs/screenshots/reconciliation-*.png and setup-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS as SHOTS, shootAtWidths, startBrowserWorld, syncStockNow, type BrowserWorld } from '../helpers/browser-world';
import { createCredential, createDealership, SANDBOX_ACCOUNTS } from '../helpers/fixtures';

jest.setTimeout(300_000);

const ACCOUNT = 'EC114575';

describe('EasyCars reconciliation (browser)', () => {
  let world: BrowserWorld;
  let admin: BrowserWorld['admin'];
  let page: Page;
  let dealership: string;
  let edited: string;

  beforeAll(async () => {
    world = await startBrowserWorld({ sandbox: { stockCount: { EC114575: 30, EC208841: 3 } }, env: { EASYCARS_IMAGES_ENABLED: 'false' } });
    ({ admin, page } = world);
    const { sandbox } = world;
    const { strapi } = admin.app;
    dealership = (await createDealership(strapi, 'Harbour Motors')).documentId;
    await createCredential(strapi, dealership, SANDBOX_ACCOUNTS.harbour);
    await syncStockNow(strapi, dealership);
    // Differences to find: an editor's better description, a price EasyCars changed, a vehicle EasyCars sold, a new one.
    const feed = sandbox.control.listStock(ACCOUNT);
    edited = feed[0].StockNumber;
    const draft: any = await strapi.documents('api::vehicle.vehicle' as any).findFirst({ filters: { stockNumber: edited }, status: 'draft' } as any);
    await strapi.documents('api::vehicle.vehicle' as any).update({ documentId: draft.documentId, data: { description: 'Hand-polished by our copywriter: one owner, full service history.' } } as any);
    sandbox.control.updateStock(ACCOUNT, feed[1].StockNumber, { Price: 19990 });
    sandbox.control.removeStock(ACCOUNT, feed[2].StockNumber);
    sandbox.control.addStock(ACCOUNT);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('runs a reconciliation and shows the differences, counts first', async () => {
    await world.signInAsSuperAdmin();
    await page.goto(`${admin.url}/admin/plugins/easycars/reconciliation?dealership=${dealership}`);
    await page.getByText('No reconciliation has run yet for Harbour Motors.').waitFor();
    await page.getByRole('button', { name: 'Run reconciliation' }).click();
    const summary = page.getByTestId('recon-summary');
    await summary.waitFor({ timeout: 60_000 });
    await page.getByText(/4 open differences/).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('recon-count-field_diff').innerText()).toMatch(/2$/);
    expect(await page.getByTestId('recon-count-missing_here').innerText()).toMatch(/1$/);
    expect(await page.getByTestId('recon-count-extra_here').innerText()).toMatch(/1$/);
    await page.screenshot({ path: path.join(SHOTS, 'reconciliation-1-report.png'), fullPage: true });

    const row = page.getByTestId('recon-row').filter({ hasText: edited });
    await row.getByRole('button', { name: 'View details' }).click();
    const details = page.getByTestId('recon-details');
    await details.getByText('Hand-polished by our copywriter', { exact: false }).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, 'reconciliation-2-details.png') });
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
  });

  it('ignores a difference with a reason, and syncs another from EasyCars', async () => {
    const row = page.getByTestId('recon-row').filter({ hasText: edited });
    await row.getByRole('button', { name: 'Ignore' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('textbox').fill('Our copywriter’s text is better; keep it.');
    await page.screenshot({ path: path.join(SHOTS, 'reconciliation-3-ignore.png') });
    await dialog.getByRole('button', { name: 'Ignore' }).click();
    await page.getByText('1 difference(s) ignored.').waitFor();
    await page.getByText(/3 open differences/).waitFor();

    const price = page.getByTestId('recon-row').filter({ hasText: 'Field differences' }).first();
    await price.getByRole('button', { name: 'Sync from EasyCars' }).click();
    await page.getByText(/applies EasyCars to 1 vehicle/).waitFor();
    await page.getByRole('button', { name: 'Run reconciliation' }).click();
    await page.getByText(/2 open differences/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'reconciliation-4-after.png'), fullPage: true });
    await shootAtWidths(page, SHOTS, 'reconciliation-page', { widths: [375, 768] });
  });

  it('shows the setup check under EasyCars → Settings', async () => {
    await page.goto(`${admin.url}/admin/plugins/easycars/settings?dealership=${dealership}`);
    await page.getByText('Everything the plugin needs is in place').waitFor({ timeout: 30_000 });
    await page.getByTestId('setup-field-vehicle-price').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'setup-check.png'), fullPage: true });
  });
});
