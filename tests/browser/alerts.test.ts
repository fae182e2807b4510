/**
 * Alerts in a real browser (issue 13): two failed syncs open alerts that show in the dashboard
 * banner and as a count on the EasyCars menu; the Alerts page acknowledges one, and the rule
 * settings are changed and kept. Screenshots at phone, tablet and desktop widths go to docs/screenshots/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS as SHOTS, shootAtWidths, startBrowserWorld, syncStockNow, type BrowserWorld } from '../helpers/browser-world';
import { createCredential, createDealership, SANDBOX_ACCOUNTS } from '../helpers/fixtures';

jest.setTimeout(300_000);

describe('EasyCars alerts (browser)', () => {
  let world: BrowserWorld;
  let admin: BrowserWorld['admin'];
  let page: Page;
  let harbour: string;

  const sync = async (dealership: string) => {
    await syncStockNow(admin.app.strapi, dealership);
    await admin.app.strapi.plugin('easycars').service('alerts').idle();
  };

  beforeAll(async () => {
    world = await startBrowserWorld({ sandbox: { stockCount: { EC114575: 6 } }, env: { EASYCARS_IMAGES_ENABLED: 'false' } });
    ({ admin, page } = world);
    const { sandbox } = world;
    harbour = (await createDealership(admin.app.strapi, 'Harbour Motors')).documentId;
    await createCredential(admin.app.strapi, harbour, SANDBOX_ACCOUNTS.harbour);
    await sync(harbour);
    sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code1', times: 50 });
    await sync(harbour);
    await sync(harbour);
    sandbox.control.clearFaults();
    await world.signInAsSuperAdmin();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('shows the open alerts in the dashboard banner, a count on the menu, and the performance charts', async () => {
    await page.goto(`${admin.url}/admin/plugins/easycars/dashboard?dealership=${harbour}`);
    const banner = page.getByTestId('dashboard-alerts');
    await banner.getByText(/Harbour Motors — EasyCars refused the credentials: /).waitFor({ timeout: 60_000 });
    await banner.getByText(/Harbour Motors — Consecutive failed syncs: The last 2 stock syncs failed/).waitFor();
    await page.getByTestId('easycars-alert-count').getByText('2', { exact: true }).waitFor();
    const perf = page.getByTestId('performance');
    await perf.getByRole('heading', { name: 'Performance over 30 days' }).waitFor();
    await perf.getByText('The same numbers as a table').click();
    const today = new Date().toISOString().slice(0, 10);
    const row = perf.getByTestId('performance-table').locator('tr', { hasText: today }).first();
    // Three runs today, one of them successful.
    expect((await row.locator('td').allInnerTexts()).slice(0, 2)).toEqual([today, '3']);
    await banner.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'alerts-banner.png') });
  });

  it('acknowledges an alert on the Alerts page, and keeps changed rules', async () => {
    await page.getByTestId('dashboard-alerts').getByRole('link', { name: 'Open' }).first().click();
    await page.waitForURL(/\/plugins\/easycars\/alerts\?dealership=/);
    const open = page.getByRole('region', { name: 'Open alerts (2)' });
    const auth = open.getByTestId('alert-auth_failure');
    await auth.getByText('Critical').waitFor({ timeout: 60_000 });
    await auth.getByRole('button', { name: 'Acknowledge' }).click();
    await auth.getByText('Acknowledged').waitFor();
    await page.getByTestId('easycars-alert-count').getByText('1', { exact: true }).waitFor();

    const form = page.getByTestId('alert-rules');
    await form.getByLabel('Failed runs in a row').fill('3');
    await form.getByLabel('Also mail these addresses').fill('ops@dealer-group.test\nnot-an-address');
    await form.getByText('“not-an-address” is not an email address.').waitFor();
    expect(await form.getByRole('button', { name: 'Save alert rules' }).isDisabled()).toBe(true);
    await form.getByLabel('Also mail these addresses').fill('ops@dealer-group.test');
    await form.getByRole('button', { name: 'Save alert rules' }).click();
    await page.getByText('Alert rules saved for Harbour Motors.').waitFor();
    // Three failed runs in a row are now needed: the consecutive-failures alert resolves.
    await page.getByRole('region', { name: 'Open alerts (1)' }).waitFor({ timeout: 40_000 });
    await page.getByRole('region', { name: 'Resolved alerts' }).getByTestId('alert-consecutive_failures').waitFor();
    await shootAtWidths(page, SHOTS, 'alerts-page');

    await page.reload();
    await expect(page.getByTestId('alert-rules').getByLabel('Failed runs in a row').inputValue()).resolves.toBe('3');
    await expect(page.getByTestId('alert-rules').getByLabel('Also mail these addresses').inputValue()).resolves.toBe('ops@dealer-group.test');
  });
});
