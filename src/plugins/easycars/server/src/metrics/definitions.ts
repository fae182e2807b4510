/**
 * Every Prometheus metric the plugin exposes at GET /easycars/metrics: one list, read by the
 * registry and by the test that checks docs/monitoring (rules and the Grafana dashboard may
 * only use names from here).
 *
 * Labels have bounded values: `dealership` is the dealership's slug (one per dealership the
 * site has), `type` is stock | leads, `service` and `endpoint` are EasyCars' own names.
 */
export type MetricKind = 'counter' | 'gauge' | 'histogram';

export interface MetricDefinition {
  name: string;
  kind: MetricKind;
  help: string;
  labels: readonly string[];
  /** Histograms only, in seconds. */
  buckets?: readonly number[];
  /** Read from the database at scrape time (the same on every instance), not counted in this process. */
  fromDatabase?: boolean;
}

/** Outcome of one EasyCars call as a label value. */
export type ApiOutcome = 'success' | 'warning' | 'easycars_error' | 'auth_failed' | 'http_error' | 'throttled' | 'network_error' | 'timeout';

export const RUN_DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600] as const;
export const API_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] as const;
export const IMAGE_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

export const METRICS = [
  {
    name: 'easycars_sync_runs_total',
    kind: 'counter',
    help: 'Finished sync runs by type and final status (success, warning, partial, failed, interrupted, cancelled).',
    labels: ['dealership', 'type', 'status'],
  },
  {
    name: 'easycars_sync_run_duration_seconds',
    kind: 'histogram',
    help: 'Duration of finished sync runs, from start to finish.',
    labels: ['dealership', 'type'],
    buckets: RUN_DURATION_BUCKETS,
  },
  {
    name: 'easycars_sync_phase_duration_seconds',
    kind: 'histogram',
    help: 'Time finished runs spent in each phase (fetching, applying, images, refreshing leads…).',
    labels: ['type', 'phase'],
    buckets: RUN_DURATION_BUCKETS,
  },
  {
    name: 'easycars_sync_records_total',
    kind: 'counter',
    help: 'Records processed by finished sync runs, by outcome (created, updated, removed, failed).',
    labels: ['dealership', 'type', 'outcome'],
  },
  {
    name: 'easycars_api_requests_total',
    kind: 'counter',
    help: 'EasyCars API calls (retries included in one call) by service, endpoint and outcome.',
    labels: ['service', 'endpoint', 'outcome'],
  },
  {
    name: 'easycars_api_request_duration_seconds',
    kind: 'histogram',
    help: 'Duration of EasyCars API calls, retries and back-off included.',
    labels: ['service', 'endpoint', 'outcome'],
    buckets: API_DURATION_BUCKETS,
  },
  {
    name: 'easycars_api_throttled_requests_total',
    kind: 'counter',
    help: 'EasyCars answers of HTTP 429 (rate limited), each attempt counted.',
    labels: ['service', 'endpoint'],
  },
  {
    name: 'easycars_api_throttle_wait_seconds_total',
    kind: 'counter',
    help: 'Time spent waiting on Retry-After and back-off before retrying EasyCars calls.',
    labels: ['service', 'endpoint'],
  },
  {
    name: 'easycars_image_downloads_total',
    kind: 'counter',
    help: 'Vehicle image downloads by outcome (success, failed).',
    labels: ['dealership', 'outcome'],
  },
  {
    name: 'easycars_image_download_bytes_total',
    kind: 'counter',
    help: 'Bytes of vehicle images downloaded.',
    labels: ['dealership'],
  },
  {
    name: 'easycars_image_download_duration_seconds',
    kind: 'histogram',
    help: 'Duration of one vehicle image download.',
    labels: ['dealership'],
    buckets: IMAGE_DURATION_BUCKETS,
  },
  {
    name: 'easycars_last_successful_sync_timestamp_seconds',
    kind: 'gauge',
    help: 'Unix time of the last successful (or warning) sync run per dealership and type.',
    labels: ['dealership', 'type'],
    fromDatabase: true,
  },
  {
    name: 'easycars_queue_jobs',
    kind: 'gauge',
    help: 'Sync runs by queue state (queued, running).',
    labels: ['state'],
    fromDatabase: true,
  },
  {
    name: 'easycars_open_alerts',
    kind: 'gauge',
    help: 'Open (not resolved) EasyCars alerts by rule.',
    labels: ['rule'],
    fromDatabase: true,
  },
  {
    name: 'easycars_leads_needing_attention',
    kind: 'gauge',
    help: 'Leads waiting to be sent or in review, per dealership and state (pending, failed, review).',
    labels: ['dealership', 'state'],
    fromDatabase: true,
  },
] as const satisfies readonly MetricDefinition[];

export type MetricName = (typeof METRICS)[number]['name'];
