import type { CredentialFormValues } from '../api/credentials';

/** Mirrors the server's rules so the form can say what is wrong before anything is sent. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCOUNT_NUMBER = /^EC\d+$/;

export type FieldErrors = Partial<Record<keyof CredentialFormValues, { id: string; defaultMessage: string }>>;

const msg = (id: string, defaultMessage: string) => ({ id: `easycars.credentials.validation.${id}`, defaultMessage });

/**
 * `stored`: which secrets are already saved, so a blank field means "keep" (edit form).
 */
export function validateCredentials(
  values: CredentialFormValues,
  stored: { clientId: boolean; clientSecret: boolean; accountSecret: boolean; leadClient?: boolean } | null,
): FieldErrors {
  const errors: FieldErrors = {};
  const uuid = (key: 'clientId' | 'clientSecret' | 'accountSecret', label: string) => {
    const value = values[key].trim();
    if (!value) {
      if (!stored?.[key]) errors[key] = msg(`${key}.required`, `${label} is required`);
    } else if (!UUID.test(value)) {
      errors[key] = msg(`${key}.uuid`, `${label} must be a UUID, like 45FEBB0B-C09A-4166-9C99-8A26F3E7316E`);
    }
  };
  uuid('clientId', 'Client ID');
  uuid('clientSecret', 'Client Secret');
  uuid('accountSecret', 'Account Secret');

  const account = values.accountNumber.trim();
  if (!account) errors.accountNumber = msg('accountNumber.required', 'Account Number is required');
  else if (account.length > 20) errors.accountNumber = msg('accountNumber.length', 'Account Number must be at most 20 characters');
  else if (!ACCOUNT_NUMBER.test(account)) errors.accountNumber = msg('accountNumber.format', 'Account Number must be "EC" followed by digits, like EC114575');

  if (values.environment !== 'test' && values.environment !== 'production') {
    errors.environment = msg('environment.choice', 'Choose Test or Production');
  }
  // The lead service's own pair: optional, both or neither (a stored pair can have one half replaced).
  const leadId = values.leadClientId.trim();
  const leadSecret = values.leadClientSecret.trim();
  if (leadId && !UUID.test(leadId)) errors.leadClientId = msg('leadClientId.uuid', 'Lead service Client ID must be a UUID, like 45FEBB0B-C09A-4166-9C99-8A26F3E7316E');
  if (leadSecret && !UUID.test(leadSecret)) errors.leadClientSecret = msg('leadClientSecret.uuid', 'Lead service Client Secret must be a UUID');
  const keepsStoredPair = Boolean(stored?.leadClient) && !values.removeLeadClient;
  if (!keepsStoredPair && Boolean(leadId) !== Boolean(leadSecret)) {
    errors[leadId ? 'leadClientSecret' : 'leadClientId'] = msg('leadClient.pair', 'Give both the lead service Client ID and Client Secret, or neither');
  }
  if (values.yardCode.trim().length > 20) errors.yardCode = msg('yardCode.length', 'Yard code must be at most 20 characters');
  return errors;
}
