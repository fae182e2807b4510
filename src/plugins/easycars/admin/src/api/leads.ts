import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';

export const leadsUrl = (path: string) => `/${PLUGIN_ID}${path}`;

/** GET an admin endpoint for the selected dealership and keep it fresh (poll while asked). */
export function useLeadsQuery<T>(path: string, dealership: string | undefined, pollMs?: number) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    if (!dealership) return;
    try {
      const res = await get<{ data: T }>(leadsUrl(path), { params: { dealership } });
      setData(res.data.data);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [get, path, dealership]);
  useEffect(() => {
    void load();
    if (!pollMs) return undefined;
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [load, pollMs]);
  return { data, error, reload: load };
}

export interface LeadsOverview {
  credential: { configured: boolean; isActive?: boolean; leadSyncEnabled?: boolean; leadConflictStrategy?: string; leadSchedule?: string };
  counts: Record<string, number>;
  lastRun: any | null;
  activeRun: any | null;
}

export interface LeadPush {
  id: number;
  leadDocumentId: string | null;
  customerName: string | null;
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
  baseValue: string | null;
  localValue: string | null;
  remoteValue: string | null;
  state: 'open' | 'resolved';
  createdAt: string;
}
