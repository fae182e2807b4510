/** Who the site's admins ask for help (GET /easycars/support): the operator's plugin config `support`. */
import type { SupportInfo } from '../../../shared/support';
import { PLUGIN_ID } from '../pluginId';

export type { SupportInfo } from '../../../shared/support';

export function supportApi(client: { get: (url: string) => Promise<{ data: any }> }) {
  return {
    async get(): Promise<SupportInfo> {
      return (await client.get(`/${PLUGIN_ID}/support`)).data.data;
    },
  };
}
