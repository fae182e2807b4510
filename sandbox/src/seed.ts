import type { ServiceName } from './tokens';
/**
 * The sandbox's fixed, fake credentials and dealer accounts. Tests and the demo
 * rely on these exact values; none of them is a real EasyCars credential
 * except the ClientID/ClientSecret test pair published in the requirements.
 */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  /** Lead source name, for humans. */
  name: string;
  /** The services this client may get tokens for (default: both). */
  services?: ServiceName[];
}

export interface SandboxYard {
  code: string;
  name: string;
  location: string;
  /** Relative share of the generated stock (default 1). */
  weight?: number;
}

export interface SandboxSeedCustomer {
  CustomerNo: string;
  Name: string;
  Email: string;
  Phone?: string;
  Mobile?: string;
  Address?: string;
  City?: string;
  State?: string;
  PostCode?: string;
}

export interface SandboxAccount {
  accountNumber: string;
  accountSecret: string;
  dealerName: string;
  yards: SandboxYard[];
  /** Default number of generated stock items. */
  stockCount: number;
  /** StockNumber of item i is String(stockNumberStart + i). */
  stockNumberStart: number;
  /** Give item `index` the VIN of another account's item (cross-dealership tests). */
  sharedVins?: Array<{ index: number; fromAccount: string; fromIndex: number }>;
  /** The first lead created gets leadNumberStart + 1 ("000017" style, 6 digits). */
  leadNumberStart: number;
  customers: SandboxSeedCustomer[];
}

export interface SandboxSeed {
  /** PRNG seed mixed into every generated value. */
  seed: number;
  clients: SandboxClient[];
  accounts: SandboxAccount[];
}

export const SANDBOX_CREDENTIALS = {
  /** The requirements document's test pair (PublicID / SecretKey). */
  client: {
    clientId: 'AA20EE61-5CFA-458D-9AFB-C4E929EA18E6',
    clientSecret: '7326AF23-714A-41A5-A74F-EC77B4E4F2F2',
  },
  /** A second lead source, for "GetLeadDetail only for the caller's own leads". */
  otherClient: {
    clientId: '5B0E3C47-2D19-4F8A-A6B1-93C7E2D4F580',
    clientSecret: 'C19D7E2A-48F3-4B6C-9A05-7E1F3D2B8C64',
  },
  /** A client enabled for the LeadService only (dealers whose lead access has its own client pair). */
  leadOnlyClient: {
    clientId: 'E7A41C90-3B58-4D2E-8F16-0C9B5A7D2E31',
    clientSecret: '4D8F2B6A-91C3-4E7D-B05A-6F2E8C1D9A47',
  },
  accounts: {
    EC114575: { accountNumber: 'EC114575', accountSecret: '3F1C2A9E-6B7D-4E21-9C8A-5D4E3F2A1B0C' },
    EC208841: { accountNumber: 'EC208841', accountSecret: '9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D' },
  },
} as const;

export const DEFAULT_SEED: SandboxSeed = {
  seed: 20250916,
  clients: [
    { ...SANDBOX_CREDENTIALS.client, name: 'Dealer website' },
    { ...SANDBOX_CREDENTIALS.otherClient, name: 'Other lead source' },
    { ...SANDBOX_CREDENTIALS.leadOnlyClient, name: 'Lead-only client', services: ['LeadService'] },
  ],
  accounts: [
    {
      ...SANDBOX_CREDENTIALS.accounts.EC114575,
      dealerName: 'Parramatta Motor Group',
      yards: [
        { code: 'MAIN', name: 'Main Yard', location: '88 Church St, Parramatta NSW 2150', weight: 2 },
        { code: 'WEST', name: 'Western Sydney', location: '12 Great Western Hwy, Penrith NSW 2750', weight: 1 },
      ],
      stockCount: 250,
      stockNumberStart: 10001,
      leadNumberStart: 16,
      customers: [
        { CustomerNo: '00001', Name: 'Olivia Nguyen', Email: 'olivia.nguyen@example.com', Mobile: '0412 345 678', City: 'Parramatta', State: 'NSW', PostCode: '2150' },
        { CustomerNo: '00002', Name: 'Jack Thompson', Email: 'jack.thompson@example.com', Phone: '02 9876 5432', City: 'Penrith', State: 'NSW', PostCode: '2750' },
        { CustomerNo: '00003', Name: 'Mia Patel', Email: 'mia.patel@example.com', Mobile: '0498 765 432', City: 'Blacktown', State: 'NSW', PostCode: '2148' },
      ],
    },
    {
      ...SANDBOX_CREDENTIALS.accounts.EC208841,
      dealerName: 'North Shore Autos',
      yards: [{ code: 'NTH', name: 'North Shore', location: '401 Pacific Hwy, Artarmon NSW 2064' }],
      stockCount: 60,
      // Items 0-49 share StockNumbers 10201-10250 with EC114575's items 200-249.
      stockNumberStart: 10201,
      // Item 55 (StockNumber 10256, not shared) carries the VIN of EC114575's item 3.
      sharedVins: [{ index: 55, fromAccount: 'EC114575', fromIndex: 3 }],
      leadNumberStart: 40,
      customers: [
        { CustomerNo: '00001', Name: 'Liam Walker', Email: 'liam.walker@example.com', Mobile: '0400 111 222', City: 'Chatswood', State: 'NSW', PostCode: '2067' },
        { CustomerNo: '00002', Name: 'Olivia Nguyen', Email: 'olivia.nguyen@example.com', Mobile: '0412 345 678', City: 'Parramatta', State: 'NSW', PostCode: '2150' },
      ],
    },
  ],
};
