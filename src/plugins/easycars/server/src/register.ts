import type { Core } from '@strapi/strapi';
import { getService } from './utils/plugin';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Fail fast: a missing (in production) or malformed encryption key stops Strapi here,
  // with a message saying how to make one, instead of failing at the first credential save.
  getService(strapi, 'cipher').get();
  getService(strapi, 'leadSync').registerMiddleware();
};

export default register;
