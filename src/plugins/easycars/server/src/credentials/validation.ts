import { z } from 'zod';
import { errors } from '@strapi/utils';
import { validateCron } from '../schedule/cron-for';

/**
 * Input validation for the credentials admin API (zod, at the controller boundary).
 * Messages name the field and the rule, never the value: some of these values are secrets.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCOUNT_NUMBER = /^EC\d+$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const uuidField = (label: string) =>
  z
    .string({ required_error: `${label} is required`, invalid_type_error: `${label} must be a string` })
    .trim()
    .min(1, `${label} is required`)
    .max(36, `${label} must be at most 36 characters`)
    .regex(UUID, `${label} must be a UUID (8-4-4-4-12 hexadecimal characters)`);

const accountNumber = z
  .string({ required_error: 'AccountNumber is required', invalid_type_error: 'AccountNumber must be a string' })
  .trim()
  .min(1, 'AccountNumber is required')
  .max(20, 'AccountNumber must be at most 20 characters')
  .regex(ACCOUNT_NUMBER, 'AccountNumber must be "EC" followed by digits, e.g. EC114575');

const environment = z.enum(['test', 'production'], {
  errorMap: (issue) => ({
    message: issue.code === 'invalid_type' && issue.received === 'undefined' ? 'environment is required' : 'environment must be "test" or "production"',
  }),
});

/** Optional yard code: blank means "all yards" and is stored as null. */
const yardCode = z
  .union([z.string(), z.null()], { invalid_type_error: 'yardCode must be a string' })
  .transform((v) => (v === null || v.trim() === '' ? null : v.trim()))
  .refine((v) => v === null || v.length <= 20, 'yardCode must be at most 20 characters');

const dealership = z
  .string({ required_error: 'dealership is required', invalid_type_error: 'dealership must be a documentId string' })
  .trim()
  .min(1, 'dealership is required');

const schedule = (label: string) =>
  z.enum(['hourly', 'daily', 'custom'], { errorMap: () => ({ message: `${label} must be hourly, daily or custom` }) });
const time = (label: string) =>
  z.union([z.string().regex(HH_MM, `${label} must be a time as HH:MM (24-hour)`), z.null()], {
    errorMap: () => ({ message: `${label} must be a time as HH:MM (24-hour)` }),
  });
const cron = (label: string) =>
  z
    .union([z.string().trim(), z.null()], { errorMap: () => ({ message: `${label} must be a cron expression` }) })
    .transform((v) => (v === null || v === '' ? null : v))
    .refine((v) => v === null || isValidCron(v), `${label} is not a valid cron expression (e.g. "0 */2 * * *")`);
const bool = (label: string) => z.boolean({ invalid_type_error: `${label} must be true or false`, required_error: `${label} must be true or false` });

/** The scheduler's own rule (five fields, parseable), so nothing saved here fails at run time. */
export function isValidCron(expression: string): boolean {
  try {
    validateCron(expression.trim());
    return true;
  } catch {
    return false;
  }
}

const strict = { errorMap: (issue: z.ZodIssueOptionalMessage, ctx: { defaultError: string }) =>
  issue.code === 'unrecognized_keys'
    ? { message: `Unknown field(s): ${issue.keys.join(', ')}` }
    : { message: ctx.defaultError } };

/** A blank secret in an update means "keep the stored one" (the form leaves it empty). */
const keptIfBlank = (label: string) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), uuidField(label).optional());

/** The lead service's own client pair (optional; blank = the main pair serves the LeadService too). */
const leadClient = {
  leadClientId: keptIfBlank('Lead service ClientID'),
  leadClientSecret: keptIfBlank('Lead service ClientSecret'),
};

const LEAD_PAIR_INCOMPLETE = 'Lead service client: give both the ClientID and the ClientSecret, or neither';

/** Both halves of the lead pair, or neither. */
const leadPairComplete = (v: { leadClientId?: string; leadClientSecret?: string }, ctx: z.RefinementCtx) => {
  if (Boolean(v.leadClientId) !== Boolean(v.leadClientSecret)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [v.leadClientId ? 'leadClientSecret' : 'leadClientId'], message: LEAD_PAIR_INCOMPLETE });
  }
};

/** Every value a credential is made of; Test connection takes the same values before one is saved. */
const credentialValues = z
  .object(
    {
      dealership,
      environment,
      clientId: uuidField('ClientID'),
      clientSecret: uuidField('ClientSecret'),
      accountNumber,
      accountSecret: uuidField('AccountSecret'),
      yardCode: yardCode.optional(),
      ...leadClient,
    },
    strict,
  )
  .strict();

export const createCredentialSchema = credentialValues.superRefine(leadPairComplete);

/** Sync settings that need the "Manage sync settings" permission on top of "Manage credentials". */
export const GUARDED_SYNC_SETTINGS = [
  'stockSyncEnabled',
  'stockSchedule',
  'stockScheduleTime',
  'stockScheduleCron',
  'imageSyncEnabled',
  'leadSyncEnabled',
  'leadSchedule',
  'leadScheduleTime',
  'leadScheduleCron',
  'leadConflictStrategy',
] as const;

/** Connection fields as an edit form sends them: unchanged secrets come blank (keep the stored). */
const editedConnection = {
  environment: environment.optional(),
  clientId: keptIfBlank('ClientID'),
  clientSecret: keptIfBlank('ClientSecret'),
  accountNumber: accountNumber.optional(),
  accountSecret: keptIfBlank('AccountSecret'),
  yardCode: yardCode.optional(),
  ...leadClient,
  /** true: forget the lead service's own client pair (the main pair then serves the LeadService). */
  removeLeadClient: z.literal(true, { errorMap: () => ({ message: 'removeLeadClient must be true (or left out)' }) }).optional(),
};

export const updateCredentialSchema = z
  .object(
    {
      ...editedConnection,
      isActive: bool('isActive').optional(),
      stockSyncEnabled: bool('stockSyncEnabled').optional(),
      stockSchedule: schedule('stockSchedule').optional(),
      stockScheduleTime: time('stockScheduleTime').optional(),
      stockScheduleCron: cron('stockScheduleCron').optional(),
      imageSyncEnabled: bool('imageSyncEnabled').optional(),
      leadSyncEnabled: bool('leadSyncEnabled').optional(),
      leadSchedule: schedule('leadSchedule').optional(),
      leadScheduleTime: time('leadScheduleTime').optional(),
      leadScheduleCron: cron('leadScheduleCron').optional(),
      leadConflictStrategy: z
        .enum(['manual', 'local_wins', 'easycars_wins'], {
          errorMap: () => ({ message: 'leadConflictStrategy must be manual, local_wins or easycars_wins' }),
        })
        .optional(),
    },
    strict,
  )
  .strict();

const testValuesSchema = credentialValues.extend({ dealership: dealership.optional() }).superRefine(leadPairComplete);

const testStoredSchema = z
  .object(
    {
      credential: z.coerce
        .number({ invalid_type_error: 'credential must be a credential id' })
        .int('credential must be a credential id')
        .positive('credential must be a credential id'),
      // Edited values to try with the stored ones.
      ...editedConnection,
    },
    strict,
  )
  .strict();

export type CreateCredentialInput = z.infer<typeof createCredentialSchema>;
export type UpdateCredentialInput = z.infer<typeof updateCredentialSchema>;
export type TestValuesInput = z.infer<typeof testValuesSchema>;
export type TestOverrides = Omit<z.infer<typeof testStoredSchema>, 'credential'>;
export type TestConnectionInput =
  | { kind: 'stored'; credential: number; overrides: TestOverrides }
  | { kind: 'values'; values: TestValuesInput };

/** Throws Strapi's ValidationError (400) with one entry per invalid field. */
export function parseOrThrow<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw toValidationError(result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })));
}

export function toValidationError(issues: Array<{ path: string[]; message: string }>) {
  const details = issues.map((i) => ({ path: i.path, message: i.message, name: 'ValidationError' }));
  const message = issues.length === 1 ? issues[0].message : `${issues.length} errors occurred: ${issues.map((i) => i.message).join('; ')}`;
  return new errors.ValidationError(message, { errors: details });
}

export function parseCreateCredential(input: unknown): CreateCredentialInput {
  return parseOrThrow(createCredentialSchema, input);
}

export function parseUpdateCredential(input: unknown): UpdateCredentialInput {
  // An empty body is a mistake; a body of blank secrets only ("keep both") is a valid no-op.
  if (typeof input !== 'object' || input === null || Object.keys(input).length === 0) {
    throw toValidationError([{ path: [], message: 'Nothing to update: send at least one field' }]);
  }
  return parseOrThrow(updateCredentialSchema, input);
}

export function parseTestConnection(input: unknown): TestConnectionInput {
  if (typeof input === 'object' && input !== null && 'credential' in input) {
    const { credential, ...rest } = parseOrThrow(testStoredSchema, input);
    const overrides = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as TestOverrides;
    return { kind: 'stored', credential, overrides };
  }
  return { kind: 'values', values: parseOrThrow(testValuesSchema, input) };
}

/**
 * After an update (or a test with edits), the lead pair is still both-or-neither: a stored pair can
 * have one half replaced, a new pair needs both halves, and removing it cannot come with new values.
 */
export function assertLeadClientComplete(
  stored: { leadClientId: string | null; leadClientSecret: string | null },
  input: { leadClientId?: string; leadClientSecret?: string; removeLeadClient?: true },
) {
  if (input.removeLeadClient && (input.leadClientId || input.leadClientSecret)) {
    throw toValidationError([{ path: ['removeLeadClient'], message: 'removeLeadClient cannot come with a new lead service ClientID or ClientSecret' }]);
  }
  if (input.removeLeadClient) return;
  const hasId = Boolean(input.leadClientId || stored.leadClientId);
  const hasSecret = Boolean(input.leadClientSecret || stored.leadClientSecret);
  if (hasId !== hasSecret) throw toValidationError([{ path: [hasId ? 'leadClientSecret' : 'leadClientId'], message: LEAD_PAIR_INCOMPLETE }]);
}

/** A custom schedule needs a cron expression, given now or already stored. */
export function assertSchedulesComplete(merged: {
  stockSchedule?: string | null;
  stockScheduleCron?: string | null;
  leadSchedule?: string | null;
  leadScheduleCron?: string | null;
}) {
  const issues: Array<{ path: string[]; message: string }> = [];
  if (merged.stockSchedule === 'custom' && !merged.stockScheduleCron) {
    issues.push({ path: ['stockScheduleCron'], message: 'stockScheduleCron is required when stockSchedule is custom' });
  }
  if (merged.leadSchedule === 'custom' && !merged.leadScheduleCron) {
    issues.push({ path: ['leadScheduleCron'], message: 'leadScheduleCron is required when leadSchedule is custom' });
  }
  if (issues.length) throw toValidationError(issues);
}

export function parseCredentialId(raw: unknown): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0 || String(raw) !== String(id)) {
    throw toValidationError([{ path: ['id'], message: 'id must be a positive integer credential id' }]);
  }
  return id;
}
