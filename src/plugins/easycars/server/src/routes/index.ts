import adminRoutes from './admin';

export default {
  admin: { type: 'admin', routes: adminRoutes },
};
