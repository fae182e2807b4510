/** Words for every lead state the admin sees: a state is always written, never shown by colour alone. */
type T = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;
type BadgeVariant = 'success' | 'warning' | 'danger' | 'secondary' | 'neutral';

/** Local lead status (new, in_progress, …) → what admins read. */
export const leadStatusText = (t: T, value: string | null | undefined) =>
  value
    ? (({
        new: t('leads.leadStatus.new', 'New'),
        in_progress: t('leads.leadStatus.in_progress', 'In progress'),
        won: t('leads.leadStatus.won', 'Won'),
        lost: t('leads.leadStatus.lost', 'Lost'),
        deleted: t('leads.leadStatus.deleted', 'Deleted'),
      }) as Record<string, string>)[value] ?? value
    : '—';

/** A lead-record's push state. */
export const pushStateText = (t: T, state: string | null | undefined) =>
  (({
    pending: t('leads.pushState.pending', 'Waiting to be sent'),
    pushed: t('leads.pushState.pushed', 'Sent'),
    failed: t('leads.pushState.failed', 'Failed'),
    review: t('leads.pushState.review', 'Needs review'),
    not_applicable: t('leads.pushState.not_applicable', 'Not sent (lead sync off)'),
  }) as Record<string, string>)[state ?? 'not_applicable'] ?? state ?? '';

export const pushStateVariant = (state: string | null | undefined): BadgeVariant =>
  state === 'pushed' ? 'success' : state === 'failed' ? 'danger' : state === 'review' ? 'warning' : state === 'pending' ? 'secondary' : 'neutral';

/** A lead sync run's status. */
export const runStatusText = (t: T, status: string) =>
  (({
    queued: t('leads.runStatus.queued', 'Queued'),
    running: t('leads.runStatus.running', 'Running'),
    success: t('leads.runStatus.success', 'Success'),
    warning: t('leads.runStatus.warning', 'Needs attention'),
    partial: t('leads.runStatus.partial', 'Partly failed'),
    failed: t('leads.runStatus.failed', 'Failed'),
    interrupted: t('leads.runStatus.interrupted', 'Interrupted'),
    cancelled: t('leads.runStatus.cancelled', 'Cancelled'),
  }) as Record<string, string>)[status] ?? status;

export const runStatusVariant = (status: string): BadgeVariant =>
  status === 'success'
    ? 'success'
    : status === 'warning' || status === 'partial'
      ? 'warning'
      : status === 'failed' || status === 'interrupted'
        ? 'danger'
        : status === 'queued' || status === 'running'
          ? 'secondary'
          : 'neutral';

export const runPhaseText = (t: T, phase: string | null | undefined) =>
  (({
    starting: t('leads.phase.starting', 'Starting'),
    'refreshing leads': t('leads.phase.refreshing', 'Refreshing leads from EasyCars'),
  }) as Record<string, string>)[phase ?? 'starting'] ?? phase ?? '';

export const triggerText = (t: T, trigger: string, by: string | null | undefined) =>
  trigger === 'schedule'
    ? t('leads.trigger.schedule', 'Schedule')
    : trigger === 'retry'
      ? t('leads.trigger.retry', 'Retry')
      : trigger === 'event'
        ? t('leads.trigger.event', 'Event')
        : by
          ? t('leads.trigger.manualBy', 'Manual ({name})', { name: by })
          : t('leads.trigger.manual', 'Manual');

/** One lead's outcome in a run (sync-log items). */
export const outcomeText = (t: T, outcome: string) =>
  (({
    updated: t('leads.outcome.updated', 'Updated here'),
    unchanged: t('leads.outcome.unchanged', 'Unchanged'),
    conflict: t('leads.outcome.conflict', 'Conflict'),
    skipped: t('leads.outcome.skipped', 'Skipped'),
    failed: t('leads.outcome.failed', 'Failed'),
  }) as Record<string, string>)[outcome] ?? outcome;

export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** A synced lead field (or 'status') → its name in the content manager's words. */
export const leadFieldText = (t: T, field: string) =>
  (({
    status: t('leads.field.status', 'Status'),
    customerName: t('leads.field.customerName', 'Customer name'),
    customerEmail: t('leads.field.customerEmail', 'Customer email'),
    customerPhone: t('leads.field.customerPhone', 'Customer phone'),
    customerMobile: t('leads.field.customerMobile', 'Customer mobile'),
    customerAddress: t('leads.field.customerAddress', 'Customer address'),
    customerCity: t('leads.field.customerCity', 'Customer city'),
    customerState: t('leads.field.customerState', 'Customer state'),
    customerPostCode: t('leads.field.customerPostCode', 'Customer postcode'),
    message: t('leads.field.message', 'Message'),
    sourcePageUrl: t('leads.field.sourcePageUrl', 'Source page'),
    vehiclePrice: t('leads.field.vehiclePrice', 'Vehicle price'),
    interest: t('leads.field.interest', 'Interest'),
    financeStatus: t('leads.field.financeStatus', 'Finance'),
    rating: t('leads.field.rating', 'Rating'),
    vehicleMake: t('leads.field.vehicleMake', 'Vehicle make'),
    vehicleModel: t('leads.field.vehicleModel', 'Vehicle model'),
    vehicleYear: t('leads.field.vehicleYear', 'Vehicle year'),
    vehicleType: t('leads.field.vehicleType', 'Vehicle type'),
    isVehicleNew: t('leads.field.isVehicleNew', 'New vehicle'),
  }) as Record<string, string>)[field] ?? field;

/** A conflict value: status names in words, any other field as it is ('—' when empty). */
export const conflictValueText = (t: T, field: string, value: string | null | undefined) =>
  field === 'status' ? leadStatusText(t, value) : value === null || value === undefined || value === '' ? '—' : value;
