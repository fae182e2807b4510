/** Types and calls behind the Leads page, the lead list column and the lead edit-view panel (/easycars/leads/*). */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';

export const leadsUrl = (path: string) => `/${PLUGIN_ID}${path}`;

/** Content-manager edit view of a host lead (the plugin's contentTypes.lead default). */
export const leadEditPath = (documentId: string) => `/content-manager/collection-types/api::lead.lead/${documentId}`;

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

export interface LeadsQuery<T> {
  data: T | null;
  /** The last request failed (data keeps the previous answer, if any). */
  error: unknown;
  /** No answer yet (first load). */
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * GETs an admin endpoint for the selected dealership and keeps it fresh.
 * `pick` extracts the payload (most routes answer { data }, the sync-log list { results, pagination }).
 */
export function useLeadsQuery<T>(
  path: string,
  dealership: string | undefined,
  options: { params?: Record<string, string | number>; pollMs?: number; pick?: (body: any) => T } = {},
): LeadsQuery<T> {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const { pollMs } = options;
  const paramsKey = JSON.stringify(options.params ?? {});
  const pick = useRef(options.pick);
  pick.current = options.pick;
  const load = useCallback(async () => {
    if (!dealership) return;
    try {
      const res = await get<any>(leadsUrl(path), { params: { ...JSON.parse(paramsKey), dealership } });
      setData(pick.current ? pick.current(res.data) : res.data.data);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [get, path, paramsKey, dealership]);
  useEffect(() => {
    setData(null);
    setLoading(true);
  }, [path, paramsKey, dealership]);
  useEffect(() => {
    void load();
    if (!pollMs) return undefined;
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [load, pollMs]);
  return { data, error, loading, reload: load };
}

/** The actions of the Leads page; each answers the server's JSON or throws the fetch client's error. */
export function useLeadsActions(dealership: string) {
  const { post, put } = useFetchClient();
  return {
    syncNow: () => post(leadsUrl('/sync/leads'), { dealership }),
    /** confirmResend: the admin confirmed a lead in review is not in EasyCars (the server refuses a review resend without it). */
    retryPush: (id: number, confirmResend = false) => post(leadsUrl(`/leads/pushes/${id}/retry`), confirmResend ? { dealership, confirmResend: true } : { dealership }),
    resolveConflict: (id: number, choice: 'local' | 'easycars') => post(leadsUrl(`/leads/conflicts/${id}/resolve`), { dealership, choice }),
    importLead: (leadNumber: string) => post<{ data: { leadNumber: string; leadDocumentId: string; outcome: 'created' | 'linked' } }>(leadsUrl('/leads/import'), { dealership, leadNumber }),
    setStrategy: (leadConflictStrategy: string) => put(leadsUrl('/leads/settings'), { dealership, leadConflictStrategy }),
  };
}
