/**
 * Lead sync in a real browser: a lead typed into the content manager is pushed to the EasyCars
 * sandbox (the list's "EasyCars" column shows its LeadNumber, the edit view the side panel), then
 * the status is changed on both sides, "Sync leads now" runs from the Leads page and the conflict
 * is resolved there. Screenshots: docs/screenshots/leads-{375,768,1280}.png, lead-list-column.png,
 * lead-edit-panel.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningSandbox } from '../../sandbox/src';
import { openEditViewPanel, SCREENSHOTS as SHOTS, startBrowserWorld, type BrowserWorld } from '../helpers/browser-world';
import { createCredential, createDealership, SANDBOX_ACCOUNTS, waitFor } from '../helpers/fixtures';

jest.setTimeout(300_000);

const LEAD = 'api::lead.lead';
const ACCOUNT = SANDBOX_ACCOUNTS.harbour.accountNumber;
const CONFLICT = 'plugin::easycars.lead-conflict';
const CM_LEADS = `/admin/content-manager/collection-types/${LEAD}`;

describe('EasyCars lead sync (browser)', () => {
  let world: BrowserWorld;
  let sandbox: RunningSandbox;
  let admin: BrowserWorld['admin'];
  let page: Page;
  let harbour: string;
  let northside: string;
  let leadId: string;
  let leadNumber: string;

  const record = (leadDocumentId: string) => admin.app.strapi.db.query('plugin::easycars.lead-record' as any).findOne({ where: { leadDocumentId } });
  const localLead = (documentId: string) => admin.app.strapi.documents(LEAD as any).findOne({ documentId } as any) as Promise<any>;

  /** The admin scrolls inside its own container: a whole-page shot needs a viewport as tall as the content. */
  const shoot = async (name: string, width = 1280) => {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('main, main *')).map((e) => e.scrollHeight)));
    await page.setViewportSize({ width, height: Math.min(Math.max(900, height + 120), 4000) });
    await page.waitForTimeout(200);
    const file = path.join(SHOTS, name);
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  /** Strapi's guided tour (modal: the page behind it is hidden from the accessibility tree) and its release banner. */
  const dismissOverlays = async () => {
    const skip = page.getByRole('button', { name: 'Skip', exact: true });
    await skip.waitFor({ timeout: 5_000 }).then(() => skip.click(), () => undefined);
    const banner = page.getByRole('button', { name: /close/i }).first();
    if (await banner.isVisible().catch(() => false)) await banner.click().catch(() => undefined);
  };

  /** Picks an option of one of the content manager's enumeration fields (a combobox named after the field). */
  const chooseEnum = async (field: string, option: string) => {
    await page.getByRole('combobox', { name: new RegExp(`^${field}\\*?$`) }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  beforeAll(async () => {
    world = await startBrowserWorld({ sandbox: { tokenTtlSeconds: 600 }, env: { EASYCARS_MIN_TIME_MS: '0' } });
    ({ sandbox, admin, page } = world);
    harbour = (await createDealership(admin.app.strapi, 'Harbour Motors')).documentId;
    northside = (await createDealership(admin.app.strapi, 'Northside Cars')).documentId;
    await createCredential(admin.app.strapi, harbour, SANDBOX_ACCOUNTS.harbour);
    // A lead EasyCars refuses (no vehicle make): listed as failed, with the reason and Retry.
    const refused = await admin.app.strapi.documents(LEAD as any).create({
      data: { customerName: 'Noah Smith', customerEmail: 'noah@example.com', vehicleModel: 'Ranger', dealership: { connect: [{ documentId: harbour }] } } as any,
    });
    await waitFor(async () => (await record(refused.documentId))?.pushState === 'failed', 30_000);
    await world.signInAsSuperAdmin();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('creates a lead in the content manager and shows its LeadNumber in the list column and the side panel', async () => {
    await page.goto(`${admin.url}${CM_LEADS}/create`);
    await dismissOverlays();
    await page.getByLabel('Customer name').fill('Ava Brown');
    await page.getByLabel('Customer email').fill('ava.browser@example.com');
    await page.getByLabel('Customer mobile').fill('0400 111 222');
    await page.getByLabel('Message').fill('Is the Corolla still available?');
    await page.getByLabel('Vehicle make').fill('Toyota');
    await page.getByLabel('Vehicle model').fill('Corolla');
    await page.getByLabel('Vehicle year').fill('2021');
    await chooseEnum('Rating', 'hot');
    // No schema default any more: without a linked vehicle the editor sets type and condition.
    await chooseEnum('Vehicle type', 'car');
    await page.getByRole('checkbox', { name: 'New vehicle' }).click();
    await page.getByRole('combobox', { name: 'Dealership' }).click();
    await page.getByRole('option', { name: 'Harbour Motors' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`${LEAD}/[a-z0-9]{20,}`), { timeout: 30_000 });
    leadId = new URL(page.url()).pathname.split('/').pop()!;

    const rec = await waitFor(async () => {
      const r = await record(leadId);
      return r?.pushState === 'pushed' ? r : null;
    }, 30_000);
    leadNumber = rec.LeadNumber;
    expect(leadNumber).toMatch(/^\d{6}$/);
    expect(sandbox.control.getLead(leadNumber, ACCOUNT)).toMatchObject({ ExternalID: leadId, VehicleMake: 'Toyota', CustomerEmail: 'ava.browser@example.com' });

    // The panel of the lead just saved follows the push until it has its LeadNumber.
    const panel = page.getByTestId('easycars-lead-panel');
    await panel.filter({ hasText: leadNumber }).waitFor({ timeout: 30_000 });
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Sent');
    expect(text).toContain(rec.CustomerNo);

    await page.goto(`${admin.url}${CM_LEADS}?page=1&pageSize=10`);
    await dismissOverlays();
    // Strapi 5.54's list is a grid: its header cells are <th role="gridcell">.
    await page.locator('th', { hasText: 'EasyCars' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('easycars-lead-badge').filter({ hasText: leadNumber }).waitFor();
    // The lead that could not be sent reads "Failed" (in words, not only a colour).
    await page.getByTestId('easycars-lead-badge').filter({ hasText: 'Failed' }).waitFor();
    await shoot('lead-list-column.png');
  });

  const openLeadPanel = (documentId: string) =>
    openEditViewPanel(page, {
      editUrl: `${admin.url}${CM_LEADS}/${documentId}`,
      listUrl: `${admin.url}${CM_LEADS}?page=1&pageSize=10`,
      testId: 'easycars-lead-panel',
      name: 'lead-panel',
      afterNavigation: dismissOverlays,
    });

  it('resolves a status conflict from the Leads page after "Sync leads now"', async () => {
    await openLeadPanel(leadId);
    // EasyCars marks the lead lost while an editor here marks it won.
    sandbox.control.setIncludeLeadStatus(true);
    sandbox.control.updateLead(leadNumber, { LeadStatus: 60 }, ACCOUNT);
    await chooseEnum('Lead status', 'won');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await localLead(leadId)).leadStatus === 'won');
    // The push reads EasyCars' status first: both changed, so the manual strategy queues a conflict and sends nothing.
    await waitFor(() => admin.app.strapi.db.query(CONFLICT as any).findOne({ where: { leadDocumentId: leadId, state: 'open' } }), 30_000);
    expect(sandbox.control.getLead(leadNumber, ACCOUNT)!.LeadStatus).toBe(60);

    await page.reload();
    const panel = page.getByTestId('easycars-lead-panel');
    await panel.getByText('Here: Won. In EasyCars: Lost.').waitFor({ timeout: 60_000 });
    await shoot('lead-edit-panel.png');

    await panel.getByRole('link', { name: 'Resolve it on the Leads page' }).click();
    await page.waitForURL(/\/admin\/plugins\/easycars\/leads\?dealership=/);
    expect(new URL(page.url()).searchParams.get('dealership')).toBe(harbour);
    await page.getByRole('heading', { name: 'Lead sync', exact: true }).waitFor({ timeout: 60_000 });

    const syncNow = page.getByRole('button', { name: 'Sync leads now' });
    await syncNow.click();
    const runs = page.getByTestId('leads-runs');
    await runs.getByText('Needs attention').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Sync leads now' }).and(page.locator(':enabled')).waitFor();
    await runs.getByRole('button', { name: 'Show details' }).first().click();
    await runs.getByText(`Lead ${leadNumber}: Conflict`).waitFor();

    const conflict = page.getByTestId('leads-conflict').filter({ hasText: `EasyCars lead ${leadNumber}` });
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Last agreed\s*New[\s\S]*Here\s*Won[\s\S]*In EasyCars\s*Lost/);
    await page.getByTestId('leads-push').filter({ hasText: 'VehicleMake is required (lead field: vehicleMake)' }).getByRole('button', { name: 'Retry' }).waitFor();

    for (const width of [375, 768, 1280]) {
      await shoot(`leads-${width}.png`, width);
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await conflict.getByRole('button', { name: 'Keep “Won” (this site)' }).click();
    await page.getByText('Conflict resolved: Status is now “Won” here and in EasyCars.').first().waitFor();
    await page.getByTestId('leads-conflicts').getByText('No conflict to resolve.').waitFor();

    // Both sides now read Won, and Won is the new agreed status.
    expect(sandbox.control.getLead(leadNumber, ACCOUNT)!.LeadStatus).toBe(50);
    expect((await localLead(leadId)).leadStatus).toBe('won');
    expect(await record(leadId)).toMatchObject({ syncedStatus: 50 });
    expect(await admin.app.strapi.db.query(CONFLICT as any).findOne({ where: { leadDocumentId: leadId } })).toMatchObject({ state: 'resolved', resolution: 'local' });

    const after = await openLeadPanel(leadId);
    expect(await after.textContent()).toMatch(/Status agreed with EasyCars\s*Won/);
    expect(await after.textContent()).not.toContain('Open status conflict');
  });

  it('shows the no-credentials state with a link to the credentials page', async () => {
    await page.goto(`${admin.url}/admin/plugins/easycars/leads?dealership=${northside}`);
    await page.getByText('Lead sync needs EasyCars credentials').waitFor({ timeout: 60_000 });
    await page.getByText('Northside Cars is not connected to EasyCars yet.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Add EasyCars credentials' }).click();
    await page.waitForURL(/\/admin\/plugins\/easycars\/credentials\?dealership=/);
    expect(new URL(page.url()).searchParams.get('dealership')).toBe(northside);
  });
});
