import { maskName, maskValue } from './personal-data';
import type { conflictView, pushView } from './views';

type PushView = ReturnType<typeof pushView>;
type ConflictView = ReturnType<typeof conflictView>;

/** Lead fields whose values say nothing about the customer (a status conflict shows them as is). */
const NON_PERSONAL_FIELDS = new Set(['status']);

/** The push row as an admin who cannot read its lead sees it. */
export function maskPush(view: PushView, readable: Set<string>): Omit<PushView, 'customerName'> & { customerName: string | null; personalDataHidden: boolean } {
  if (view.leadDocumentId && readable.has(view.leadDocumentId)) return { ...view, personalDataHidden: false };
  return { ...view, customerName: maskName(view.customerName), personalDataHidden: true };
}

/** A conflict on a customer field (name, email, phone …) shows masked values unless the lead is readable. */
export function maskConflict(view: ConflictView, readable: Set<string>): ConflictView & { personalDataHidden: boolean } {
  if (NON_PERSONAL_FIELDS.has(view.field) || (view.leadDocumentId && readable.has(view.leadDocumentId))) {
    return { ...view, personalDataHidden: false };
  }
  return {
    ...view,
    baseValue: maskValue(view.baseValue),
    localValue: maskValue(view.localValue),
    remoteValue: maskValue(view.remoteValue),
    personalDataHidden: true,
  };
}
