/**
 * Counts an instance's scheduler ticks and keeps what each enqueued, without changing them: the
 * cron task calls the scheduler service's tick(), so wrapping that method sees every real tick.
 * Plain JS so a child process can use it too.
 */
function recordTicks(strapi) {
  const scheduler = strapi.plugin('easycars').service('scheduler');
  const tick = scheduler.tick;
  const record = { ticks: 0, enqueued: [] };
  scheduler.tick = async (...args) => {
    const result = await tick.apply(scheduler, args);
    record.ticks += 1;
    record.enqueued.push(...result);
    return result;
  };
  return record;
}

module.exports = { recordTicks };
