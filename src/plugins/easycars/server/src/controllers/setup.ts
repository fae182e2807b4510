import type { Core } from '@strapi/strapi';
import { getService } from '../utils/plugin';

/** The setup check (Super Admins) and the configured content types (any EasyCars user: the content-manager panels). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /easycars/setup */
  async report(ctx: any) {
    ctx.body = { data: getService(strapi, 'setup').report() };
  },
  /** GET /easycars/setup/content-types */
  async contentTypes(ctx: any) {
    ctx.body = { data: getService(strapi, 'setup').contentTypes() };
  },
});
