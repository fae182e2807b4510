import sync from './sync';
import credentials from './credentials';
import dealerships from './dealerships';
import leads from './leads';
import stock from './stock';
import history from './history';
import dashboard from './dashboard';
import monitoring from './monitoring';
import alerts from './alerts';
import audit from './audit';
import setup from './setup';
import reconciliation from './reconciliation';
import conflicts from './conflicts';
import support from './support';

export default {
  sync,
  credentials,
  dealerships,
  leads,
  stock,
  history,
  dashboard,
  monitoring,
  alerts,
  audit,
  setup,
  reconciliation,
  conflicts,
  support,
};
