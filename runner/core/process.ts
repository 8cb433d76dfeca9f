/**
 * Child processes and loopback ports, for every engine: free ports, readiness waits, launching a process with its
 * output in a log, halting it, and killing everything the runner started when a run is interrupted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** Whether `path` is a file this process may execute. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` in a directory of PATH that `accept` allows; null when there is none. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, accept: (dir: string) => boolean = () => true): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && accept(dir) && isExecutable(candidate)) return candidate;
  }
  return null;
}

/** Asks the OS for a free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** Waits until `url` answers 2xx (or, with `anyStatus`, answers at all), or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, what: string, anyStatus = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok || anyStatus) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready at ${url} within ${timeoutMs} ms (last: ${lastError})`);
}

/** Every child process alive that the runner started (engines, stores, workers), so an interruption kills them all. */
const live = new Set<ChildProcess>();

/** Tracks a child process until it exits, so `killAllChildren` reaches it. */
export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills every child process still running (used on interruption and on a crash of the runner). */
export function killAllChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/**
 * A child process with its output appended to a log, tracked so an interrupted run can kill it; `as` runs it as
 * another user (PostgreSQL refuses to run as root).
 */
export function launch(command: string, args: string[], cwd: string, log: WriteStream, env: Record<string, string> = {}, as?: { uid: number; gid: number }): ChildProcess {
  log.write(`\n--- starting: ${command} ${args.join(' ')} (cwd ${cwd}) ${JSON.stringify(env)}\n`);
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DO_NOT_TRACK: '1', ...env }, ...as });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return track(child);
}

/** Whether a child process is still running. */
export function alive(child: ChildProcess | null): child is ChildProcess {
  return child !== null && child.exitCode === null && child.signalCode === null;
}

/** What a child process's log file holds so far; empty when it does not exist yet. */
export function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Stops a child process with SIGTERM (or `signal`), then SIGKILL after 10 s, and waits until it has gone. */
export async function halt(child: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!alive(child)) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/**
 * `fetch`, with a failure that names the request and its cause: Node's own "fetch failed" says neither, which
 * leaves a reader of an errored trial guessing which call broke and how.
 */
export async function request(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause ? `${cause.code ?? ''} ${cause.message ?? ''}`.trim() : (e as Error).message;
    throw new Error(`${init.method ?? 'GET'} ${url} failed: ${why}`, { cause: e });
  }
}
