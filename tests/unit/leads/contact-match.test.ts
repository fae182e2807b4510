import type { Contact } from '../../../src/plugins/easycars/server/src/client';
import { matchByPhone, needsEmailReason, phoneKey, phoneSearchForms, sameName } from '../../../src/plugins/easycars/server/src/leads/contact-match';

const contact = (over: Partial<Contact>): Contact => ({
  CustomerNo: '00001', Name: 'Ava Brown', Email: '', Phone: null, Mobile: null, Address: null, City: null, State: null, PostCode: null, Country: null, ABN: null, extra: {},
  ...over,
});

describe('Australian phone numbers', () => {
  it.each([
    ['0400 111 222', '+61400111222'],
    ['0400111222', '+61400111222'],
    ['+61 400 111 222', '+61400111222'],
    ['+61400111222', '+61400111222'],
    ['61400111222', '+61400111222'],
    ['02 9876 5432', '+61298765432'],
    ['(02) 9876-5432', '+61298765432'],
    ['+61 2 9876 5432', '+61298765432'],
  ])('%s is %s', (raw, key) => {
    expect(phoneKey(raw)).toBe(key);
  });

  it('empty numbers have no key; text without a number is compared by its digits', () => {
    expect(phoneKey('  ')).toBeNull();
    expect(phoneKey(null)).toBeNull();
    expect(phoneKey('call me')).toBeNull();
  });

  it('searches each form EasyCars may hold, the typed one first, no duplicates', () => {
    expect(phoneSearchForms(' 0400 111 222 ')).toEqual(['0400 111 222', '0400111222', '+61400111222', '+61 400 111 222']);
    expect(phoneSearchForms('+61298765432')).toEqual(['+61298765432', '(02) 9876 5432', '02 9876 5432', '0298765432', '+61 2 9876 5432']);
    expect(phoneSearchForms('call me')).toEqual(['call me']);
  });
});

describe('reusing a contact found by phone', () => {
  it('names match case- and space-insensitively, and an empty name never matches', () => {
    expect(sameName('  Ava   BROWN ', 'ava brown')).toBe(true);
    expect(sameName('Ava Brown', 'Ava Browne')).toBe(false);
    expect(sameName('', '')).toBe(false);
    expect(sameName(null, 'Ava')).toBe(false);
  });

  it('exactly one contact with the number (in any form, found by several searches) and the same name: reused', () => {
    const c = contact({ CustomerNo: '00007', Name: 'AVA BROWN', Mobile: '+61 400 111 222' });
    expect(matchByPhone([c, c], '0400111222', 'Ava  Brown')).toEqual({ kind: 'match', customerNo: '00007' });
    expect(matchByPhone([contact({ CustomerNo: '00008', Phone: '(02) 9876 5432' })], '02 9876 5432', 'Ava Brown')).toEqual({ kind: 'match', customerNo: '00008' });
  });

  it('two contacts sharing the number: not attached to either', () => {
    const found = [contact({ CustomerNo: '00001', Mobile: '0400 111 222' }), contact({ CustomerNo: '00002', Phone: '+61400111222' })];
    expect(matchByPhone(found, '0400 111 222', 'Ava Brown')).toEqual({ kind: 'several', count: 2 });
  });

  it('one contact with a different name: not attached', () => {
    expect(matchByPhone([contact({ Name: 'Liam Walker', Mobile: '0400 111 222' })], '0400 111 222', 'Ava Brown')).toEqual({ kind: 'name_differs' });
    expect(matchByPhone([contact({ Mobile: '0400 111 222' })], '0400 111 222', null)).toEqual({ kind: 'name_differs' });
  });

  it('contacts whose numbers differ, or without a CustomerNo, do not count', () => {
    expect(matchByPhone([contact({ Mobile: '0400 111 223' }), contact({ CustomerNo: null, Mobile: '0400 111 222' })], '0400 111 222', 'Ava Brown')).toEqual({ kind: 'none' });
  });

  it('every reason says the lead needs an email address and never names another contact', () => {
    const reasons = [
      needsEmailReason({ kind: 'none' }),
      needsEmailReason({ kind: 'several', count: 2 }),
      needsEmailReason({ kind: 'name_differs' }),
      needsEmailReason({ kind: 'search_failed', message: 'EasyCars did not answer' }),
    ];
    for (const r of reasons) {
      expect(r).toMatch(/^Needs an email address: /);
      expect(r).toMatch(/Add the customer's email to the lead and save it to send it\.$/);
    }
    expect(reasons[1]).toContain('2 EasyCars contacts share this lead');
    expect(reasons[2]).toContain('has a different name');
  });
});
