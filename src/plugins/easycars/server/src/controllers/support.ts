import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config/schema';
import type { SupportInfo } from '../../../shared/support';
import { getConfig } from '../utils/plugin';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /easycars/support */
  async find(ctx: any) {
    const support = getConfig<PluginConfig['support'] | undefined>(strapi, 'support');
    const data: SupportInfo = { contact: support?.contact ?? null, url: support?.url ?? null };
    ctx.body = { data };
  },
});
