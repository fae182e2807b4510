import { adminRoute } from '../../utils/route';

export default [
  // The host's schema against the plugin config: the site's setup, not a dealership's.
  adminRoute('GET', '/setup', 'setup.report', ['readCredentials'], 'site-wide'),
  // Which content types are the vehicle, lead and dealership: no tenant data, any EasyCars user.
  adminRoute('GET', '/setup/content-types', 'setup.contentTypes', [], 'own-dealerships'),
];
