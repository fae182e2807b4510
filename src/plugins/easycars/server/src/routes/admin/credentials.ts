import { adminRoute } from '../../utils/route';

/** Credential routes; the dealership scope is checked in the controller (access.assertAccess). */
export default [
  adminRoute('GET', '/credentials', 'credentials.find', ['readCredentials']),
  adminRoute('POST', '/credentials', 'credentials.create', ['manageCredentials']),
  adminRoute('PUT', '/credentials/:id', 'credentials.update', ['manageCredentials']),
  adminRoute('DELETE', '/credentials/:id', 'credentials.delete', ['manageCredentials']),
  adminRoute('POST', '/test-connection', 'credentials.testConnection', ['manageCredentials']),
];
