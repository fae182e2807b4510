import sync from './admin/sync';
import credentials from './admin/credentials';
import dealerships from './admin/dealerships';
import leads from './admin/leads';
import stock from './admin/stock';
import history from './admin/history';
import monitoring from './admin/monitoring';
import setup from './admin/setup';
import reconciliation from './admin/reconciliation';
import conflicts from './admin/conflicts';
import support from './admin/support';

export default [...sync, ...credentials, ...dealerships, ...stock, ...leads, ...history, ...monitoring, ...setup, ...reconciliation, ...conflicts, ...support] as Array<Record<string, unknown>>;
