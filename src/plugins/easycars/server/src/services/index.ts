import cipher from './cipher';
import credentials from './credentials';
import keyRotation from './key-rotation';
import access from './access';
import audit from './audit';

export const services = {
  cipher,
  credentials,
  keyRotation,
  access,
  audit,
};

export type Services = typeof services;

export default services;
