/** The setup check (GET /easycars/setup) and the configured content types (GET /easycars/setup/content-types). */
import type { HostContentTypesView, SetupReport } from '../../../shared/setup';
import { PLUGIN_ID } from '../pluginId';

export type { ContentTypeCheck, FieldCheck, HostContentTypesView, SetupProblem, SetupReport } from '../../../shared/setup';

export function setupApi(client: { get: (url: string) => Promise<{ data: any }> }) {
  return {
    async report(): Promise<SetupReport> {
      return (await client.get(`/${PLUGIN_ID}/setup`)).data.data;
    },
    async contentTypes(): Promise<HostContentTypesView> {
      return (await client.get(`/${PLUGIN_ID}/setup/content-types`)).data.data;
    },
  };
}

/** The content-manager edit view of a lead, in the host's own lead type. */
export const entryEditPath = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;
