/**
 * Issue 17, "the plugin installs into any Strapi 5 app": the plugin is `npm pack`ed and
 * `npm install`ed from the tarball into a copy of tests/fixtures/other-host (plain JavaScript;
 * branch/car/enquiry types whose fields have other names), which then runs a stock sync, pushes
 * an enquiry to EasyCars and passes the setup check. The steps are those of docs/installing.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, testDatabaseClient, type TestDatabase } from '../helpers/database';
import { startSandbox, SANDBOX_CREDENTIALS, type RunningSandboxLike } from '../helpers/sandbox-types';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { settledRecord } from '../helpers/lead-world';
import { copyFixtureApp, declarePluginPath, installTarball, packPlugin, PLUGIN_PACKAGE, useRepoDependencies } from '../helpers/installed-plugin';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'other-host');
const BRANCH = 'api::branch.branch';
const CAR = 'api::car.car';
const ENQUIRY = 'api::enquiry.enquiry';
const ACCOUNT = 'EC114575';
const sqlite = testDatabaseClient() === 'sqlite';

/** The fixture is SQLite only: its database is a file inside the app copy. */
const fixtureDatabase = (appDir: string): TestDatabase => {
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  return { client: 'sqlite', env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/data.db' }, drop: async () => {} };
};

(sqlite ? describe : describe.skip)(
  sqlite
    ? 'the plugin installed from its tarball into another app (sqlite)'
    : 'the plugin installed from its tarball into another app: skipped, the fixture app runs on SQLite only',
  () => {
    let packDir: string;
    let appDir: string;
    let pluginDir: string;
    let installMs: number;
    let sandbox: RunningSandboxLike;
    let app: TestApp;
    let branch: string;

    const plugin = () => app.strapi.plugin('easycars');
    const cars = () =>
      app.strapi.documents(CAR as any).findMany({ filters: { branch: { documentId: branch } }, status: 'published', populate: ['photos', 'branch'], limit: -1 } as any) as Promise<any[]>;

    beforeAll(async () => {
      packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'easycars-pack-'));
      const tarball = await packPlugin(packDir);
      appDir = copyFixtureApp(FIXTURE);
      useRepoDependencies(appDir);
      installMs = await installTarball(appDir, tarball);
      console.info(`npm install ${path.basename(tarball)}: ${(installMs / 1000).toFixed(1)} s`);
      pluginDir = declarePluginPath(appDir);

      sandbox = await startSandbox({ stockCount: { [ACCOUNT]: 6 }, tokenTtlSeconds: 600 });
      app = await startStrapi({
        appDir,
        database: fixtureDatabase(appDir),
        env: {
          EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
          EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
          EASYCARS_IMAGE_HOSTS: '127.0.0.1',
          EASYCARS_IMAGE_HTTP_HOSTS: '127.0.0.1',
          EASYCARS_IMAGES_ALLOW_PRIVATE: 'true',
          EASYCARS_MIN_TIME_MS: '0',
        },
      });
      const created = await app.strapi.documents(BRANCH as any).create({ data: { title: 'Fitzroy Cars', timeZone: 'Australia/Melbourne' } as any });
      branch = created.documentId;
      await plugin().service('credentials').create(
        { dealership: branch, environment: 'test', isActive: true, imageSyncEnabled: true },
        { ...SANDBOX_CREDENTIALS.client, ...SANDBOX_CREDENTIALS.accounts[ACCOUNT] },
      );
    });

    afterAll(async () => {
      await app?.destroy();
      await sandbox?.close();
      if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
      if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
    });

    it('npm put the plugin and its dependencies in the app, not a link to the workspace', () => {
      const manifest = require.resolve(`${PLUGIN_PACKAGE}/package.json`, { paths: [appDir] });
      expect(manifest).toBe(path.join(appDir, 'node_modules', PLUGIN_PACKAGE, 'package.json'));
      expect(fs.lstatSync(path.dirname(manifest)).isSymbolicLink()).toBe(false);
      expect(fs.existsSync(path.join(path.dirname(manifest), 'dist', 'server', 'index.js'))).toBe(true);
      expect(fs.existsSync(path.join(path.dirname(manifest), 'server'))).toBe(false);
      // One of its own dependencies, installed with it (a workspace would have hoisted it).
      expect(fs.existsSync(path.join(appDir, 'node_modules', 'zod', 'package.json'))).toBe(true);
      expect(JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')).dependencies[PLUGIN_PACKAGE]).toMatch(/^file:.*\.tgz$/);
      expect((app.strapi.config.get('enabledPlugins') as any).easycars.pathToPlugin).toBe(pluginDir);
      expect(installMs).toBeLessThan(90_000);
    });

    it("a stock sync fills the app's car type under its own field names, linked to the branch", async () => {
      const feed = sandbox.control.listStock(ACCOUNT);
      const log = await plugin().service('syncLogs').createIfIdle({ dealership: branch, type: 'stock', trigger: 'manual' });
      await plugin().service('stockSync').run({ dealership: branch, syncLogId: log.id, trigger: 'manual' });
      const done = await plugin().service('syncLogs').get(log.id);
      expect(done).toMatchObject({ status: 'success', fetched: feed.length, created: feed.length, failed: 0 });

      const stored = await cars();
      expect(stored.map((c) => c.stockNo).sort()).toEqual(feed.map((i) => i.StockNumber).sort());
      for (const item of feed) {
        const car = stored.find((c) => c.stockNo === item.StockNumber);
        expect(car.branch.documentId).toBe(branch);
        expect(car.askingPrice === null ? null : Number(car.askingPrice)).toBe(item.Price);
        expect(car).toMatchObject({ make: item.Make, model: item.Model, buildYear: item.YearGroup });
        expect(car.heading).toContain(String(item.Make));
        expect(car.category).toBeTruthy();
        if (item.ImageURLs) expect(car.photos.length).toBe(String(item.ImageURLs).split(',').filter(Boolean).length);
      }
      expect(stored.some((c) => c.photos?.length)).toBe(true);
    });

    it('an enquiry created through the Document Service reaches EasyCars as one CreateLead', async () => {
      const car = (await cars()).find((c) => c.make && c.model && c.buildYear && c.askingPrice !== null && c.category === 'car')!;
      sandbox.control.clearRequestLog();
      const enquiry = await app.strapi.documents(ENQUIRY as any).create({
        data: {
          fullName: 'Mia Chen',
          email: 'mia.chen@example.com',
          mobile: '0400 333 444',
          enquiryText: 'Can I book a test drive on Saturday?',
          wants: 'test_drive',
          temperature: 'warm',
          branch: { connect: [{ documentId: branch }] },
          car: { connect: [{ documentId: car.documentId }] },
        } as any,
      });

      const rec = await settledRecord(app, enquiry.documentId);
      expect(rec).toMatchObject({ pushState: 'pushed', ExternalID: enquiry.documentId });
      expect(rec.LeadNumber).toMatch(/^\d{6}$/);
      const creates = sandbox.control.requestLog().filter((e) => e.endpoint === 'CreateLead');
      expect(creates).toHaveLength(1);
      expect(creates[0]!.body).toMatchObject({
        AccountNumber: ACCOUNT,
        ExternalID: enquiry.documentId,
        StockNumber: car.stockNo,
        Notes: 'Can I book a test drive on Saturday?',
        // Left empty on the enquiry: taken from the linked car.
        VehicleMake: car.make,
        VehicleModel: car.model,
        VehicleYear: car.buildYear,
        VehiclePrice: Number(car.askingPrice),
        VehicleType: 1,
        LeadCustomer: { Name: 'Mia Chen', Email: 'mia.chen@example.com', Mobile: '0400 333 444' },
      });
      expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)).toMatchObject({ ExternalID: enquiry.documentId, CustomerEmail: 'mia.chen@example.com' });

      const { token } = await app.superAdmin();
      const status = await app.http().get(`/easycars/leads/status/${enquiry.documentId}`).set('Authorization', `Bearer ${token}`);
      expect(status.status).toBe(200);
      expect(status.body.data).toMatchObject({ leadNumber: rec.LeadNumber, pushState: 'pushed' });
    });

    it('the setup check finds nothing to fix', async () => {
      const { token } = await app.superAdmin();
      const res = await app.http().get('/easycars/setup').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      const report = res.body.data;
      expect(report.problems).toEqual([]);
      expect(report.contentTypes.map((c: any) => [c.role, c.uid, c.found])).toEqual([
        ['dealership', BRANCH, true],
        ['vehicle', CAR, true],
        ['lead', ENQUIRY, true],
      ]);
      const fields = (role: string) => report.contentTypes.find((c: any) => c.role === role).fields as any[];
      expect(fields('dealership').find((f) => f.target === 'slug')).toMatchObject({ attribute: null, status: 'off' });
      expect(fields('vehicle').find((f) => f.target === 'price')).toMatchObject({ attribute: 'askingPrice', status: 'ok' });
      expect(fields('vehicle').find((f) => f.target === 'registrationExpiry')).toMatchObject({ attribute: null, status: 'off' });
      expect(fields('lead').find((f) => f.target === 'status')).toMatchObject({ attribute: 'stage', status: 'ok' });
    });

    it('the content manager gets the EasyCars column and panels on car and enquiry: the admin reads their uids from the server', async () => {
      const { token } = await app.superAdmin();
      const types = await app.http().get('/easycars/setup/content-types').set('Authorization', `Bearer ${token}`);
      expect(types.body.data).toEqual({ dealership: BRANCH, vehicle: CAR, lead: ENQUIRY });
      // The list column's hook finds its types by the role the plugin tags them with (admin/src/content-manager/host-role.ts).
      const res = await app.http().get('/content-manager/content-types').set('Authorization', `Bearer ${token}`);
      const roleOf = (uid: string) => res.body.data.find((ct: any) => ct.uid === uid)?.pluginOptions?.easycars?.role;
      expect([roleOf(BRANCH), roleOf(CAR), roleOf(ENQUIRY)]).toEqual(['dealership', 'vehicle', 'lead']);
    });
  },
);
