import { useQueryFetchClient } from './fetch-client';
import { useQuery } from 'react-query';
import { loadVehicleLink } from '../content-manager/vehicle-links';
import { queryKeys } from './query-keys';
import { NO_RETRY } from './query-options';
import { vehiclesApi } from './vehicles';

/** The list-view column of one vehicle; the cells of a render are asked for in one request (vehicle-links). */
export function useVehicleColumnLink(documentId: string) {
  const { post } = useQueryFetchClient();
  return useQuery(queryKeys.vehicle.column(documentId), () => loadVehicleLink(documentId, post), NO_RETRY);
}

/** The edit-view panel of a vehicle; a vehicle not saved yet has no link and no request. */
export function useVehicleLink(documentId: string | undefined) {
  const api = vehiclesApi(useQueryFetchClient());
  return useQuery(queryKeys.vehicle.panel(documentId ?? ''), () => api.link(documentId!), { ...NO_RETRY, enabled: Boolean(documentId) });
}
