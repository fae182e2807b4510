import sync from './sync';
import credentials from './credentials';
import dealerships from './dealerships';

export default {
  sync,
  credentials,
  dealerships,
};
