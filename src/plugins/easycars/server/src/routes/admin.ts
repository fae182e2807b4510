import sync from './admin/sync';
import credentials from './admin/credentials';
import dealerships from './admin/dealerships';
import leads from './admin/leads';
import stock from './admin/stock';

export default [...sync, ...credentials, ...dealerships, ...stock, ...leads] as Array<Record<string, unknown>>;
