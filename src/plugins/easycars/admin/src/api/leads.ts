/** Types and calls behind the Leads page, the lead list column and the lead edit-view panel (/easycars/leads/*). */
import { PLUGIN_ID } from '../pluginId';

export const leadsUrl = (path: string) => `/${PLUGIN_ID}${path}`;


export type LeadStatusName = 'new' | 'in_progress' | 'won' | 'lost' | 'deleted';
export type PushState = 'pending' | 'pushed' | 'failed' | 'review' | 'not_applicable';
export type LeadRunStatus = 'queued' | 'running' | 'success' | 'warning' | 'partial' | 'failed' | 'interrupted' | 'cancelled';

export interface LeadRun {
  id: number;
  trigger: 'schedule' | 'manual' | 'retry' | 'event';
  triggeredByName: string | null;
  status: LeadRunStatus;
  phase: string | null;
  progressDone: number | null;
  progressTotal: number | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  errorMessage: string | null;
  fetched: number | null;
  updated: number | null;
  unchanged: number | null;
  failed: number | null;
  items?: Array<{ ref: string; outcome: string; message?: string }> | null;
  warnings?: Array<{ ref: string; field?: string; message: string }> | null;
  /** Lead runs: known leads not refreshed this run (bounded refresh) and why. */
  responseSummary?: { notDue?: { deleted: number; closed: number }; closedDays?: number } | null;
}

export interface LeadsOverview {
  credential: {
    configured: boolean;
    isActive?: boolean;
    leadSyncEnabled?: boolean;
    leadConflictStrategy?: 'manual' | 'local_wins' | 'easycars_wins';
    leadSchedule?: string;
  };
  counts: { known?: number; pending?: number; failed?: number; review?: number; openConflicts?: number; [key: string]: number | undefined };
  lastRun: LeadRun | null;
  activeRun: LeadRun | null;
  /** The next scheduled lead sync, null when none is scheduled. */
  nextRunAt?: string | null;
}

export interface LeadPush {
  id: number;
  leadDocumentId: string | null;
  customerName: string | null;
  /** true: the admin cannot read this lead in the content manager, so the name is masked. */
  personalDataHidden?: boolean;
  vehicle: string | null;
  pushState: 'pending' | 'failed' | 'review';
  pushError: string | null;
  pushAttempts: number;
  leadNumber: string | null;
  updatedAt: string | null;
}

export interface LeadConflictItem {
  id: number;
  leadDocumentId: string | null;
  leadNumber: string | null;
  /** 'status' (values are status names) or a synced lead field (values as text). */
  field: string;
  baseValue: string | null;
  localValue: string | null;
  remoteValue: string | null;
  state: 'open' | 'resolved';
  createdAt: string;
}

export interface LeadPanelData {
  dealership?: string | null;
  badge: 'sent' | 'sending' | 'not_sent' | 'failed' | 'review';
  leadNumber: string | null;
  customerNo: string | null;
  pushState: PushState | null;
  pushError: string | null;
  lastPushedAt: string | null;
  lastPulledAt: string | null;
  syncedStatus: LeadStatusName | null;
  easycarsStatus: LeadStatusName | null;
  conflict: { field?: string; localValue: string | null; remoteValue: string | null } | null;
  conflicts?: Array<{ field: string; localValue: string | null; remoteValue: string | null }>;
  origin?: 'here' | 'easycars' | null;
  /** Local fields EasyCars did not take: kept here, not sent again until changed. */
  notAccepted?: string[];
}

export interface LeadsClient {
  get: (url: string, config?: any) => Promise<{ data: any }>;
  post: (url: string, body?: unknown) => Promise<{ data: any }>;
  put: (url: string, body?: unknown) => Promise<{ data: any }>;
}

export interface ImportedLead {
  leadNumber: string;
  leadDocumentId: string;
  outcome: 'created' | 'linked';
}

/** The lead admin API of one dealership's pages; each call answers the payload or throws the fetch client's error. */
export function leadsApi(client: LeadsClient) {
  const list = async (path: string, dealership: string, params: Record<string, string | number> = {}) =>
    (await client.get(leadsUrl(path), { params: { ...params, dealership } })).data;
  return {
    overview: async (dealership: string): Promise<LeadsOverview> => (await list('/leads/overview', dealership)).data,
    conflicts: async (dealership: string): Promise<LeadConflictItem[]> => (await list('/leads/conflicts', dealership, { state: 'open' })).data,
    pushes: async (dealership: string): Promise<LeadPush[]> => (await list('/leads/pushes', dealership)).data,
    /** The last 10 lead runs (the sync-log list answers { results, pagination }). */
    runs: async (dealership: string): Promise<LeadRun[]> => (await list('/sync-logs', dealership, { type: 'leads', pageSize: 10 })).results ?? [],
    /** What the edit-view panel shows about one host lead. */
    panel: async (documentId: string): Promise<LeadPanelData> => (await client.get(leadsUrl(`/leads/status/${documentId}`))).data.data,
    syncNow: async (dealership: string) => (await client.post(leadsUrl('/sync/leads'), { dealership })).data,
    /** confirmResend: the admin confirmed a lead in review is not in EasyCars (the server refuses a review resend without it). */
    retryPush: async (dealership: string, id: number, confirmResend = false) =>
      (await client.post(leadsUrl(`/leads/pushes/${id}/retry`), confirmResend ? { dealership, confirmResend: true } : { dealership })).data,
    resolveConflict: async (dealership: string, id: number, choice: 'local' | 'easycars') =>
      (await client.post(leadsUrl(`/leads/conflicts/${id}/resolve`), { dealership, choice })).data,
    importLead: async (dealership: string, leadNumber: string): Promise<ImportedLead> =>
      (await client.post(leadsUrl('/leads/import'), { dealership, leadNumber })).data.data,
    setStrategy: async (dealership: string, leadConflictStrategy: string) =>
      (await client.put(leadsUrl('/leads/settings'), { dealership, leadConflictStrategy })).data,
  };
}
