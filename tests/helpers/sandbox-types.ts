/** The sandbox, re-exported for test helpers (one import path). */
export { startSandbox, SANDBOX_CREDENTIALS } from '../../sandbox/src';
export type { RunningSandbox as RunningSandboxLike } from '../../sandbox/src';
