/**
 * GET /dealerships needs a login only at the route level: the controller accepts any EasyCars
 * action (each plugin page shows the dealership picker) and lists only the caller's dealerships.
 */
export default [
  {
    method: 'GET',
    path: '/dealerships',
    handler: 'dealerships.find',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
