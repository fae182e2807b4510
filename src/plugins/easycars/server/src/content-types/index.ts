import credential from './credential';
import stockRecord from './stock-record';
import leadRecord from './lead-record';
import syncLog from './sync-log';
import auditEntry from './audit-entry';
import imageAsset from './image-asset';
import leadConflict from './lead-conflict';
import rateLimit from './rate-limit';
import syncItem from './sync-item';
import metricRollup from './metric-rollup';
import alert from './alert';
import instance from './instance';
import lock from './lock';
import reconciliationFinding from './reconciliation-finding';
import reconciliationIgnore from './reconciliation-ignore';
import vehicleConflict from './vehicle-conflict';

export default {
  credential,
  'stock-record': stockRecord,
  'lead-record': leadRecord,
  'sync-log': syncLog,
  'audit-entry': auditEntry,
  'image-asset': imageAsset,
  'lead-conflict': leadConflict,
  'rate-limit': rateLimit,
  'sync-item': syncItem,
  'metric-rollup': metricRollup,
  alert,
  instance,
  lock,
  'reconciliation-finding': reconciliationFinding,
  'reconciliation-ignore': reconciliationIgnore,
  'vehicle-conflict': vehicleConflict,
};
