import cipher from './cipher';
import credentials from './credentials';
import keyRotation from './key-rotation';
import access from './access';
import audit from './audit';
import syncLogs from './sync-logs';
import jobs from './jobs';
import scheduler from './scheduler';
import easycarsClient from './easycars-client';
import connectionTest from './connection-test';
import rateLimiter from './rate-limiter';
import leadSync from './lead-sync';
import stockSync from './stock-sync';
import history from './history';
import dashboard from './dashboard';
import metrics from './metrics';
import alerts from './alerts';
import health from './health';
import setup from './setup';
import reconciliation from './reconciliation';
import stockEdits from './stock-edits';

export const services = {
  cipher,
  credentials,
  keyRotation,
  access,
  audit,
  syncLogs,
  jobs,
  scheduler,
  easycarsClient,
  connectionTest,
  rateLimiter,
  stockSync,
  leadSync,
  history,
  dashboard,
  metrics,
  alerts,
  health,
  setup,
  reconciliation,
  stockEdits,
};

export type Services = typeof services;

export default services;
