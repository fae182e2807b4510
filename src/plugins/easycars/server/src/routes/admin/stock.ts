import { adminRoute } from '../../utils/route';

/** Content-manager helpers: where a vehicle came from, for the caller's own dealerships only. */
export default [
  adminRoute('GET', '/vehicles/:documentId/easycars', 'stock.vehicleLink', [], 'own-dealerships'),
  adminRoute('POST', '/vehicles/status', 'stock.vehicleStatuses', [], 'own-dealerships'),
];
