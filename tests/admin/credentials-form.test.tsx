import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { credentialsApi, type CredentialView, type FetchClient } from '../../src/plugins/easycars/admin/src/api/credentials';
import { CredentialsPanel } from '../../src/plugins/easycars/admin/src/components/credentials/CredentialsPanel';
import { renderAdmin } from './render';

// The panel's hooks import the admin module (its fetch client is unused here: the panel gets `api`).
jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

// jsdom lacks what Radix (under the design system) measures with.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.scrollIntoView ??= () => undefined;
});

const VALID = {
  clientId: 'AA20EE61-5CFA-458D-9AFB-C4E929EA18E6',
  clientSecret: '7326AF23-714A-41A5-A74F-EC77B4E4F2F2',
  accountNumber: 'EC114575',
  accountSecret: '3F1C2A9E-6B7D-4E21-9C8A-5D4E3F2A1B0C',
};

const STORED: CredentialView = {
  id: 7,
  dealership: 'dealer-a',
  environment: 'test',
  accountNumber: 'EC114575',
  clientId: '••••18E6',
  hasClientId: true,
  hasClientSecret: true,
  hasAccountSecret: true,
  leadClient: null,
  yardCode: null,
  isActive: true,
  lastTest: { at: '2025-01-01T00:00:00.000Z', ok: true, message: 'Connected' },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const LEADS_OK = { ok: true, message: 'connected.', clientPair: 'main', required: true };
const OK_TEST = {
  ok: true,
  environment: 'test',
  message: 'EasyCars (test). Stock: connected, 250 vehicles. Leads: connected.',
  stock: { ok: true, stockCount: 250, stockListSlow: false, message: 'connected, 250 vehicles.' },
  leads: LEADS_OK,
  durationMs: 120,
  testedAt: '2025-01-02T00:00:00.000Z',
};
const SLOW_TEST = {
  ...OK_TEST,
  stock: {
    ok: true,
    stockCount: null,
    stockListSlow: true,
    message: 'connected, stock list slow: the client ID / client secret were accepted, but the stock list did not arrive within 10 s.',
  },
};
const ACCOUNT_FAILED = {
  ok: false,
  environment: 'test',
  message: 'EasyCars (test). Stock: EasyCars refused the stock request for this account (Code 7). Leads: connected.',
  stock: {
    ok: false,
    failedPair: 'account',
    reason: 'easycars_error',
    message: 'EasyCars refused the stock request for this account (Code 7). EasyCars said: "Invalid AccountNumber or AccountSecret."',
    code: 7,
    easycarsMessage: 'Invalid AccountNumber or AccountSecret.',
  },
  leads: LEADS_OK,
  durationMs: 90,
  testedAt: '2025-01-02T00:00:00.000Z',
};
const LEADS_REFUSED = {
  ...OK_TEST,
  ok: false,
  leads: {
    ok: false,
    failedPair: 'client',
    reason: 'authentication',
    message: 'EasyCars refused the client ID / client secret for the LeadService. The client may not be enabled for the LeadService.',
    code: 1,
    easycarsMessage: 'Invalid client credentials.',
    clientPair: 'main',
    required: true,
  },
};

/** A fetch client double that answers like the admin API and records every call. */
function fakeClient(answers: { test?: unknown[]; saved?: CredentialView } = {}) {
  const tests = [...(answers.test ?? [OK_TEST])];
  const client = {
    get: jest.fn(async () => ({ data: { data: answers.saved ?? STORED } })),
    post: jest.fn(async (url: string, body?: any) => {
      if (url === '/easycars/test-connection') return { data: { data: tests.length > 1 ? tests.shift() : tests[0] } };
      return { data: { data: { ...STORED, ...answers.saved, dealership: body.dealership, lastTest: null } } };
    }),
    put: jest.fn(async () => ({ data: { data: { ...STORED, ...answers.saved } } })),
    del: jest.fn(async () => ({ data: { data: { id: STORED.id, deleted: true } } })),
  };
  return client as typeof client & FetchClient;
}

function renderPanel(opts: { credential?: CredentialView | null; canManage?: boolean; client?: ReturnType<typeof fakeClient> } = {}) {
  const client = opts.client ?? fakeClient();
  const notify = jest.fn();
  const onChanged = jest.fn();
  renderAdmin(
    <CredentialsPanel
      dealership={{ documentId: 'dealer-a', name: 'Harbour Motors' }}
      credential={opts.credential ?? null}
      canManage={opts.canManage ?? true}
      api={credentialsApi(client)}
      notify={notify}
      onChanged={onChanged}
    />,
  );
  return { client, notify, onChanged, user: userEvent.setup() };
}

const field = (label: RegExp) => screen.getByLabelText(label);
const saveButton = () => screen.getByRole('button', { name: /^save/i });

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(field(/^client id/i), VALID.clientId);
  await user.type(field(/^client secret/i), VALID.clientSecret);
  await user.type(field(/^account number/i), VALID.accountNumber);
  await user.type(field(/^account secret/i), VALID.accountSecret);
}

describe('EasyCars credentials form', () => {
  it('shows "not configured" first, with a label on every field and secrets as password inputs', () => {
    renderPanel();
    expect(screen.getByText('Not configured')).toBeInTheDocument();
    for (const label of [/^client id/i, /^client secret/i, /^account number/i, /^account secret/i]) expect(field(label)).toBeInTheDocument();
    expect(field(/^client secret/i)).toHaveAttribute('type', 'password');
    expect(field(/^account secret/i)).toHaveAttribute('type', 'password');
    expect(screen.getByRole('radio', { name: 'Test' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Production' })).not.toBeChecked();
  });

  it('validates inline and does not test invalid values', async () => {
    const { user, client } = renderPanel();
    await user.type(field(/^client id/i), 'not-a-uuid');
    await user.type(field(/^account number/i), '114575');
    await user.tab();
    expect(screen.getByText(/Client ID must be a UUID/)).toBeInTheDocument();
    expect(screen.getByText(/Account Number must be "EC" followed by digits/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /test connection/i }));
    expect(screen.getByText('Client Secret is required')).toBeInTheDocument();
    expect(screen.getByText('Account Secret is required')).toBeInTheDocument();
    expect(client.post).not.toHaveBeenCalled();
    expect(saveButton()).toBeDisabled();
  });

  it('enables Save only after a successful test of the current values, or with "save without testing"', async () => {
    const { user, client, onChanged, notify } = renderPanel();
    await fillValid(user);
    expect(saveButton()).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /test connection/i }));
    expect(await screen.findByText('Connection succeeded.')).toBeInTheDocument();
    expect(screen.getByText('Stock: connected, 250 stock items found')).toBeInTheDocument();
    expect(screen.getByText('Leads: connected')).toBeInTheDocument();
    expect(client.post).toHaveBeenCalledWith('/easycars/test-connection', { dealership: 'dealer-a', environment: 'test', yardCode: null, ...VALID });
    expect(saveButton()).toBeEnabled();

    await user.type(field(/^account number/i), '1');
    expect(saveButton()).toBeDisabled();
    expect(screen.getByText(/values changed since the last test/)).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: /save without testing/i }));
    expect(saveButton()).toBeEnabled();
    await user.clear(field(/^account number/i));
    await user.type(field(/^account number/i), VALID.accountNumber);
    await user.click(saveButton());

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(client.post).toHaveBeenCalledWith('/easycars/credentials', { dealership: 'dealer-a', environment: 'test', yardCode: null, ...VALID });
    // tested values: the stored credential is re-tested so "last test" describes what was saved
    expect(client.post).toHaveBeenCalledWith('/easycars/test-connection', { credential: STORED.id });
    expect(notify).toHaveBeenCalledWith('success', 'EasyCars credentials saved.');
  });

  it('says which pair failed and keeps Save disabled after a failed test', async () => {
    const { user } = renderPanel({ client: fakeClient({ test: [ACCOUNT_FAILED] }) });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: /test connection/i }));
    const result = await screen.findByTestId('test-result');
    expect(within(result).getByText('Connection failed.')).toBeInTheDocument();
    expect(within(result).getByText('Stock: Account Number / Account Secret — EasyCars returned an error')).toBeInTheDocument();
    expect(within(result).getByText(/Invalid AccountNumber or AccountSecret/)).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
  });

  it('says "connected, stock list slow" (not failed) when only the stock list is slow', async () => {
    const { user } = renderPanel({ client: fakeClient({ test: [SLOW_TEST] }) });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: /test connection/i }));
    const result = await screen.findByTestId('test-result');
    expect(within(result).getByText('Stock: connected, stock list slow (it did not arrive in time for this test)')).toBeInTheDocument();
    expect(within(result).getByText(/did not arrive within 10 s/)).toBeInTheDocument();
    expect(within(result).queryByText(/Connection failed/)).toBeNull();
  });

  it('reports each EasyCars service on its own: stock connected, leads refused', async () => {
    const { user } = renderPanel({ client: fakeClient({ test: [LEADS_REFUSED] }) });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: /test connection/i }));
    const result = await screen.findByTestId('test-result');
    expect(within(result).getByText('Connection failed.')).toBeInTheDocument();
    expect(within(screen.getByTestId('test-result-stock')).getByText('Stock: connected, 250 stock items found')).toBeInTheDocument();
    const leads = screen.getByTestId('test-result-leads');
    expect(within(leads).getByText('Leads: Client ID / Client Secret — rejected by EasyCars')).toBeInTheDocument();
    expect(within(leads).getByText(/not be enabled for the LeadService/)).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
  });

  it('takes a separate lead service client pair under Advanced: both or neither, sent only when filled in', async () => {
    const { user, client } = renderPanel();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: /advanced options/i }));
    expect(screen.getByText('Lead service client (if different)')).toBeInTheDocument();
    expect(field(/^lead service client secret/i)).toHaveAttribute('type', 'password');
    await user.type(field(/^lead service client id/i), 'E7A41C90-3B58-4D2E-8F16-0C9B5A7D2E31');
    await user.click(screen.getByRole('button', { name: /test connection/i }));
    expect(screen.getByText('Give both the lead service Client ID and Client Secret, or neither')).toBeInTheDocument();
    expect(client.post).not.toHaveBeenCalled();

    await user.type(field(/^lead service client secret/i), '4D8F2B6A-91C3-4E7D-B05A-6F2E8C1D9A47');
    await user.click(screen.getByRole('button', { name: /test connection/i }));
    await screen.findByText('Connection succeeded.');
    expect(client.post).toHaveBeenCalledWith('/easycars/test-connection', {
      dealership: 'dealer-a',
      environment: 'test',
      yardCode: null,
      ...VALID,
      leadClientId: 'E7A41C90-3B58-4D2E-8F16-0C9B5A7D2E31',
      leadClientSecret: '4D8F2B6A-91C3-4E7D-B05A-6F2E8C1D9A47',
    });
  });

  it('shows a stored lead service client masked, and can remove it', async () => {
    const { user, client } = renderPanel({ credential: { ...STORED, leadClient: { clientId: '••••2E31', hasClientSecret: true } } });
    await user.click(screen.getByRole('button', { name: /advanced options/i }));
    expect(screen.getByText('A lead service client is stored (Client ID ••••2E31).')).toBeInTheDocument();
    expect(field(/^lead service client id/i)).toHaveValue('');
    await user.click(screen.getByRole('checkbox', { name: /remove the lead service client/i }));
    expect(field(/^lead service client id/i)).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /test connection/i }));
    await screen.findByText('Connection succeeded.');
    expect(client.post).toHaveBeenCalledWith('/easycars/test-connection', { credential: 7, environment: 'test', accountNumber: 'EC114575', yardCode: null, removeLeadClient: true });
    await user.click(screen.getByRole('button', { name: /save changes/i }));
    await waitFor(() => expect(client.put).toHaveBeenCalled());
    expect(client.put).toHaveBeenCalledWith('/easycars/credentials/7', { environment: 'test', accountNumber: 'EC114575', yardCode: null, removeLeadClient: true });
  });

  it('edits with blank secrets: "stored — leave blank to keep", and blank secrets are not sent', async () => {
    const { user, client } = renderPanel({ credential: STORED });
    expect(screen.getByText('Configured')).toBeInTheDocument();
    expect(screen.getByText('EC114575')).toBeInTheDocument();
    expect(field(/^client secret/i)).toHaveValue('');
    expect(field(/^account secret/i)).toHaveValue('');
    expect(field(/^client id/i)).toHaveValue('');
    expect(screen.getAllByText('Stored — leave blank to keep')).toHaveLength(3);
    expect(field(/^account number/i)).toHaveValue('EC114575');
    expect(screen.getByText('No changes to save.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Production' }));
    await user.click(screen.getByRole('button', { name: /test connection/i }));
    await screen.findByText('Connection succeeded.');
    expect(client.post).toHaveBeenCalledWith('/easycars/test-connection', { credential: 7, environment: 'production', accountNumber: 'EC114575', yardCode: null });

    await user.click(screen.getByRole('button', { name: /save changes/i }));
    await waitFor(() => expect(client.put).toHaveBeenCalled());
    expect(client.put).toHaveBeenCalledWith('/easycars/credentials/7', { environment: 'production', accountNumber: 'EC114575', yardCode: null });
  });

  it('asks for confirmation before deleting', async () => {
    const { user, client, onChanged } = renderPanel({ credential: STORED });
    await user.click(screen.getByRole('button', { name: /delete credentials/i }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Are you sure? This will stop all EasyCars synchronization.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /cancel/i }));
    expect(client.del).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: /delete credentials/i }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: /yes, delete/i }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(null));
    expect(client.del).toHaveBeenCalledWith('/easycars/credentials/7');
  });

  it('is read-only without the manage permission', () => {
    renderPanel({ credential: STORED, canManage: false });
    expect(screen.queryByRole('button', { name: /test connection/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /delete credentials/i })).not.toBeInTheDocument();
    expect(field(/^account number/i)).toBeDisabled();
    expect(screen.getByText(/Manage credentials/)).toBeInTheDocument();
  });
});
