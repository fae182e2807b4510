import sync from './sync';
import credentials from './credentials';
import dealerships from './dealerships';
import leads from './leads';
import stock from './stock';

export default {
  sync,
  credentials,
  dealerships,
  leads,
  stock,
};
