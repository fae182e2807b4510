/**
 * Content-manager helpers: where a vehicle came from. Guarded in the controller by "any EasyCars
 * action" (admin::hasPermissions would require all of them) plus dealership access.
 */
export default [
  {
    method: 'GET',
    path: '/vehicles/:documentId/easycars',
    handler: 'stock.vehicleLink',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
  {
    method: 'POST',
    path: '/vehicles/status',
    handler: 'stock.vehicleStatuses',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
