/**
 * A sync handler for queue tests: records which instance ran which sync log (one audit
 * entry per run), takes `delayMs`, then finishes the log. Plain JS so a child process
 * can use it too.
 */
function recordingSyncHandler(strapi, { delayMs = 0, fail = false } = {}) {
  const easycars = strapi.plugin('easycars');
  return async ({ syncLogId, dealership }) => {
    const logs = easycars.service('syncLogs');
    await logs.start(syncLogId);
    await easycars.service('audit').record({
      dealership,
      action: 'test.sync-run',
      entityType: 'sync-log',
      entityId: syncLogId,
      result: 'info',
      message: logs.instanceId,
    });
    await new Promise((r) => setTimeout(r, delayMs));
    if (fail) throw new Error('the test handler failed on purpose');
    await logs.finish(syncLogId, { status: 'success', counts: { fetched: 1 }, responseSummary: { instance: logs.instanceId } });
  };
}

module.exports = { recordingSyncHandler };
