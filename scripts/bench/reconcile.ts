/**
 * Reconciliation benchmark (issue 14, docs/performance.md): a dealership of N vehicles (20,000 by default)
 * synced once, then differences made here (edited descriptions, vehicles unpublished after leaving the
 * feed); one reconciliation run is measured in this process: wall time, peak RSS growth, and every SQL
 * statement it sends (reads included), to show the comparison reads in batches, never per vehicle.
 */
import { compileOnce, boot, dealershipWithCredential, sync } from './stock';
import { mb, seconds } from './measure';
import { runReconciliation } from '../../src/plugins/easycars/server/src/reconciliation/run';

export async function runReconcileBench(client: 'sqlite' | 'postgres', count: number) {
  await compileOnce();
  const { sandbox, app } = await boot(client, { EC114575: count, EC208841: 1 });
  try {
    const { strapi } = app;
    const dealership = await dealershipWithCredential(app, 'Reconcile Motors', 'EC114575');
    const first = await sync(app, dealership);
    console.log(`setup: ${count} vehicles synced (${first.status}, created ${first.created})`);
    const knex = strapi.db.connection;
    const edited = Math.round(count / 100);
    const drafts = await knex('vehicles').whereNull('published_at').orderBy('id').limit(edited).select('id');
    await knex('vehicles').whereIn('id', drafts.map((d: { id: number }) => d.id)).update({ description: 'Edited here for the benchmark' });
    const records = await knex('easycars_stock_records').orderBy('id', 'desc').limit(edited).select('id');
    await knex('easycars_stock_records').whereIn('id', records.map((r: { id: number }) => r.id)).update({ removed_at: new Date() });

    const log = await strapi.plugin('easycars').service('syncLogs').createIfIdle({ dealership, type: 'reconciliation', trigger: 'manual' });
    if (global.gc) global.gc();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    let statements = 0;
    const byKind: Record<string, number> = {};
    const listener = (q: { sql?: string }) => {
      statements++;
      const kind = /^\s*(\w+)/.exec(q.sql ?? '')?.[1]?.toLowerCase() ?? '?';
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    };
    knex.on('query', listener);
    const started = performance.now();
    await runReconciliation(strapi, { dealership, syncLogId: log.id });
    const ms = performance.now() - started;
    knex.off('query', listener);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const finished = await strapi.plugin('easycars').service('syncLogs').get(log.id);
    const findings = finished.responseSummary?.findings ?? {};
    console.log(
      `reconcile ${count} vehicles (${client}): ${seconds(ms)}  status ${finished.status}, ${findings.total ?? 0} open differences ` +
        `(field ${findings.field_diff ?? 0}, missing here ${findings.missing_here ?? 0}, here only ${findings.extra_here ?? 0}), ` +
        `peak RSS growth ${mb((peak - baseline) / 2 ** 20)}, ${statements} SQL statements (${Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(', ')})`,
    );
    console.log(`goals: ≤ 15 s ${ms <= 15_000 ? 'met' : 'NOT met'}; ≤ 300 MB ${(peak - baseline) / 2 ** 20 <= 300 ? 'met' : 'NOT met'}; statements grow with batches of 500, not with vehicles (${statements} for ${count})`);
  } finally {
    await app.destroy();
    await sandbox.close();
  }
}
