import type { Core } from '@strapi/strapi';

/**
 * Editor-friendly labels (and the field shown for an entry in relations) for the CMS's own
 * collections in the content manager. Applied at start-up only where a setting is still
 * Strapi's default (label = attribute name, main field = id), so anything an admin changed in
 * "Configure the view" is kept.
 */
const LABELS: Record<string, Record<string, string>> = {
  'api::dealership.dealership': {
    name: 'Name', slug: 'Slug', timezone: 'Timezone', phone: 'Phone', email: 'Email', address: 'Address',
    website: 'Website', managers: 'Managers (admin users)', vehicles: 'Vehicles', leads: 'Leads',
  },
  'api::vehicle.vehicle': {
    title: 'Title', stockNumber: 'Stock number', vin: 'VIN', registration: 'Registration', registrationState: 'Registration state',
    registrationExpiry: 'Registration expiry', vehicleType: 'Vehicle type', make: 'Make', model: 'Model', badge: 'Badge',
    series: 'Series', year: 'Year', price: 'Price', specialPrice: 'Special price', driveAway: 'Drive-away price',
    odometer: 'Odometer', odometerUnit: 'Odometer unit', bodyType: 'Body type', colour: 'Colour', interiorColour: 'Interior colour',
    transmission: 'Transmission', fuelType: 'Fuel type', driveType: 'Drive type', engine: 'Engine', doors: 'Doors', seats: 'Seats',
    condition: 'Condition', saleStatus: 'Sale status', description: 'Description', features: 'Features', images: 'Images',
    videoUrl: 'Video URL', yard: 'Yard', dealership: 'Dealership', leads: 'Leads',
  },
  'api::lead.lead': {
    customerName: 'Customer name', customerEmail: 'Customer email', customerPhone: 'Customer phone', customerMobile: 'Customer mobile',
    customerAddress: 'Address', customerCity: 'City', customerState: 'State', customerPostCode: 'Postcode', message: 'Message',
    vehicle: 'Vehicle', vehicleMake: 'Vehicle make', vehicleModel: 'Vehicle model', vehicleYear: 'Vehicle year',
    vehiclePrice: 'Vehicle price', vehicleType: 'Vehicle type', isVehicleNew: 'New vehicle', interest: 'Interest',
    financeStatus: 'Finance', rating: 'Rating', leadStatus: 'Lead status', sourcePageUrl: 'Source page URL', dealership: 'Dealership',
  },
};

const MAIN_FIELDS: Record<string, string> = {
  'api::dealership.dealership': 'name',
  'api::vehicle.vehicle': 'title',
  'api::lead.lead': 'customerName',
};

export async function applyContentManagerLabels(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager').service('content-types');
  for (const [uid, labels] of Object.entries(LABELS)) {
    const contentType = strapi.contentType(uid as any);
    if (!contentType) continue;
    const configuration = await service.findConfiguration(contentType);
    let changed = false;
    for (const [attribute, label] of Object.entries(labels)) {
      const meta = configuration.metadatas?.[attribute];
      if (!meta) continue;
      for (const view of ['edit', 'list'] as const) {
        if (meta[view] && meta[view].label === attribute) {
          meta[view].label = label;
          changed = true;
        }
      }
    }
    if (configuration.settings?.mainField === 'id' && MAIN_FIELDS[uid]) {
      configuration.settings.mainField = MAIN_FIELDS[uid];
      changed = true;
    }
    if (changed) {
      const { uid: _uid, ...rest } = configuration;
      await service.updateConfiguration(contentType, rest);
    }
  }
}
