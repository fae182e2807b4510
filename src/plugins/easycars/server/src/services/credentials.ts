import type { Core } from '@strapi/strapi';
import { SECRET_FIELDS, type CredentialRow, type DecryptedCredential, type SecretField } from '../credentials/types';
import { UNREADABLE_CREDENTIAL_MESSAGE, maskAccountNumber, toPublicCredential } from '../credentials/public-view';
import { getService, pluginUid } from '../utils/plugin';

const UID = pluginUid('credential');

type SecretValues = Partial<Record<SecretField, string>>;
type PlainFields = Partial<Omit<CredentialRow, SecretField | 'id' | 'createdAt' | 'updatedAt' | 'clientIdHint' | 'leadClientIdHint'>>;
/** The dealership never changes after creation: the stored secrets are bound to it. */
type UpdatableFields = Omit<PlainFields, 'dealership'>;

/**
 * Repository for dealership credentials. The only place that encrypts or decrypts them:
 * everything else gets either the public view or, for talking to EasyCars, the decrypted set.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cipher = () => getService(strapi, 'cipher').get();
  const query = () => strapi.db.query(UID);

  const encryptSecrets = (values: SecretValues, dealership: string) => {
    const out: Record<string, string> = {};
    for (const field of SECRET_FIELDS) {
      const value = values[field];
      if (value !== undefined && value !== '') out[field] = cipher().encrypt(value, { dealership, field });
    }
    if (values.clientId) out.clientIdHint = values.clientId.slice(-4);
    if (values.leadClientId) out.leadClientIdHint = values.leadClientId.slice(-4);
    return out;
  };

  const decryptField = (row: CredentialRow, field: SecretField): string => {
    const envelope = row[field];
    if (!envelope) throw new Error(`EasyCars credential ${row.id} has no ${field} stored.`);
    return cipher().decrypt(envelope, { dealership: row.dealership, field }, `EasyCars credential ${row.id} (dealership ${row.dealership}) ${field}`);
  };

  const findById = async (id: number) => (await query().findOne({ where: { id } })) as CredentialRow | null;

  /** A stored pair's cached tokens must not outlive a change or deletion of that pair. */
  const forgetCachedTokens = async (row: CredentialRow | null) => {
    if (!row) return;
    const pairs: Array<[SecretField, SecretField]> = [
      ['clientId', 'clientSecret'],
      ['leadClientId', 'leadClientSecret'],
    ];
    for (const [idField, secretField] of pairs) {
      if (!row[idField] || !row[secretField]) continue;
      try {
        getService(strapi, 'easycarsClient').client().forgetClient(decryptField(row, idField), decryptField(row, secretField));
      } catch {
        // An undecryptable pair can never have produced a token on this key; nothing to forget.
      }
    }
  };

  return {
    findById,

    async findByDealership(dealership: string): Promise<CredentialRow | null> {
      return (await query().findOne({ where: { dealership } })) as CredentialRow | null;
    },

    async findAll(where: Record<string, unknown> = {}): Promise<CredentialRow[]> {
      return (await query().findMany({ where, orderBy: { id: 'asc' } })) as CredentialRow[];
    },

    async create(fields: PlainFields & { dealership: string }, secrets: SecretValues): Promise<CredentialRow> {
      return (await query().create({ data: { ...fields, ...encryptSecrets(secrets, fields.dealership) } })) as CredentialRow;
    },

    /** Partial update: a secret that is not given keeps its stored value; `removeLeadClient` clears the lead pair. */
    async update(id: number, fields: UpdatableFields, secrets: SecretValues = {}, opts: { removeLeadClient?: boolean } = {}): Promise<CredentialRow> {
      if ('dealership' in fields) {
        throw new Error(`EasyCars credential ${id}: the dealership cannot change, its secrets are bound to it. Delete and re-create the credential instead.`);
      }
      const row = await findById(id);
      await forgetCachedTokens(row);
      const cleared = opts.removeLeadClient ? { leadClientId: null, leadClientSecret: null, leadClientIdHint: null } : {};
      // No row: the update matches nothing, as before.
      const encrypted = row ? encryptSecrets(secrets, row.dealership) : {};
      return (await query().update({ where: { id }, data: { ...fields, ...cleared, ...encrypted } })) as CredentialRow;
    },

    async delete(id: number): Promise<void> {
      await forgetCachedTokens(await findById(id));
      await query().delete({ where: { id } });
    },

    decrypt(row: CredentialRow): DecryptedCredential {
      return {
        id: row.id,
        dealership: row.dealership,
        environment: row.environment,
        clientId: decryptField(row, 'clientId'),
        clientSecret: decryptField(row, 'clientSecret'),
        accountNumber: decryptField(row, 'accountNumber'),
        accountSecret: decryptField(row, 'accountSecret'),
        yardCode: row.yardCode || null,
        leadClient:
          row.leadClientId && row.leadClientSecret
            ? { clientId: decryptField(row, 'leadClientId'), clientSecret: decryptField(row, 'leadClientSecret') }
            : null,
      };
    },

    /** The admin API's view: metadata, the account number, never a secret. */
    toPublic(row: CredentialRow) {
      try {
        const accountNumber = row.accountNumber ? decryptField(row, 'accountNumber') : null;
        return { ...toPublicCredential(row, accountNumber), readable: true };
      } catch (err) {
        // The credentials page still opens, so the values can be entered again.
        strapi.log.error(`[easycars] credential ${row.id} (dealership ${row.dealership}) cannot be decrypted: ${(err as Error).message}`);
        return { ...toPublicCredential(row, null), readable: false, error: UNREADABLE_CREDENTIAL_MESSAGE };
      }
    },

    /**
     * The dealership list's view: account number masked, and a row that cannot be decrypted
     * (wrong or rotated key, damaged envelope) reported on its own instead of failing the list.
     */
    toListSummary(row: CredentialRow) {
      const base = { configured: true as const, id: row.id, environment: row.environment, isActive: row.isActive };
      const lastTest = row.lastTestedAt ? { at: row.lastTestedAt, ok: row.lastTestOk, message: row.lastTestMessage } : null;
      try {
        const accountNumber = row.accountNumber ? maskAccountNumber(decryptField(row, 'accountNumber')) : null;
        return { ...base, accountNumber, readable: true, lastTest };
      } catch (err) {
        strapi.log.error(`[easycars] credential ${row.id} (dealership ${row.dealership}) cannot be decrypted: ${(err as Error).message}`);
        return { ...base, accountNumber: null, readable: false, error: UNREADABLE_CREDENTIAL_MESSAGE, lastTest };
      }
    },
  };
};
