/** Calls behind the conflict inbox, the Local edits settings and the vehicle panel's pins. */
import type { ConflictChoice, InboxPage, ResolveResult, StockEditSettings, FieldStrategy } from '../../../shared/conflicts';
import { PLUGIN_ID } from '../pluginId';

export type { ConflictChoice, ConflictKind, FieldStrategy, InboxConflict, InboxPage, ResolveResult, StockEditSettings } from '../../../shared/conflicts';
export { FIELD_STRATEGIES } from '../../../shared/conflicts';

interface Client {
  get: (url: string, config?: any) => Promise<{ data: any }>;
  post: (url: string, body?: unknown) => Promise<{ data: any }>;
  put: (url: string, body?: unknown) => Promise<{ data: any }>;
}

export function conflictsApi(client: Client) {
  const url = (path: string) => `/${PLUGIN_ID}${path}`;
  return {
    async inbox(dealership: string, filter: { kind?: 'vehicle' | 'lead'; state: 'open' | 'resolved' }, page: number): Promise<InboxPage> {
      return (await client.get(url('/conflicts'), { params: { dealership, ...(filter.kind ? { kind: filter.kind } : {}), state: filter.state, page } })).data.data;
    },
    async resolve(dealership: string, choices: ConflictChoice[]): Promise<ResolveResult> {
      return (await client.post(url('/conflicts/resolve'), { dealership, choices })).data.data;
    },
    /** Queues the bulk resolution (a job): its run id; its progress comes with the inbox (`active`). */
    async resolveAll(dealership: string, kind: 'vehicle' | 'lead' | undefined, use: 'local' | 'easycars'): Promise<{ syncLogId: number }> {
      return (await client.post(url('/conflicts/resolve-all'), { dealership, ...(kind ? { kind } : {}), use })).data.data;
    },
    async settings(dealership: string): Promise<StockEditSettings> {
      return (await client.get(url('/stock/settings'), { params: { dealership } })).data.data;
    },
    async saveSettings(dealership: string, value: { stockConflictStrategy: FieldStrategy; stockFieldStrategies: Record<string, FieldStrategy> }): Promise<StockEditSettings> {
      return (await client.put(url('/stock/settings'), { dealership, ...value })).data.data;
    },
    async pin(vehicleDocumentId: string, field: string, pinned: boolean): Promise<{ pinnedFields: string[] }> {
      return (await client.put(url(`/vehicles/${vehicleDocumentId}/pins`), { field, pinned })).data.data;
    },
  };
}
