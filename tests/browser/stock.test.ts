/**
 * Stock page in a real browser: Sync now → confirmation → live progress → success, survives a
 * reload, then the vehicle list shows the EasyCars badges and the edit view the side panel.
 * Screenshots go to docs/screenshots/stock-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openEditViewPanel, SCREENSHOTS as SHOTS, shootAtWidths, startBrowserWorld, type BrowserWorld } from '../helpers/browser-world';
import { createCredential, createDealership, SANDBOX_ACCOUNTS } from '../helpers/fixtures';

jest.setTimeout(300_000);

describe('EasyCars stock page (browser)', () => {
  let world: BrowserWorld;
  let admin: BrowserWorld['admin'];
  let page: Page;
  let dealership: string;

  beforeAll(async () => {
    world = await startBrowserWorld({
      sandbox: { stockCount: { EC114575: 120, EC208841: 5 } },
      env: { EASYCARS_IMAGE_HOSTS: '127.0.0.1', EASYCARS_IMAGE_HTTP_HOSTS: '127.0.0.1', EASYCARS_IMAGES_ALLOW_PRIVATE: 'true' },
    });
    ({ admin, page } = world);
    dealership = (await createDealership(admin.app.strapi, 'Harbour Motors')).documentId;
    await createCredential(admin.app.strapi, dealership, SANDBOX_ACCOUNTS.harbour);
    // A vehicle typed by hand: the list shows it as "Manual".
    await admin.app.strapi.documents('api::vehicle.vehicle' as any).create({ data: { title: 'Hand-entered ute', stockNumber: 'HAND-1', dealership } as any, status: 'published' } as any);
  });

  const atPhoneAndTablet = (name: string, opts: { overflowAllowed?: boolean } = {}) =>
    shootAtWidths(page, SHOTS, name, { widths: [375, 768], ...opts });

  const openVehiclePanel = (documentId: string) =>
    openEditViewPanel(page, {
      editUrl: `${admin.url}/admin/content-manager/collection-types/api::vehicle.vehicle/${documentId}`,
      listUrl: `${admin.url}/admin/content-manager/collection-types/api::vehicle.vehicle?page=1&pageSize=10`,
      testId: 'easycars-panel',
      name: 'vehicle-panel',
    });

  afterAll(async () => {
    await world?.close();
  });

  it('syncs on "Sync now", shows progress through a reload, then the result and the run history', async () => {
    await world.signInAsSuperAdmin();
    await page.goto(`${admin.url}/admin/plugins/easycars/stock?dealership=${dealership}`);
    await page.getByRole('heading', { name: 'Stock sync', exact: true }).waitFor();
    await page.getByText('Never synced').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'stock-1-before.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Sync stock from EasyCars now?').waitFor();
    await page.getByText(/EasyCars-owned fields|changes made here to EasyCars-owned fields/).waitFor();
    await page.waitForTimeout(500); // let the dialog finish fading in before the screenshot
    await page.screenshot({ path: path.join(SHOTS, 'stock-2-confirm.png') });
    await page.getByRole('button', { name: 'Yes, sync now' }).click();

    // Live progress (phase + n of total); a reload keeps showing it.
    const progress = page.getByTestId('stock-progress');
    await progress.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, 'stock-3-progress.png'), fullPage: true });
    await page.reload();
    await page.getByRole('heading', { name: 'Stock sync', exact: true }).waitFor();

    const status = page.getByTestId('stock-last-status');
    await status.filter({ hasText: 'Success' }).waitFor({ timeout: 180_000 });
    await page.getByTestId('stock-last-result').waitFor();
    // The run finished while the page was open: it says so, with the summary.
    await page.getByText(/Stock sync finished: Success — 120 fetched, 120 created, 0 updated, 0 removed, 0 failed\./).waitFor();
    expect(await page.getByTestId('stock-last-result').innerText()).toMatch(/created\s*120/i);
    await page.getByText('Last 10 stock syncs').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'stock-4-success.png'), fullPage: true });
    await atPhoneAndTablet('stock-page');

    await page.getByRole('button', { name: 'View details' }).first().click();
    await page.getByText(/Stock sync #\d+/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'stock-5-details.png') });
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('shows EasyCars badges in the vehicle list and the side panel in the edit view', async () => {
    await page.goto(`${admin.url}/admin/content-manager/collection-types/api::vehicle.vehicle?page=1&pageSize=10`);
    await page.getByText(/\d+ entries found/).waitFor({ timeout: 60_000 }).catch(async (e) => {
      await page.screenshot({ path: path.join(SHOTS, 'stock-debug.png'), fullPage: true });
      throw e;
    });
    // Strapi's guided tour may cover the page on first visit.
    const skip = page.getByRole('button', { name: 'Skip' });
    if (await skip.isVisible().catch(() => false)) await skip.click();
    await page.locator('th', { hasText: 'EasyCars' }).first().waitFor({ timeout: 30_000 });
    const easycars = page.locator('[data-testid="easycars-badge"][data-source="easycars"]');
    await easycars.first().waitFor();
    expect(await easycars.count()).toBeGreaterThan(0);
    expect(await page.getByText(/^Synced /).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'stock-6-vehicle-list.png'), fullPage: true });

    // The hand-entered vehicle reads "Manual".
    await page.goto(`${admin.url}/admin/content-manager/collection-types/api::vehicle.vehicle?page=1&pageSize=10&_q=HAND-1`);
    await page.locator('[data-testid="easycars-badge"][data-source="manual"]').first().waitFor();

    const [vehicle] = await admin.app.strapi.documents('api::vehicle.vehicle' as any).findMany({ filters: { stockNumber: { $ne: 'HAND-1' } }, limit: 1 } as any);
    const panel = await openVehiclePanel((vehicle as any).documentId);
    const text = await panel.innerText();
    expect(text).toMatch(/in the easycars feed/i);
    expect(text).toContain((vehicle as any).stockNumber);
    expect(text).toMatch(/fields easycars overwrites/i);
    await page.screenshot({ path: path.join(SHOTS, 'stock-7-side-panel.png'), fullPage: true });
    // Phone and tablet widths last: the content manager moves its side panels into a drawer there.
    await atPhoneAndTablet('stock-side-panel', { overflowAllowed: true });
    await page.goto(`${admin.url}/admin/content-manager/collection-types/api::vehicle.vehicle?page=1&pageSize=10`);
    await page.locator('th', { hasText: 'EasyCars' }).first().waitFor({ timeout: 60_000 });
    await atPhoneAndTablet('stock-vehicle-list', { overflowAllowed: true });
  });
});
