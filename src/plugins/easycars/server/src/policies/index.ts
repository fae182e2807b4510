import managesDealership from './manages-dealership';
import listsOwnDealerships from './lists-own-dealerships';
import siteWide from './site-wide';
import metricsToken from './metrics-token';
import editsVehicles from './edits-vehicles';

/** Who may act on which dealership is declared on each route (utils/route.ts), not checked in controllers. */
export default {
  'manages-dealership': managesDealership,
  'lists-own-dealerships': listsOwnDealerships,
  'site-wide': siteWide,
  'metrics-token': metricsToken,
  'edits-vehicles': editsVehicles,
};
