import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks writes the lead sync itself makes to local leads (applying an EasyCars change,
 * importing a lead), so the Document Service middleware does not echo them back as a push.
 */
const storage = new AsyncLocalStorage<{ syncWrite: true }>();

export const runAsSyncWrite = <T>(fn: () => Promise<T>): Promise<T> => storage.run({ syncWrite: true }, fn);

export const isSyncWrite = (): boolean => storage.getStore()?.syncWrite === true;
