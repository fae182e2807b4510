/** What the UI needs from a failed admin API call (useFetchClient throws a FetchError). */
export interface ApiError {
  status: number | null;
  message: string;
  /** Server validation messages by field name. */
  fieldErrors: Record<string, string>;
}

export function toApiError(err: unknown): ApiError {
  const e = err as { status?: number; response?: { status?: number; data?: any }; message?: string };
  const body = e?.response?.data?.error;
  const status = e?.status ?? e?.response?.status ?? body?.status ?? null;
  const fieldErrors: Record<string, string> = {};
  for (const item of body?.details?.errors ?? []) {
    const key = Array.isArray(item.path) && item.path.length ? String(item.path[0]) : '';
    if (key && !fieldErrors[key]) fieldErrors[key] = String(item.message);
  }
  return { status, message: String(body?.message ?? e?.message ?? 'Request failed'), fieldErrors };
}
