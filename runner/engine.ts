/** The Inngest server under test: found, started, restarted and stopped here, and nowhere else. */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, createWriteStream, existsSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

import type { StoreUsage } from '../src/probes/harness/probe.ts';
import { redisUsage, sqliteBytes } from './stores.ts';

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
  // npm puts project bins on PATH; the inngest-cli package is checked below, and only if it really works.
  const onPath = findOnPath('inngest', env, (dir) => !dir.includes('node_modules'));
  if (onPath) return { path: onPath, via: 'path' };
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

/**
 * How the server runs. `dev`: `inngest dev` with its defaults (in-memory state). `dev-persist`: `inngest dev
 * --persist`. `self-hosted`: `inngest start` with keys, run state in an external Redis (Debian's
 * `redis-server`, started on loopback by the runner) and history in SQLite in the data directory.
 * `self-hosted-embedded-redis`: `inngest start` without `--redis-uri`, whose help promises an in-memory Redis
 * "with periodic snapshot backups".
 */
export type EngineMode = 'dev' | 'dev-persist' | 'self-hosted' | 'self-hosted-embedded-redis';

/** A running Inngest server, as the probes see it. */
export interface Engine {
  url: string;
  readonly mode: EngineMode;
  readonly kind: 'dev' | 'self-hosted';
  source: 'started' | 'external';
  version: string;
  readonly flags: string[];
  readonly stateStore: string;
  /** Key for `POST /e/{key}`; the dev server accepts any. */
  readonly eventKey: string;
  /** Signing key the server checks on its APIs and the SDK uses; none in dev mode. */
  readonly signingKey: string | undefined;
  /** Environment a worker needs to talk to this server in its current mode. */
  workerEnv(): Record<string, string>;
  /** Whether the runner can start this mode here (self-hosted needs `redis-server`). */
  supports(mode: EngineMode): boolean;
  /**
   * Restarts the server on the same ports and data directory, optionally in another mode or with extra flags
   * (e.g. `--retry-interval 1`) or environment (e.g. a feature switch); both stay until a restart names others.
   */
  restart(options?: { mode?: EngineMode; flags?: string[]; env?: Record<string, string> }): Promise<void>;
  /** What its stores hold now: the external Redis (self-hosted mode) and the SQLite files of its data directory. */
  stores(): Promise<StoreUsage>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const DEV_EVENT_KEY = 'probe';

/** Connects to a server that is already running; it cannot be restarted by probes. */
export async function connectEngine(url: string): Promise<Engine> {
  const base = url.replace(/\/$/, '');
  await waitForHttp(`${base}/health`, 5_000, 'The Inngest server');
  const info = (await (await fetch(`${base}/dev`)).json()) as { version?: string };
  return {
    url: base,
    mode: 'dev',
    kind: 'dev',
    source: 'external',
    version: info.version ?? 'unknown',
    flags: [],
    stateStore: 'unknown: an external server, configured outside the runner',
    eventKey: DEV_EVENT_KEY,
    signingKey: undefined,
    workerEnv: () => ({ INNGEST_DEV: base, INNGEST_BASE_URL: base }),
    supports: (mode) => mode === 'dev',
    async restart() {
      throw new Error('This probe restarts the server, which the runner cannot do to an external server');
    },
    async stores() {
      throw new Error('This probe looks inside the server\'s stores, which the runner cannot do for an external server');
    },
    async stop() {},
  };
}

/** The first executable `name` in a directory of PATH that `accept` allows; null when there is none. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, accept: (dir: string) => boolean = () => true): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && accept(dir) && isExecutable(candidate)) return candidate;
  }
  return null;
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
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Stops a child process with SIGTERM (or `signal`), then SIGKILL after 10 s, and waits until it has gone. */
export async function halt(child: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/** Server and Redis processes alive, so an interrupted run can kill them all. */
const live = new Set<ChildProcess>();

/** Kills every server process the runner started (used on interruption). */
export function killAllEngines(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/**
 * Starts the Inngest server from a binary on free loopback ports, in a private data directory, in `dev` mode;
 * probes may restart it in another mode. `logFile` receives the server's own output.
 */
export async function startEngine(bin: FoundBinary, logFile: string): Promise<Engine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inngest-probe-server-'));
  const ports = { api: await freePort(), gateway: await freePort(), gatewayGrpc: await freePort(), executorGrpc: await freePort() };
  const url = `http://127.0.0.1:${ports.api}`;
  const signingKey = randomBytes(32).toString('hex');
  const selfHostedEventKey = randomBytes(16).toString('hex');
  const log = createWriteStream(logFile, { flags: 'a' });
  const redisBin = findOnPath('redis-server');
  let redis: { child: ChildProcess; uri: string } | null = null;
  let server: ChildProcess | null = null;
  let mode: EngineMode = 'dev';
  let extraFlags: string[] = [];
  let extraEnv: Record<string, string> = {};

  const common = [
    '--host', '127.0.0.1',
    '--port', String(ports.api),
    '--connect-gateway-port', String(ports.gateway),
    '--connect-gateway-grpc-port', String(ports.gatewayGrpc),
    '--connect-executor-grpc-port', String(ports.executorGrpc),
  ];
  const selfHosted = (m: EngineMode) => m === 'self-hosted' || m === 'self-hosted-embedded-redis';
  const argsFor = (m: EngineMode, redisUri = '<redis-uri>'): string[] => [
    ...(selfHosted(m)
      ? ['start', ...common, '--signing-key', '<signing-key>', '--event-key', '<event-key>', '--sqlite-dir', '<data-dir>', ...(m === 'self-hosted' ? ['--redis-uri', redisUri] : [])]
      : ['dev', ...common, '--no-discovery', '--no-poll', ...(m === 'dev-persist' ? ['--persist'] : [])]),
    ...extraFlags,
  ];

  const ensureRedis = async (): Promise<string> => {
    if (redis) return redis.uri;
    if (!redisBin) throw new Error('self-hosted mode needs redis-server on PATH (Debian: apt-get install redis-server)');
    const port = await freePort();
    const child = launch(redisBin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], dataDir, log);
    redis = { child, uri: `redis://127.0.0.1:${port}` };
    const deadline = Date.now() + 10_000;
    for (;;) {
      const open = await new Promise<boolean>((resolveOpen) => {
        const socket = connect(port, '127.0.0.1', () => (socket.end(), resolveOpen(true)));
        socket.on('error', () => resolveOpen(false));
      });
      if (open) return redis.uri;
      if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port}; see ${logFile}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const up = async () => {
    const redisUri = mode === 'self-hosted' ? await ensureRedis() : undefined;
    const args = argsFor(mode, redisUri).map((a) =>
      a === '<signing-key>' ? signingKey : a === '<event-key>' ? selfHostedEventKey : a === '<data-dir>' ? dataDir : a,
    );
    const child = launch(bin.path, args, dataDir, log, extraEnv);
    server = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`inngest ${args[0]} exited with code ${code}; see ${logFile}`))),
    );
    exited.catch(() => {}); // a later exit is a restart, handled by halt()
    await Promise.race([waitForHttp(`${url}/health`, READY_TIMEOUT_MS, `The Inngest server (${mode})`), exited]);
  };

  await up();
  const version = binaryVersion(bin.path);
  return {
    url,
    source: 'started',
    version,
    get mode() {
      return mode;
    },
    get kind() {
      return selfHosted(mode) ? 'self-hosted' : 'dev';
    },
    // Ports, keys and paths change every run; the record keeps the flags and says what stood there.
    get flags() {
      const portNumbers = new Set(Object.values(ports).map(String));
      const env = Object.entries(extraEnv).map(([k, v]) => `env ${k}=${v}`);
      const mask = (f: string) => (portNumbers.has(f) ? '<free port>' : /^postgres(ql)?:\/\//.test(f) ? '<postgres-uri>' : f);
      return [...argsFor(mode).map(mask), ...env];
    },
    get stateStore() {
      if (extraFlags.includes('--postgres-uri')) return 'inngest start --postgres-uri: run state in an external Redis, history in PostgreSQL (both on loopback)';
      return {
        dev: 'inngest dev defaults: run state in an in-process Redis, history in an in-memory SQLite',
        'dev-persist': 'inngest dev --persist: run state in an in-process Redis, history in SQLite on disk',
        'self-hosted': 'inngest start: run state in an external Redis (redis-server on loopback), history in SQLite on disk',
        'self-hosted-embedded-redis': 'inngest start without --redis-uri: run state in its embedded Redis, history in SQLite on disk',
      }[mode];
    },
    get eventKey() {
      return selfHosted(mode) ? selfHostedEventKey : DEV_EVENT_KEY;
    },
    get signingKey() {
      return selfHosted(mode) ? signingKey : undefined;
    },
    workerEnv(): Record<string, string> {
      return selfHosted(mode)
        ? { INNGEST_DEV: '0', INNGEST_BASE_URL: url, INNGEST_SIGNING_KEY: signingKey, INNGEST_EVENT_KEY: selfHostedEventKey }
        : { INNGEST_DEV: url, INNGEST_BASE_URL: url };
    },
    supports(m) {
      return m !== 'self-hosted' || redisBin !== null;
    },
    async restart(options) {
      await halt(server);
      server = null;
      if (options?.mode) mode = options.mode;
      if (options?.flags) extraFlags = options.flags;
      if (options?.env) extraEnv = options.env;
      await up();
    },
    async stores() {
      return {
        ...(mode === 'self-hosted' && redis ? { redis: await redisUsage(redis.uri) } : {}),
        sqliteBytes: sqliteBytes(dataDir),
      };
    },
    async stop() {
      await halt(server);
      server = null;
      await halt(redis?.child ?? null);
      redis = null;
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
