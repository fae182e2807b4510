/**
 * Finding the EasyCars customer of a lead that has a phone number but no email. SearchContacts
 * matches Phone exactly, and EasyCars holds numbers as people typed them ("0400 111 222",
 * "+61400111222"...), so the number is searched in each form it may be stored in, and a contact
 * is reused only when exactly one matches and its name is the lead's name too. Pure: no I/O.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Contact } from '../client';

/** A number's identity: E.164 ("+61400111222") when it parses as Australian, else its digits. */
export function phoneKey(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  const parsed = parsePhoneNumberFromString(s, 'AU');
  if (parsed?.isPossible()) return parsed.number;
  const digits = s.replace(/\D/g, '');
  return digits === '' ? null : digits;
}

/** The forms an Australian number may be stored in, for exact-match searches (the typed form first). */
export function phoneSearchForms(raw: string): string[] {
  const typed = raw.trim();
  const parsed = parsePhoneNumberFromString(typed, 'AU');
  if (!parsed?.isPossible()) return typed ? [typed] : [];
  const national = parsed.formatNational(); // "0400 111 222", "(02) 9876 5432"
  const forms = [
    typed,
    national,
    national.replace(/[()]/g, ''), // "02 9876 5432"
    `0${parsed.nationalNumber}`, // "0400111222"
    parsed.number, // "+61400111222"
    parsed.formatInternational(), // "+61 400 111 222"
  ];
  return [...new Set(forms.map((f) => f.trim()).filter(Boolean))];
}

/** Case- and space-insensitive name ("  Ava  BROWN" = "ava brown"). */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

export type PhoneMatch =
  | { kind: 'match'; customerNo: string }
  | { kind: 'none' }
  | { kind: 'several'; count: number }
  | { kind: 'name_differs' };

/** Decides from every contact the searches returned (duplicates allowed). */
export function matchByPhone(contacts: Contact[], phone: string, name: string | null): PhoneMatch {
  const key = phoneKey(phone);
  const byNumber = new Map<string, Contact>();
  for (const c of contacts) {
    if (!c.CustomerNo || !key) continue;
    if (phoneKey(c.Phone) === key || phoneKey(c.Mobile) === key) byNumber.set(c.CustomerNo, c);
  }
  const found = [...byNumber.values()];
  if (found.length === 0) return { kind: 'none' };
  if (found.length > 1) return { kind: 'several', count: found.length };
  const [only] = found as [Contact];
  return sameName(only.Name, name) ? { kind: 'match', customerNo: only.CustomerNo as string } : { kind: 'name_differs' };
}

const NEEDS_EMAIL = 'Needs an email address: EasyCars makes a new customer only from a name and an email';
const ADD_EMAIL = "Add the customer's email to the lead and save it to send it.";

/** Why a phone-only lead waits, for its push error (never names the other contacts). */
export function needsEmailReason(match: Exclude<PhoneMatch, { kind: 'match' }> | { kind: 'search_failed'; message: string }): string {
  switch (match.kind) {
    case 'none':
      return `${NEEDS_EMAIL}, and no EasyCars contact has this lead's phone number. ${ADD_EMAIL}`;
    case 'several':
      return `${NEEDS_EMAIL}, and ${match.count} EasyCars contacts share this lead's phone number, so it is not attached to any of them. ${ADD_EMAIL}`;
    case 'name_differs':
      return `${NEEDS_EMAIL}, and the EasyCars contact with this lead's phone number has a different name, so it is not attached to them. ${ADD_EMAIL}`;
    case 'search_failed':
      return `${NEEDS_EMAIL}, and EasyCars contacts could not be searched by phone (${match.message}). ${ADD_EMAIL}`;
  }
}
