import type { Core } from '@strapi/strapi';
import type { HostContentTypesView, HostRole, SetupReport } from '../../../shared/setup';
import { hostConfig } from '../host/config';
import { blockingSetupMessage, checkHostSetup, type HostSchema } from '../host/setup-check';

/** The host app as the plugin is configured to use it: the setup check, and the content types the admin needs. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const schemaOf = (uid: string): HostSchema | undefined => {
    const ct = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as { info?: { displayName?: string }; attributes?: HostSchema['attributes'] } | undefined;
    return ct?.attributes ? { displayName: ct.info?.displayName ?? null, attributes: ct.attributes } : undefined;
  };

  const service = {
    report(): SetupReport {
      return checkHostSetup(hostConfig(strapi), schemaOf);
    },

    contentTypes(): HostContentTypesView {
      return { ...hostConfig(strapi).types };
    },

    /**
     * At start-up: stops Strapi when the plugin cannot work with the host's types (a missing type or
     * dealership relation), logs each field that will not sync, and tags the configured types in
     * memory (`pluginOptions.easycars.role`) so the content manager's list hook finds them.
     */
    checkAtStartup() {
      const report = service.report();
      const blocking = blockingSetupMessage(report);
      if (blocking) throw new Error(blocking);
      for (const p of report.problems) strapi.log.warn(`[easycars] setup: ${p.message}`);
      for (const check of report.contentTypes) {
        const ct = strapi.contentTypes[check.uid as keyof typeof strapi.contentTypes] as { pluginOptions?: Record<string, unknown> };
        ct.pluginOptions = { ...(ct.pluginOptions ?? {}), easycars: { role: check.role satisfies HostRole } };
      }
    },
  };
  return service;
};
