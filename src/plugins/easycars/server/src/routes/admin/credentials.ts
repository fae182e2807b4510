import { adminRoute } from '../../utils/route';

export default [
  adminRoute('GET', '/credentials', 'credentials.find', ['readCredentials'], { from: 'query' }),
  adminRoute('POST', '/credentials', 'credentials.create', ['manageCredentials'], { from: 'body' }),
  adminRoute('PUT', '/credentials/:id', 'credentials.update', ['manageCredentials'], { from: 'credential' }),
  adminRoute('DELETE', '/credentials/:id', 'credentials.delete', ['manageCredentials'], { from: 'credential' }),
  // Typed-in values may be tried before a dealership is picked; stored ones are the credential's dealership.
  adminRoute('POST', '/test-connection', 'credentials.testConnection', ['manageCredentials'], { from: 'test-connection', optional: true }),
];
