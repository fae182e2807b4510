/**
 * The value lists docs/api/openapi.yaml states (run types, statuses, alert rules, reconciliation
 * categories, local-edit strategies, …) are the ones the plugin's shared code defines: a value added to
 * the code (a new run type, a new alert rule) and not to the document fails here, naming the list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ALERT_RULES, WEBHOOK_EVENT_NAMES } from '../../../src/plugins/easycars/shared/alerts';
import { FIELD_STRATEGIES } from '../../../src/plugins/easycars/shared/conflicts';
import { RUN_STATUSES, RUN_TRIGGERS, RUN_TYPES } from '../../../src/plugins/easycars/shared/history';
import { FINDING_CATEGORIES, FINDING_SEVERITIES, FINDING_STATES, RECONCILIATION_SCHEDULES } from '../../../src/plugins/easycars/shared/reconciliation';

const doc = parse(fs.readFileSync(path.join(__dirname, '../../../docs/api/openapi.yaml'), 'utf8'));
const schemas = doc.components.schemas;
const parameters = doc.components.parameters;
const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();

describe('docs/api/openapi.yaml value lists', () => {
  const cases: Array<[string, readonly string[] | undefined, readonly string[]]> = [
    ['schemas.RunType', schemas.RunType?.enum, RUN_TYPES],
    ['schemas.RunStatus', schemas.RunStatus?.enum, RUN_STATUSES],
    ['parameters.HistoryTrigger', parameters.HistoryTrigger?.schema?.enum, RUN_TRIGGERS],
    ['schemas.AlertRule', schemas.AlertRule?.enum, ALERT_RULES],
    ['schemas.AlertSettings rules', Object.keys(schemas.AlertSettings?.properties?.rules?.properties ?? {}), ALERT_RULES],
    ['schemas.WebhookEvent', schemas.WebhookEvent?.enum, WEBHOOK_EVENT_NAMES],
    ['schemas.FieldStrategy', schemas.FieldStrategy?.enum, FIELD_STRATEGIES],
    ['parameters.FindingCategory', parameters.FindingCategory?.schema?.enum, FINDING_CATEGORIES],
    ['parameters.FindingSeverity', parameters.FindingSeverity?.schema?.enum, FINDING_SEVERITIES],
    ['parameters.FindingState', parameters.FindingState?.schema?.enum, FINDING_STATES],
    ['schemas.FindingFilter category', schemas.FindingFilter?.properties?.category?.enum, FINDING_CATEGORIES],
    ['schemas.FindingFilter severity', schemas.FindingFilter?.properties?.severity?.enum, FINDING_SEVERITIES],
    ['schemas.FindingFilter state', schemas.FindingFilter?.properties?.state?.enum, FINDING_STATES],
    ['schemas.ReconciliationReport schedule', schemas.ReconciliationReport?.properties?.schedule?.enum, RECONCILIATION_SCHEDULES],
  ];

  it.each(cases)('%s lists exactly the values the plugin defines', (_name, documented, code) => {
    expect(sorted(documented)).toEqual(sorted(code));
  });
});
