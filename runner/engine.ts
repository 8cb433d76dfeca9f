/** The Inngest server under test: found, started, restarted and stopped here, and nowhere else. */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

/** Environment variable naming an `inngest` binary to use. */
export const BIN_ENV = 'INNGEST_BIN';
/** Environment variable giving the URL of a server that is already running. */
export const URL_ENV = 'INNGEST_SERVER_URL';

/** How to get a server, printed when none is found. */
export const HOW_TO_GET_A_SERVER = [
  'No Inngest server binary was found, so no probe can run (the probes never use a fake server).',
  'Get the real server in one of these ways, then run `npm run probes` again:',
  '  1. npm install --no-save inngest-cli   (its install step downloads the `inngest` binary into node_modules)',
  '  2. put an `inngest` binary on PATH, or name it: INNGEST_BIN=/path/to/inngest npm run probes',
  '     (released binaries: https://github.com/inngest/inngest/releases; or build ./cmd of that repository with Go)',
  '  3. use a server that is already running: npm run probes -- --server-url http://127.0.0.1:8288',
].join('\n');

/** Where the binary was found, for the error message and the provenance. */
export interface FoundBinary {
  path: string;
  via: 'env' | 'path' | 'inngest-cli';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds an `inngest` binary: `$INNGEST_BIN`, then `PATH`, then the `inngest-cli` npm package. */
export function findBinary(env: NodeJS.ProcessEnv = process.env, projectRoot = process.cwd()): FoundBinary | null {
  const named = env[BIN_ENV];
  if (named) {
    if (!isExecutable(named)) throw new Error(`${BIN_ENV}=${named} is not an executable file`);
    return { path: resolve(named), via: 'env' };
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.includes('node_modules')) continue; // npm puts project bins on PATH; they are checked below
    const candidate = join(dir, 'inngest');
    if (isExecutable(candidate)) return { path: candidate, via: 'path' };
  }
  const fromPackage = join(projectRoot, 'node_modules', 'inngest-cli', 'bin', 'inngest');
  if (existsSync(fromPackage) && isExecutable(fromPackage) && reportsVersion(fromPackage)) {
    return { path: fromPackage, via: 'inngest-cli' };
  }
  return null;
}

function reportsVersion(path: string): boolean {
  try {
    return binaryVersion(path).length > 0;
  } catch {
    return false;
  }
}

/** The version a binary reports (`inngest version`). */
export function binaryVersion(path: string): string {
  return execFileSync(path, ['version'], { encoding: 'utf8', timeout: 10_000 }).trim();
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

/** Waits until `url` answers 2xx, or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready at ${url} within ${timeoutMs} ms (last: ${lastError})`);
}

/** A running Inngest server, as the probes see it. */
export interface Engine {
  url: string;
  kind: 'dev' | 'self-hosted';
  source: 'started' | 'external';
  version: string;
  flags: string[];
  persistent: boolean;
  stateStore: string;
  /** Restarts the server on the same ports and data directory; throws for an external server. */
  restart(options?: { persist?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/** Connects to a server that is already running; it cannot be restarted by probes. */
export async function connectEngine(url: string): Promise<Engine> {
  const base = url.replace(/\/$/, '');
  await waitForHttp(`${base}/health`, 5_000, 'The Inngest server');
  const info = (await (await fetch(`${base}/dev`)).json()) as { version?: string };
  return {
    url: base,
    kind: 'dev',
    source: 'external',
    version: info.version ?? 'unknown',
    flags: [],
    persistent: false,
    stateStore: 'unknown: an external server, configured outside the runner',
    async restart() {
      throw new Error('This probe restarts the server, which the runner cannot do to an external server');
    },
    async stop() {},
  };
}

/**
 * Starts `inngest dev` from a binary on free loopback ports, in a private data directory.
 * `logFile` receives the server's own output, for diagnosing a failed probe.
 */
export async function startEngine(bin: FoundBinary, logFile: string, persist = false): Promise<Engine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inngest-probe-server-'));
  const ports = { api: await freePort(), gateway: await freePort(), gatewayGrpc: await freePort(), executorGrpc: await freePort() };
  const baseFlags = [
    '--host', '127.0.0.1',
    '--port', String(ports.api),
    '--connect-gateway-port', String(ports.gateway),
    '--connect-gateway-grpc-port', String(ports.gatewayGrpc),
    '--connect-executor-grpc-port', String(ports.executorGrpc),
    '--no-discovery',
    '--no-poll',
  ];
  const log = createWriteStream(logFile, { flags: 'a' });
  const url = `http://127.0.0.1:${ports.api}`;
  let child: ChildProcess | null = null;
  let persistent = persist;

  const launch = async () => {
    const flags = [...baseFlags, ...(persistent ? ['--persist'] : [])];
    log.write(`\n--- starting: inngest dev ${flags.join(' ')} (cwd ${dataDir})\n`);
    child = spawn(bin.path, ['dev', ...flags], { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DO_NOT_TRACK: '1' } });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const exited = new Promise<never>((_, reject) =>
      child?.once('exit', (code) => reject(new Error(`inngest dev exited with code ${code}; see ${logFile}`))),
    );
    await Promise.race([waitForHttp(`${url}/health`, READY_TIMEOUT_MS, 'The Inngest dev server'), exited]);
    exited.catch(() => {}); // later exits are expected (restarts) and handled by `halt`
  };
  const halt = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise((r) => running.once('exit', r));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  };

  await launch();
  const version = binaryVersion(bin.path);
  const engine: Engine = {
    url,
    kind: 'dev',
    source: 'started',
    version,
    get flags() {
      // Port numbers change every run; the record keeps the flags and says the ports were free ones.
      return ['dev', ...baseFlags, ...(persistent ? ['--persist'] : [])].map((f) => (/^\d+$/.test(f) ? '<free port>' : f));
    },
    get persistent() {
      return persistent;
    },
    get stateStore() {
      return persistent
        ? 'dev server with --persist: in-memory Redis snapshotted to, and SQLite in, a private data directory'
        : 'dev server defaults: in-memory Redis and SQLite, lost when the server stops';
    },
    async restart(options) {
      await halt();
      if (options?.persist !== undefined) persistent = options.persist;
      await launch();
    },
    async stop() {
      await halt();
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return engine;
}
