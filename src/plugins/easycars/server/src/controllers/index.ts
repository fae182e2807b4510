import sync from './sync';
import credentials from './credentials';
import dealerships from './dealerships';
import leads from './leads';
import stock from './stock';
import history from './history';

export default {
  sync,
  credentials,
  dealerships,
  leads,
  stock,
  history,
};
