import { adminRoute } from '../../utils/route';

/** The dealership picker: only the caller's own dealerships (access.listDealerships). */
export default [adminRoute('GET', '/dealerships', 'dealerships.find', [], 'own-dealerships')];
