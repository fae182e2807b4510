import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';

/** A real Strapi (real sync handlers and lead pushes) in its own process: see real-strapi-instance.js. */
export interface StrapiProcess {
  readonly name: string;
  readonly instanceId: string;
  readonly pid: number;
  /** Paths of the HTTP requests this process has started (its calls to EasyCars), in order. */
  readonly outgoing: string[];
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  alive(): boolean;
  /** SIGKILL: no shutdown, no clean-up, as a crashed host or an OOM kill. */
  kill(): Promise<void>;
  /** A clean stop (strapi.destroy), if still running. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Forks a Strapi instance on the environment given (the parent's database, sandbox URLs…) and waits until it is up. */
export async function startStrapiProcess(name: string, env: Record<string, string | undefined>): Promise<StrapiProcess> {
  // execArgv []: a parent run by tsx (the benchmarks) would pass its loader on, and Strapi's compiled app needs none.
  // EASYCARS_INSTANCE_CPU_PROF_DIR (benchmarks): each instance writes a V8 CPU profile there when it stops.
  const profileDir = process.env.EASYCARS_INSTANCE_CPU_PROF_DIR;
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=500'] : [];
  const child = fork(path.join(__dirname, 'real-strapi-instance.js'), [], { env: env as NodeJS.ProcessEnv, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const outgoing: string[] = [];
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  child.on('message', (m: any) => {
    if (typeof m?.outgoing === 'string') outgoing.push(m.outgoing);
    const waiter = m?.id ? pending.get(m.id) : undefined;
    if (!waiter) return;
    pending.delete(m.id);
    if ('error' in m) waiter.reject(new Error(`${name}: ${m.error}`));
    else waiter.resolve(m.result);
  });
  child.once('exit', (code, signal) => {
    for (const w of pending.values()) w.reject(new Error(`${name} exited (${signal ?? code}) before answering`));
    pending.clear();
  });
  const ready = await new Promise<{ instanceId: string; pid: number }>((resolve, reject) => {
    const onMessage = (m: any) => {
      if (!m?.ready) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} while starting`)));
  });
  return {
    name,
    instanceId: ready.instanceId,
    pid: ready.pid,
    outgoing,
    call(cmd, args = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, cmd, args });
      });
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send('stop');
      await exited(child);
    },
  };
}
