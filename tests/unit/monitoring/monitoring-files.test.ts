/**
 * docs/monitoring: the Prometheus scrape config, the alert rules and the Grafana dashboard parse,
 * have the shape their tools expect, and use only metrics (and labels) the plugin exposes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { METRICS } from '../../../src/plugins/easycars/server/src/metrics/definitions';

const DIR = path.join(__dirname, '../../../docs/monitoring');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'];
const PROMETHEUS_LABELS = new Set(['instance', 'job', 'le']);

/**
 * The easycars_* metrics an expression uses, each with the labels it matches on, and the labels the
 * expression groups by (checked against the metric when the expression uses one metric only).
 */
function usesOf(expr: string): Array<{ metric: string; labels: string[] }> {
  const uses: Array<{ metric: string; labels: string[] }> = [];
  const grouping = [...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(',').map((l) => l.trim()).filter(Boolean));
  for (const m of expr.matchAll(/\b(easycars_[a-z0-9_]+)(\{([^}]*)\})?/g)) {
    const matchers = (m[3] ?? '').split(',').map((p) => p.trim().split(/\s*(?:=~|!~|!=|=)\s*/)[0]!).filter(Boolean);
    uses.push({ metric: m[1]!, labels: matchers });
  }
  const metrics = new Set(uses.map((u) => u.metric.replace(/_(bucket|sum|count)$/, '')));
  return metrics.size === 1 ? uses.map((u) => ({ ...u, labels: [...u.labels, ...grouping] })) : uses;
}

function checkExpr(file: string, expr: string) {
  for (const use of usesOf(expr)) {
    const base = HISTOGRAM_SUFFIXES.reduce((name, suffix) => (name.endsWith(suffix) ? name.slice(0, -suffix.length) : name), use.metric);
    const def = METRICS.find((d) => d.name === use.metric) ?? METRICS.find((d) => d.name === base && d.kind === 'histogram' && use.metric !== base);
    if (!def) throw new Error(`${file}: "${expr}" uses ${use.metric}, which the plugin does not expose (server/src/metrics/definitions.ts)`);
    const known = new Set<string>([...def.labels, ...PROMETHEUS_LABELS]);
    const unknown = use.labels.filter((l) => !known.has(l));
    if (unknown.length) throw new Error(`${file}: "${expr}" uses label(s) ${unknown.join(', ')} on ${use.metric}, which has only ${def.labels.join(', ')}`);
  }
}

describe('docs/monitoring', () => {
  it('scrapes /easycars/metrics with a bearer token and loads the alert rules', () => {
    const config = parse(read('prometheus.yml'));
    expect(config.rule_files).toContain('easycars-alert-rules.yml');
    const job = config.scrape_configs.find((j: any) => j.job_name === 'easycars');
    expect(job.metrics_path).toBe('/easycars/metrics');
    expect(job.authorization.type).toBe('Bearer');
    expect(job.authorization.credentials_file ?? job.authorization.credentials).toBeTruthy();
    expect(job.static_configs[0].targets.length).toBeGreaterThan(0);
  });

  it('has alert rules with an expression, a severity and a summary, on the plugin’s metrics', () => {
    const rules = parse(read('easycars-alert-rules.yml')).groups.flatMap((g: any) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) {
      expect([rule.alert, typeof rule.expr, ['critical', 'warning'].includes(rule.labels?.severity), Boolean(rule.annotations?.summary)]).toEqual([rule.alert, 'string', true, true]);
      expect(usesOf(rule.expr).length).toBeGreaterThan(0);
      checkExpr('easycars-alert-rules.yml', rule.expr);
    }
    // The plugin's own rules have a Prometheus counterpart.
    const names = rules.map((r: any) => r.alert).join(' ');
    for (const word of ['ConsecutiveFailed', 'Overdue', 'Authentication', 'Slow', 'ErrorRate', 'Throttled', 'Leads']) expect(names).toContain(word);
  });

  it('has a Grafana dashboard whose every panel queries the plugin’s metrics or the process defaults', () => {
    const dashboard = JSON.parse(read('grafana-dashboard.json'));
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.templating.list.map((v: any) => v.name)).toContain('dealership');
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    const used = new Set<string>();
    for (const panel of dashboard.panels) {
      expect(panel.targets.length).toBeGreaterThan(0);
      for (const target of panel.targets) {
        expect(typeof target.expr).toBe('string');
        if (!/\beasycars_/.test(target.expr)) expect(target.expr).toMatch(/^(process_|nodejs_)/);
        checkExpr('grafana-dashboard.json', target.expr);
        for (const use of usesOf(target.expr)) used.add(use.metric.replace(/_(bucket|sum|count)$/, ''));
      }
    }
    // Every metric the plugin exposes is on the dashboard.
    expect(METRICS.map((m) => m.name).filter((name) => !used.has(name))).toEqual([]);
  });

  it('rejects a metric or a label the plugin does not expose', () => {
    expect(() => checkExpr('x', 'rate(easycars_no_such_metric[5m])')).toThrow(/does not expose/);
    expect(() => checkExpr('x', 'sum by (customer) (easycars_sync_runs_total)')).toThrow(/label\(s\) customer/);
    expect(() => checkExpr('x', 'easycars_queue_jobs{dealership="a"}')).toThrow(/label\(s\) dealership/);
  });
});
