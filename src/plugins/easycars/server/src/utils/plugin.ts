import type { Core, UID } from '@strapi/strapi';
import type { Services } from '../services';

export const PLUGIN_ID = 'easycars';

export type PluginContentType =
  | 'credential'
  | 'stock-record'
  | 'lead-record'
  | 'sync-log'
  | 'audit-entry'
  | 'image-asset'
  | 'lead-conflict'
  | 'rate-limit'
  | 'sync-item'
  | 'metric-rollup'
  | 'alert'
  | 'instance'
  | 'lock'
  | 'reconciliation-finding'
  | 'reconciliation-ignore'
  | 'vehicle-conflict';

export const pluginUid = <T extends PluginContentType>(name: T) => `plugin::${PLUGIN_ID}.${name}` as UID.ContentType;

/** Typed access to this plugin's services. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ReturnType<Services[K]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[K]>;
}

export function getConfig<T = unknown>(strapi: Core.Strapi, key: string): T {
  return strapi.plugin(PLUGIN_ID).config(key) as T;
}
