/**
 * Lead burst benchmark (issue 15, docs/performance.md): a website campaign creates N leads (1,000 by
 * default) as fast as the CMS takes them; every one must reach EasyCars exactly once, within the
 * client's per-host limit, with the sandbox in its own process answering after a realistic latency.
 * Prints how long the backlog took to drain, the EasyCars calls, and the most calls EasyCars saw at once.
 */
import { boot, compileOnce, dealershipWithCredential } from './stock';
import { seconds } from './measure';
import { mostAtOnce } from '../../tests/helpers/request-overlap';

interface LogEntry {
  endpoint: string;
  at: number;
  endedAt: number | null;
  body: { ExternalID?: string } | null;
}

export async function runLeadBurstBench(client: 'sqlite' | 'postgres', count: number, latencyMs: number) {
  await compileOnce();
  const { sandbox, app } = await boot(client, { EC114575: 20, EC208841: 1 });
  try {
    const { strapi } = app;
    await sandbox.control('setLatencyMs', latencyMs);
    const dealership = await dealershipWithCredential(app, 'Campaign Motors', 'EC114575');
    await sandbox.control('clearRequestLog');
    const started = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const lead = await strapi.documents('api::lead.lead' as any).create({
        data: {
          customerName: `Campaign Lead ${i + 1}`,
          customerEmail: `campaign.${i + 1}@example.com`,
          message: 'Saw the spring campaign — is this one still available?',
          vehicleMake: 'Mazda',
          vehicleModel: 'CX-5',
          vehicleYear: 2024,
          vehicleType: 'car',
          isVehicleNew: false,
          leadStatus: 'new',
          dealership: { connect: [{ documentId: dealership }] },
        } as any,
      });
      ids.push((lead as any).documentId);
    }
    const createdIn = performance.now() - started;
    const records = strapi.db.query('plugin::easycars.lead-record' as any);
    let pending = count;
    let lastPrint = 0;
    while (performance.now() - started < 20 * 60_000) {
      pending = await records.count({ where: { dealership, pushState: { $in: ['pending'] } } });
      if (pending === 0) break;
      if (performance.now() - lastPrint > 15_000) {
        lastPrint = performance.now();
        console.log(`  ${seconds(performance.now() - started)}: ${pending} still waiting`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainedIn = performance.now() - started;
    const states = await records.findMany({ select: ['pushState', 'pushError'], where: { dealership } });
    const refused = (states as Array<{ pushState: string; pushError: string | null }>).find((r) => r.pushState !== 'pushed');
    if (refused) console.log(`  not sent, e.g.: ${refused.pushState} — ${refused.pushError}`);
    const byState: Record<string, number> = {};
    for (const r of states as Array<{ pushState: string }>) byState[r.pushState] = (byState[r.pushState] ?? 0) + 1;
    const log = await sandbox.control<LogEntry[]>('requestLog');
    const creates = log.filter((e) => e.endpoint === 'CreateLead');
    const perLead = new Map<string, number>();
    for (const e of creates) if (e.body?.ExternalID) perLead.set(e.body.ExternalID, (perLead.get(e.body.ExternalID) ?? 0) + 1);
    const twice = [...perLead.values()].filter((n) => n > 1).length;
    const api = log.filter((e) => e.endpoint !== 'image');
    const limit = Number(process.env.EASYCARS_MAX_CONCURRENT ?? 4);
    console.log(
      `lead burst (${client}, ${latencyMs} ms per EasyCars call): ${count} leads created in ${seconds(createdIn)}, all sent in ${seconds(drainedIn)} ` +
        `(${(count / (drainedIn / 1000)).toFixed(1)} leads/s); states ${JSON.stringify(byState)}; ${creates.length} CreateLead for ${perLead.size} leads (${twice} sent twice), ` +
        `${api.length} EasyCars calls in all; most at once: ${mostAtOnce(api)} (client limit ${limit})`,
    );
  } finally {
    await app.destroy();
    await sandbox.close();
  }
}
