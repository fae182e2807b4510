import { adminRoute } from '../../utils/route';

export default [
  adminRoute('GET', '/conflicts', 'conflicts.inbox', ['readSyncLogs'], { from: 'query' }),
  adminRoute('POST', '/conflicts/resolve', 'conflicts.resolve', ['resolveConflicts'], { from: 'body' }),
  adminRoute('POST', '/conflicts/resolve-all', 'conflicts.resolveAll', ['resolveConflicts'], { from: 'body' }),
  adminRoute('GET', '/stock/settings', 'conflicts.settings', ['readSyncLogs'], { from: 'query' }),
  adminRoute('PUT', '/stock/settings', 'conflicts.saveSettings', ['manageSyncSettings'], { from: 'body' }),
  // An editor's "Keep my description" from the vehicle's EasyCars panel: content-manager editors, not only EasyCars admins.
  adminRoute('PUT', '/vehicles/:documentId/pins', 'conflicts.pin', [], { from: 'vehicle' }, ['plugin::easycars.edits-vehicles']),
];
