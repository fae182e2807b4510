/** The EasyCars link of one vehicle (GET /easycars/vehicles/:documentId/easycars) for its edit-view panel. */
import type { VehicleLink } from '../content-manager/vehicle-links';
import { PLUGIN_ID } from '../pluginId';

export interface VehiclesClient {
  get: (url: string) => Promise<{ data: any }>;
}

const statusOf = (e: unknown) => (e as { status?: number; response?: { status?: number } })?.status ?? (e as { response?: { status?: number } })?.response?.status;

export function vehiclesApi(client: VehiclesClient) {
  return {
    /** null: EasyCars does not know the vehicle (entered by hand; the API answers 404). */
    async link(documentId: string): Promise<VehicleLink | null> {
      try {
        return (await client.get(`/${PLUGIN_ID}/vehicles/${documentId}/easycars`)).data.data;
      } catch (e) {
        if (statusOf(e) === 404) return null;
        throw e;
      }
    },
  };
}
