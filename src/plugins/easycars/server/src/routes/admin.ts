import sync from './admin/sync';
import credentials from './admin/credentials';
import dealerships from './admin/dealerships';

export default [...sync, ...credentials, ...dealerships] as Array<Record<string, unknown>>;
