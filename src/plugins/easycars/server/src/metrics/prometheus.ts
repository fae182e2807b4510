/**
 * The Prometheus registry of one Strapi instance (prom-client): counters and histograms counted
 * in this process, gauges read from the shared database at scrape time, and prom-client's
 * default process metrics. Metric names, labels and buckets come from definitions.ts.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { METRICS, type MetricName } from './definitions';

export type DatabaseGauges = {
  lastSuccess(): Promise<Array<{ dealership: string; type: string; at: number }>>;
  queue(): Promise<Record<string, number>>;
  openAlerts(): Promise<Record<string, number>>;
  leadsNeedingAttention(): Promise<Array<{ dealership: string; state: string; count: number }>>;
};

export function createPrometheusRegistry(database: DatabaseGauges) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const counters = new Map<string, Counter<string>>();
  const histograms = new Map<string, Histogram<string>>();

  const collectors: Partial<Record<MetricName, (gauge: Gauge<string>) => Promise<void>>> = {
    easycars_last_successful_sync_timestamp_seconds: async (g) => {
      for (const row of await database.lastSuccess()) g.set({ dealership: row.dealership, type: row.type }, Math.floor(row.at / 1000));
    },
    easycars_queue_jobs: async (g) => {
      for (const [state, n] of Object.entries(await database.queue())) g.set({ state }, n);
    },
    easycars_open_alerts: async (g) => {
      for (const [rule, n] of Object.entries(await database.openAlerts())) g.set({ rule }, n);
    },
    easycars_leads_needing_attention: async (g) => {
      for (const row of await database.leadsNeedingAttention()) g.set({ dealership: row.dealership, state: row.state }, row.count);
    },
  };

  for (const def of METRICS) {
    const base = { name: def.name, help: def.help, labelNames: [...def.labels], registers: [registry] };
    if (def.kind === 'counter') counters.set(def.name, new Counter(base));
    else if (def.kind === 'histogram') histograms.set(def.name, new Histogram({ ...base, buckets: [...(def as { buckets: readonly number[] }).buckets] }));
    else {
      const collect = collectors[def.name];
      new Gauge({
        ...base,
        async collect() {
          // Read fresh every scrape: rows that disappeared (a resolved alert) must not linger.
          this.reset();
          if (collect) await collect(this);
        },
      });
    }
  }

  return {
    registry,
    inc(name: MetricName, labels: Record<string, string>, value = 1) {
      if (value > 0) counters.get(name)?.inc(labels, value);
    },
    observe(name: MetricName, labels: Record<string, string>, seconds: number) {
      histograms.get(name)?.observe(labels, seconds);
    },
    async text(): Promise<string> {
      return registry.metrics();
    },
    contentType: registry.contentType,
  };
}

export type PrometheusRegistry = ReturnType<typeof createPrometheusRegistry>;
