import type { Core } from '@strapi/strapi';

/**
 * Demo data, created only when EASYCARS_DEMO_SEED=true (set by `npm run demo`):
 * a Super Admin, a dealership manager, two dealerships whose EasyCars credentials point at
 * the local sandbox's seeded accounts, and a first stock sync. Idempotent: safe on every start.
 */
export const DEMO_LOGIN = { email: 'admin@demo.easycars.local', password: 'EasyCars-Demo-2026' };
export const DEMO_MANAGER = { email: 'manager@demo.easycars.local', password: 'EasyCars-Demo-2026' };

// The sandbox's own seeded (fake) credentials: see sandbox/src/seed.ts.
const SANDBOX_CLIENT = { clientId: 'AA20EE61-5CFA-458D-9AFB-C4E929EA18E6', clientSecret: '7326AF23-714A-41A5-A74F-EC77B4E4F2F2' };
const DEMO_DEALERSHIPS = [
  {
    name: 'Harbour City Motors',
    phone: '02 9000 1111',
    email: 'sales@harbourcitymotors.example',
    account: { accountNumber: 'EC114575', accountSecret: '3F1C2A9E-6B7D-4E21-9C8A-5D4E3F2A1B0C' },
  },
  {
    name: 'North Shore Auto',
    phone: '02 9000 2222',
    email: 'hello@northshoreauto.example',
    account: { accountNumber: 'EC208841', accountSecret: '9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D' },
  },
];

async function ensureAdmin(strapi: Core.Strapi, login: { email: string; password: string }, roleId: number, firstname: string) {
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: login.email } });
  if (existing) return existing;
  return strapi.service('admin::user').create({
    email: login.email,
    firstname,
    lastname: 'Demo',
    password: login.password,
    isActive: true,
    roles: [roleId],
    registrationToken: null,
  });
}

async function ensureManagerRole(strapi: Core.Strapi): Promise<number> {
  const name = 'Dealership Manager';
  const existing = await strapi.db.query('admin::role').findOne({ where: { name } });
  if (existing) return existing.id;
  const role = await strapi.service('admin::role').create({ name, description: 'Manages the EasyCars connection of their own dealerships' });
  const actions = [
    'plugin::easycars.credentials.read',
    'plugin::easycars.credentials.manage',
    'plugin::easycars.sync.trigger',
    'plugin::easycars.sync-logs.read',
    'plugin::easycars.sync-settings.manage',
    'plugin::easycars.conflicts.resolve',
  ];
  const contentActions = ['read', 'create', 'update', 'delete', 'publish'].flatMap((a) =>
    ['api::vehicle.vehicle', 'api::lead.lead'].map((subject) => ({ action: `plugin::content-manager.explorer.${a}`, subject })),
  );
  await strapi.service('admin::role').assignPermissions(role.id, [
    ...actions.map((action) => ({ action, subject: null, conditions: [], properties: {} })),
    ...contentActions
      .filter((p) => !(p.action.endsWith('publish') && p.subject === 'api::lead.lead'))
      .map((p) => ({ ...p, conditions: [], properties: {} })),
  ]);
  return role.id;
}

export async function seedDemo(strapi: Core.Strapi) {
  const superRole = await strapi.service('admin::role').getSuperAdmin();
  if (!superRole) return;
  await ensureAdmin(strapi, DEMO_LOGIN, superRole.id, 'Demo');
  const manager = await ensureAdmin(strapi, DEMO_MANAGER, await ensureManagerRole(strapi), 'Manager');

  const easycars = strapi.plugin('easycars');
  for (const [index, d] of DEMO_DEALERSHIPS.entries()) {
    let dealership = await strapi.documents('api::dealership.dealership').findFirst({ filters: { name: d.name } });
    if (!dealership) {
      dealership = await strapi.documents('api::dealership.dealership').create({
        data: {
          name: d.name,
          phone: d.phone,
          email: d.email,
          timezone: 'Australia/Sydney',
          // The manager manages the first dealership only, to show dealership scoping.
          ...(index === 0 ? { managers: { connect: [{ id: manager.id }] } } : {}),
        } as any,
      });
    }
    const credentials = easycars.service('credentials');
    if (!(await credentials.findByDealership(dealership.documentId))) {
      await credentials.create(
        { dealership: dealership.documentId, environment: 'test', isActive: true, yardCode: null },
        { ...SANDBOX_CLIENT, ...d.account },
      );
      await easycars.service('jobs').enqueueSync({ dealership: dealership.documentId, type: 'stock', trigger: 'manual', actor: null });
      strapi.log.info(`[demo] ${d.name}: credentials saved, first stock sync queued`);
    }
  }
}
