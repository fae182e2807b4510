/**
 * Metrics, health and alerts (issue 13): the Prometheus scrape behind its token, rollups in the
 * database, the health report scoped to the caller, and alerts opened by failing runs, delivered
 * for real (an SMTP server and an HTTP webhook receiver in the test), resolved by a later success,
 * and never announced twice when two evaluations race.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SANDBOX_CREDENTIALS } from '../helpers/sandbox-types';
import { startStockWorld, type StockWorld } from '../helpers/stock-sync';
import type { TestAdmin } from '../helpers/strapi';
import { parsePrometheusText, sample } from '../helpers/prometheus';

const METRICS_TOKEN = 'scrape-token-for-the-monitoring-test';

interface Mail {
  to: string[];
  raw: string;
}

async function startSmtpSink() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString()));
      stream.on('end', () => {
        // Quoted-printable soft breaks joined and headers unfolded (a long subject continues on the next line).
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]+/g, ' ') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { mails, port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function startWebhookReceiver() {
  const events: any[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      events.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { events, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const waitFor = async (check: () => boolean, what: string, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe(`metrics, health and alerts (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let superAdmin: TestAdmin;
  let manager: TestAdmin;
  let outsider: TestAdmin;
  let harbour: string;
  let north: string;
  const plugin = () => w.app.strapi.plugin('easycars');
  const as = (who: TestAdmin) => ({
    get: (url: string) => w.app.http().get(url).set('Authorization', `Bearer ${who.token}`),
    post: (url: string, body: object = {}) => w.app.http().post(url).set('Authorization', `Bearer ${who.token}`).send(body),
    put: (url: string, body: object) => w.app.http().put(url).set('Authorization', `Bearer ${who.token}`).send(body),
  });
  const alertsOf = async (dealership: string, status = 'active') => (await as(superAdmin).get(`/easycars/alerts?dealership=${dealership}&status=${status}`)).body.data.results as any[];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    hooks = await startWebhookReceiver();
    w = await startStockWorld({
      stockCount: { EC114575: 4, EC208841: 2 },
      env: {
        EASYCARS_IMAGES_ENABLED: 'false',
        EASYCARS_METRICS_TOKEN: METRICS_TOKEN,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_IGNORE_TLS: 'true',
        SMTP_FROM: 'alerts@dealer-group.test',
      },
    });
    superAdmin = await w.app.superAdmin();
    const role = await w.app.createRole('Alert manager', ['plugin::easycars.sync-logs.read', 'plugin::easycars.alerts.manage']);
    manager = await w.app.createAdmin({ roles: [role], email: 'manager@harbour.test' });
    outsider = await w.app.createAdmin({ roles: [role], email: 'manager@elsewhere.test' });
    harbour = await w.dealership('Harbour Motors', 'EC114575');
    north = await w.dealership('North Shore Autos', 'EC208841');
    const dealerships = w.app.strapi.documents('api::dealership.dealership' as any);
    await dealerships.update({ documentId: harbour, data: { slug: 'harbour-motors', managers: { connect: [{ id: manager.id }] } } } as any);
    await dealerships.update({ documentId: north, data: { slug: 'north-shore', managers: { connect: [{ id: outsider.id }] } } } as any);
    await plugin().service('metrics').start(); // re-read the slugs set above
    const webhook = await w.app.strapi.get('webhookStore').createWebhook({
      name: 'Ops channel',
      url: hooks.url,
      headers: {},
      events: ['easycars.alert.opened', 'easycars.alert.resolved', 'easycars.sync.failed'],
      isEnabled: true,
    });
    w.app.strapi.get('webhookRunner').add(webhook);
  });
  afterAll(async () => {
    await w?.close();
    await smtp?.close();
    await hooks?.close();
  });

  it('serves Prometheus metrics only with the scrape token, counting runs and EasyCars calls by dealership slug', async () => {
    await w.sync(harbour);
    expect((await w.app.http().get('/easycars/metrics')).status).toBe(401);
    expect((await w.app.http().get('/easycars/metrics').set('Authorization', 'Bearer wrong-token-of-the-same-size!!')).status).toBe(401);
    const res = await w.app.http().get('/easycars/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const families = parsePrometheusText(res.text);
    expect(families.get('easycars_sync_runs_total')?.type).toBe('counter');
    expect(sample(families, 'easycars_sync_runs_total', { dealership: 'harbour-motors', type: 'stock', status: 'success' })).toBe(1);
    expect(sample(families, 'easycars_sync_records_total', { dealership: 'harbour-motors', type: 'stock', outcome: 'created' })).toBe(4);
    expect(sample(families, 'easycars_api_requests_total', { service: 'StockService', endpoint: 'GetAdvertisementStocks', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(sample(families, 'easycars_api_request_duration_seconds_count', { service: 'StockService', endpoint: 'GetAdvertisementStocks', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    const last = sample(families, 'easycars_last_successful_sync_timestamp_seconds', { dealership: 'harbour-motors', type: 'stock' });
    expect(Math.abs((last ?? 0) - Date.now() / 1000)).toBeLessThan(120);
    expect(sample(families, 'easycars_queue_jobs', { state: 'queued' })).toBe(0);
    expect(families.has('process_resident_memory_bytes')).toBe(true);
    // Per run: the time of each phase and the pace, in the log and as a histogram.
    const log = await plugin().service('syncLogs').latest(harbour, 'stock');
    expect(log.timings.phases.map((p: any) => p.phase)).toContain('fetching');
    expect(log.timings.phases.reduce((sum: number, p: any) => sum + p.ms, 0)).toBeLessThanOrEqual(log.durationMs + 5);
    expect(sample(families, 'easycars_sync_phase_duration_seconds_count', { type: 'stock', phase: 'fetching' })).toBe(1);
    // No secrets, no customer data, no dealership names.
    for (const secret of [SANDBOX_CREDENTIALS.client.clientSecret, SANDBOX_CREDENTIALS.accounts.EC114575.accountSecret, METRICS_TOKEN, 'Harbour Motors']) {
      expect(res.text).not.toContain(secret);
    }
  });

  it('keeps hourly and daily rollups in the database and charts them per day', async () => {
    await plugin().service('metrics').flush();
    const rows = await plugin().service('metrics').rollups({ period: 'day', since: 0, dealerships: [harbour], type: 'stock' });
    expect(rows).toHaveLength(1);
    expect(rows[0].data.runs.success).toBe(1);
    expect(rows[0].data.records.created).toBe(4);
    expect(rows[0].data.apiCalls).toBeGreaterThanOrEqual(1);
    const hourly = await plugin().service('metrics').rollups({ period: 'hour', since: 0, dealerships: [harbour], type: 'stock' });
    expect(hourly[0].data.runs.success).toBe(1);

    const res = await as(manager).get('/easycars/dashboard/performance?days=30');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(60);
    const today = res.body.data.find((d: any) => d.day === new Date().toISOString().slice(0, 10) && d.type === 'stock');
    expect(today).toMatchObject({ runs: 1, successRate: 100 });
    expect(today.p95DurationMs).toBeGreaterThan(0);
    expect(today.apiCalls).toBeGreaterThanOrEqual(1);
    expect((await as(manager).get(`/easycars/dashboard/performance?dealership=${north}`)).status).toBe(404);
    expect((await as(manager).get('/easycars/dashboard/performance?days=900')).body.error.message).toMatch(/days must be at most 400/);
  });

  it('reports health per dealership the caller manages, and liveness without tenant data', async () => {
    const live = await w.app.http().get('/easycars/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });

    const res = await as(manager).get('/easycars/health');
    expect(res.status).toBe(200);
    const report = res.body.data;
    expect(report).toMatchObject({ scope: 'dealerships', status: 'ok' });
    expect(report.database).toMatchObject({ status: 'ok' });
    expect(report.queue).toMatchObject({ status: 'ok', queued: 0, running: 0 });
    expect(report.dealerships.map((d: any) => d.name)).toEqual(['Harbour Motors']);
    expect(report.dealerships[0]).toMatchObject({ status: 'ok', stock: 'ok' });
    // The platform's instances and the last EasyCars call of any dealership are the site's, not a manager's.
    expect(report.instances).toEqual([]);
    expect(report.easycars).toEqual([]);
    expect(JSON.stringify(report)).not.toContain(String(process.pid));
    expect((await as(manager).get(`/easycars/health?dealership=${north}`)).status).toBe(404);

    const site = (await as(superAdmin).get('/easycars/health')).body.data;
    expect(site).toMatchObject({ scope: 'site', status: 'ok' });
    expect(site.instances).toHaveLength(1);
    expect(site.instances[0]).toMatchObject({ status: 'ok', pid: process.pid });
    expect(site.instances[0].rssBytes).toBeGreaterThan(0);
    expect(site.easycars.find((e: any) => e.environment === 'test').lastSuccessfulCallAt).not.toBeNull();
    expect(site.dealerships.map((d: any) => d.name)).toEqual(['Harbour Motors', 'North Shore Autos']);
  });

  it('counts only the caller’s own dealerships’ runs in the health queue; a Super Admin sees every run', async () => {
    const logs = w.app.strapi.db.query('plugin::easycars.sync-log' as any);
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
    const rows = [
      { dealership: north, type: 'stock', status: 'queued', createdAt: twentyMinutesAgo },
      { dealership: north, type: 'leads', status: 'queued', createdAt: new Date() },
      { dealership: north, type: 'stock', status: 'running', createdAt: new Date() },
      { dealership: harbour, type: 'leads', status: 'queued', createdAt: new Date() },
    ];
    const created = [];
    try {
      for (const data of rows) created.push(await logs.create({ data }));
      // The database's own createdAt, whatever create() did with the one given.
      await logs.update({ where: { id: created[0].id }, data: { createdAt: twentyMinutesAgo } });

      const mine = (await as(manager).get('/easycars/health')).body.data;
      expect(mine.queue).toMatchObject({ status: 'ok', queued: 1, running: 0 });
      expect(mine.queue.oldestQueuedAgeSeconds).toBeLessThan(15 * 60);
      expect(mine).toMatchObject({ scope: 'dealerships', status: 'ok', instances: [], easycars: [] });
      for (const other of [north, 'North Shore Autos']) expect(JSON.stringify(mine)).not.toContain(other);

      // North Shore's manager sees North Shore's runs, the one stuck for 20 minutes included.
      const theirs = (await as(outsider).get('/easycars/health')).body.data;
      expect(theirs.queue).toMatchObject({ status: 'degraded', queued: 2, running: 1 });
      expect(theirs.queue.oldestQueuedAgeSeconds).toBeGreaterThanOrEqual(19 * 60);
      expect(theirs).toMatchObject({ scope: 'dealerships', status: 'degraded', instances: [], easycars: [] });
      expect(JSON.stringify(theirs)).not.toContain(harbour);

      const site = (await as(superAdmin).get('/easycars/health')).body.data;
      expect(site.queue).toMatchObject({ status: 'degraded', queued: 3, running: 1 });
      expect(site.queue.oldestQueuedAgeSeconds).toBeGreaterThanOrEqual(19 * 60);
      expect(site).toMatchObject({ scope: 'site', status: 'degraded' });
      expect(site.instances).toHaveLength(1);
      // Naming one dealership does not narrow a Super Admin's site-wide parts.
      const one = (await as(superAdmin).get(`/easycars/health?dealership=${harbour}`)).body.data;
      expect(one.queue).toMatchObject({ queued: 3, running: 1 });
      expect(one.dealerships.map((d: any) => d.name)).toEqual(['Harbour Motors']);
    } finally {
      await logs.deleteMany({ where: { id: { $in: created.map((c) => c.id) } } });
    }
  });

  it('opens alerts when runs fail, mails the managers, calls the webhook, and resolves them after a success', async () => {
    await as(manager).put('/easycars/alerts/settings', { dealership: harbour, settings: { ...(await as(manager).get(`/easycars/alerts/settings?dealership=${harbour}`)).body.data, emails: ['ops@dealer-group.test'] } }).expect(200);
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code1', times: 100 });
    await w.sync(harbour);
    await plugin().service('alerts').idle();
    let open = await alertsOf(harbour);
    expect(open.map((a) => a.rule)).toEqual(['auth_failure']);
    expect(open[0]).toMatchObject({ severity: 'critical', status: 'open', dealership: { name: 'Harbour Motors' } });

    await w.sync(harbour);
    await plugin().service('alerts').idle();
    open = await alertsOf(harbour);
    expect(open.map((a) => a.rule).sort()).toEqual(['auth_failure', 'consecutive_failures']);
    expect(open.find((a) => a.rule === 'consecutive_failures').message).toMatch(/^The last 2 stock syncs failed/);

    await waitFor(() => smtp.mails.length >= 2, 'two alert mails');
    const first = smtp.mails[0];
    expect(first.to.sort()).toEqual(['manager@harbour.test', 'ops@dealer-group.test']);
    expect(first.raw).toContain('Subject: [EasyCars] Critical: EasyCars refused the credentials - Harbour Motors');
    expect(first.raw).toContain('/plugins/easycars/alerts');

    await waitFor(() => hooks.events.filter((e) => e.event === 'easycars.alert.opened').length >= 2, 'two opened webhooks');
    const opened = hooks.events.find((e) => e.event === 'easycars.alert.opened');
    expect(opened).toMatchObject({ alert: { rule: 'auth_failure', severity: 'critical', status: 'open' }, dealership: { documentId: harbour, name: 'Harbour Motors', slug: 'harbour-motors' } });
    expect(hooks.events.filter((e) => e.event === 'easycars.sync.failed')).toHaveLength(2);
    const everything = JSON.stringify(hooks.events) + smtp.mails.map((m) => m.raw).join('\n');
    expect(everything).not.toContain(SANDBOX_CREDENTIALS.client.clientSecret);
    expect(everything).not.toContain(SANDBOX_CREDENTIALS.accounts.EC114575.accountSecret);

    w.sandbox.control.clearFaults();
    await w.sync(harbour);
    await plugin().service('alerts').idle();
    expect(await alertsOf(harbour)).toEqual([]);
    const resolved = await alertsOf(harbour, 'resolved');
    expect(resolved.map((a) => a.rule).sort()).toEqual(['auth_failure', 'consecutive_failures']);
    expect(resolved.every((a) => a.resolvedAt)).toBe(true);
    await waitFor(() => hooks.events.filter((e) => e.event === 'easycars.alert.resolved').length === 2, 'two resolved webhooks');
    await waitFor(() => smtp.mails.filter((m) => /Subject: \[EasyCars\] Resolved/.test(m.raw)).length === 2, 'two resolved mails');
  });

  it('announces an alert once when evaluations race (as two instances would)', async () => {
    const mailsBefore = smtp.mails.length;
    await w.app.strapi.db.query('plugin::easycars.sync-log' as any).updateMany({ where: { dealership: harbour }, data: { durationMs: 3 * 3_600_000 } });
    const [a, b] = await Promise.all([plugin().service('alerts').evaluate(harbour), plugin().service('alerts').evaluate(harbour)]);
    expect([...a, ...b].filter((t: any) => t.kind === 'opened').map((t: any) => t.alert.rule)).toEqual(['slow_run']);
    await waitFor(() => smtp.mails.length === mailsBefore + 1, 'one slow-run mail');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.length).toBe(mailsBefore + 1);
    const rows = await w.app.strapi.db.query('plugin::easycars.alert' as any).findMany({ where: { dealership: harbour, rule: 'slow_run' } });
    expect(rows).toHaveLength(1);
  });

  it('lets a manager acknowledge and snooze their own alerts, not another dealership’s', async () => {
    const [alert] = await alertsOf(harbour);
    expect(alert.rule).toBe('slow_run');
    expect((await as(manager).get('/easycars/alerts/count')).body.data).toEqual({ open: 1 });
    expect((await as(outsider).post(`/easycars/alerts/${alert.id}/acknowledge`)).status).toBe(404);
    const ack = await as(manager).post(`/easycars/alerts/${alert.id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.data).toMatchObject({ status: 'acknowledged' });
    expect(ack.body.data.acknowledgedBy).toBeTruthy();
    expect((await as(manager).get('/easycars/alerts/count')).body.data).toEqual({ open: 0 });
    const bad = await as(manager).post(`/easycars/alerts/${alert.id}/snooze`, { hours: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/hours must be at least 1/);
    const snoozed = await as(manager).post(`/easycars/alerts/${alert.id}/snooze`, { hours: 4 });
    expect(Date.parse(snoozed.body.data.snoozedUntil)).toBeGreaterThan(Date.now() + 3.9 * 3_600_000);
    expect((await as(outsider).get(`/easycars/alerts?dealership=${harbour}`)).status).toBe(404);
    expect((await as(outsider).get('/easycars/alerts')).body.data.results).toEqual([]);
  });

  it('validates rule settings with messages that name the field', async () => {
    const current = (await as(manager).get(`/easycars/alerts/settings?dealership=${harbour}`)).body.data;
    expect(current.rules.consecutive_failures).toEqual({ enabled: true, runs: 2 });
    const res = await as(manager).put('/easycars/alerts/settings', {
      dealership: harbour,
      settings: { ...current, rules: { ...current.rules, slow_run: { enabled: true, minutes: -5 } }, emails: ['not-an-address'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/settings\.rules\.slow_run\.minutes: minutes must be at least 1/);
    expect(res.body.error.message).toMatch(/settings\.emails\.0: each extra address must be an email address/);
    const off = await as(manager).put('/easycars/alerts/settings', { dealership: harbour, settings: { ...current, rules: { ...current.rules, slow_run: { enabled: false, minutes: 30 } } } });
    expect(off.status).toBe(200);
    // Switching the rule off resolves its alert.
    expect((await alertsOf(harbour)).map((a) => a.rule)).toEqual([]);
    expect((await as(outsider).put('/easycars/alerts/settings', { dealership: harbour, settings: current })).status).toBe(404);
  });

  it('ends a run whose feed came with Code 5 as a warning showing EasyCars’ message (FR15)', async () => {
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code5', times: 1 });
    const log = await w.sync(north);
    expect(log.status).toBe('warning');
    expect(log.errorMessage).toBe('EasyCars answered with a warning (Code 5): Warning: the request was processed with warnings.');
    expect(log.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'Code', message: log.errorMessage })]));
    expect(log.created).toBe(2);
  });

  it('lets a Super Admin pick which Strapi webhooks receive EasyCars events, keeping their other events', async () => {
    const other = await w.app.strapi.get('webhookStore').createWebhook({ name: 'Site rebuild', url: 'https://hooks.example.test/rebuild?token=secret-token', headers: {}, events: ['entry.publish'], isEnabled: true });
    const list = await as(superAdmin).get('/easycars/alerts/webhooks');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      { id: expect.any(Number), name: 'Ops channel', host: expect.stringMatching(/^127\.0\.0\.1:\d+$/), isEnabled: true, events: ['easycars.alert.opened', 'easycars.alert.resolved', 'easycars.sync.failed'] },
      { id: Number(other.id), name: 'Site rebuild', host: 'hooks.example.test', isEnabled: true, events: [] },
    ]);
    expect(JSON.stringify(list.body)).not.toContain('secret-token');
    const set = await as(superAdmin).put(`/easycars/alerts/webhooks/${other.id}`, { events: ['easycars.sync.failed'] });
    expect(set.status).toBe(200);
    expect(set.body.data.events).toEqual(['easycars.sync.failed']);
    expect((await w.app.strapi.get('webhookStore').findWebhook(other.id)).events).toEqual(['entry.publish', 'easycars.sync.failed']);
    const bad = await as(superAdmin).put(`/easycars/alerts/webhooks/${other.id}`, { events: ['entry.delete'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/events\.0: events must be some of easycars\.alert\.opened/);
    expect((await as(superAdmin).put('/easycars/alerts/webhooks/99999', { events: [] })).status).toBe(404);
    expect((await as(manager).get('/easycars/alerts/webhooks')).status).toBe(403);
  });
});
