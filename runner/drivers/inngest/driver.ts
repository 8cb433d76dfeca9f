/**
 * The Inngest driver: finds the `inngest` binary, starts the server on free loopback ports in a private data
 * directory, switches it between modes (`inngest dev`, `dev --persist`, `inngest start` with an external or its
 * embedded Redis, with PostgreSQL), puts it back on its baseline, describes it, and runs probes on it.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { EngineNeeds } from '../../../src/probes/core/context.ts';
import type { ProbeDefinition, ServerMode, StoreUsage } from '../../../src/probes/inngest/harness/probe.ts';
import type { EngineConfig } from '../../../src/schema.ts';
import type { EngineDriver, EngineInstance, Located } from '../../core/driver.ts';
import { alive, findOnPath, freePort, halt, isExecutable, launch, waitForHttp } from '../../core/process.ts';
import { packageVersion } from '../../core/provenance.ts';
import { redisUsage, sqliteBytes } from '../../core/stores.ts';
import { runInngestScenario } from './context.ts';

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

/** How the server runs: the modes of `ServerMode` (see the probe harness). The baseline is `dev`. */
export type EngineMode = ServerMode;

/** Persistence of the external Redis (self-hosted mode): none, or an append-only file fsynced every second or on every write. */
export type RedisPersistence = 'none' | 'aof-everysec' | 'aof-always';
/** redis-server's flags for each persistence (shared with the fault matrix). */
export const REDIS_PERSISTENCE: Record<RedisPersistence, string[]> = {
  none: ['--save', '', '--appendonly', 'no'],
  'aof-everysec': ['--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec'],
  'aof-always': ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always'],
};
const BASELINE: EngineMode = 'dev';

/** A running Inngest server, as the probe context and the API client see it. */
export interface Engine extends EngineInstance {
  readonly url: string;
  readonly mode: EngineMode;
  readonly source: 'started' | 'external';
  readonly version: string;
  /** Flags it runs with now, ports and secrets masked. */
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
  restart(options?: { mode?: EngineMode; flags?: string[]; env?: Record<string, string>; redis?: RedisPersistence }): Promise<void>;
  /** What its stores hold now: the external Redis (self-hosted mode) and the SQLite files of its data directory. */
  stores(): Promise<StoreUsage>;
}

const READY_TIMEOUT_MS = 30_000;
/** How many times a server start is tried, each on fresh ports, before the lane gives up. */
const START_ATTEMPTS = 3;
const DEV_EVENT_KEY = 'probe';
/** The SDK the probes use. */
const SDK_PACKAGE = 'inngest';

function sdk(): EngineConfig['sdk'] {
  return { package: SDK_PACKAGE, version: packageVersion(process.cwd(), SDK_PACKAGE) };
}

/** The loopback ports a server instance listens on. */
export interface ServerPorts {
  api: number;
  gateway: number;
  gatewayGrpc: number;
  executorGrpc: number;
}

/** Whether a mode is `inngest start` (self-hosted) rather than `inngest dev`. */
export function isSelfHosted(mode: EngineMode): boolean {
  return mode === 'self-hosted' || mode === 'self-hosted-embedded-redis';
}

/**
 * The command line of a server in `mode` with `extraFlags` after the mode's own. Secrets and the data directory
 * stay placeholders (`<signing-key>`, `<event-key>`, `<data-dir>`) that the caller fills in when it launches.
 */
export function serverArgs(mode: EngineMode, extraFlags: string[], ports: ServerPorts, redisUri = '<redis-uri>'): string[] {
  const common = [
    '--host', '127.0.0.1',
    '--port', String(ports.api),
    '--connect-gateway-port', String(ports.gateway),
    '--connect-gateway-grpc-port', String(ports.gatewayGrpc),
    '--connect-executor-grpc-port', String(ports.executorGrpc),
  ];
  return [
    ...(isSelfHosted(mode)
      ? ['start', ...common, '--signing-key', '<signing-key>', '--event-key', '<event-key>', '--sqlite-dir', '<data-dir>', ...(mode === 'self-hosted' ? ['--redis-uri', redisUri] : [])]
      : ['dev', ...common, '--no-discovery', '--no-poll', ...(mode === 'dev-persist' ? ['--persist'] : [])]),
    ...extraFlags,
  ];
}

/**
 * Flags as provenance records them: ports change every run, so they read `<free port>`; a PostgreSQL URI reads
 * `<postgres-uri>`; extra environment the server ran with follows as `env NAME=value`.
 */
export function maskFlags(args: string[], ports: ServerPorts, env: Record<string, string>): string[] {
  const portNumbers = new Set(Object.values(ports).map(String));
  // A loopback URL (an app URL given with `-u`, say) carries a port chosen for the run: mask it like the others.
  const mask = (f: string) => (portNumbers.has(f) ? '<free port>' : /^postgres(ql)?:\/\//.test(f) ? '<postgres-uri>' : f.replace(/^(https?:\/\/(?:127\.0\.0\.1|localhost)):\d+/, '$1:<free port>'));
  return [...args.map(mask), ...Object.entries(env).map(([k, v]) => `env ${k}=${v}`)];
}

/** A server configuration: mode, extra flags, extra environment. */
export interface ServerConfiguration {
  mode: EngineMode;
  flags: string[];
  env: Record<string, string>;
}

/** What a probe's declared needs come to; nothing declared means the baseline. */
export function configurationFor(needs: EngineNeeds | undefined): ServerConfiguration {
  return { mode: (needs?.mode as EngineMode | undefined) ?? BASELINE, flags: needs?.flags ?? [], env: needs?.env ?? {} };
}

/** Whether two configurations start the same server (flags in order; environment in any order). */
export function sameConfiguration(a: ServerConfiguration, b: ServerConfiguration): boolean {
  const env = (e: Record<string, string>) => JSON.stringify(Object.entries(e).sort());
  return a.mode === b.mode && JSON.stringify(a.flags) === JSON.stringify(b.flags) && env(a.env) === env(b.env);
}

/** Connects to a server that is already running; it cannot be restarted or reconfigured by probes. */
export async function connectEngine(url: string): Promise<Engine> {
  const base = url.replace(/\/$/, '');
  await waitForHttp(`${base}/health`, 5_000, 'The Inngest server');
  const info = (await (await fetch(`${base}/dev`)).json()) as { version?: string };
  const version = info.version ?? 'unknown';
  const refuse = (what: string) => {
    throw new Error(`This probe ${what}, which the runner cannot do to an external server`);
  };
  return {
    url: base,
    mode: BASELINE,
    source: 'external',
    version,
    flags: [],
    stateStore: 'unknown: an external server, configured outside the runner',
    eventKey: DEV_EVENT_KEY,
    signingKey: undefined,
    workerEnv: () => ({ INNGEST_DEV: base, INNGEST_BASE_URL: base }),
    supports: (mode) => mode === BASELINE,
    describe() {
      return { engine: 'inngest', version, source: 'external', mode: BASELINE, flags: [], stateStore: 'unknown: an external server, configured outside the runner', sdk: sdk() };
    },
    atBaseline: () => true,
    async prepare(needs) {
      if (!sameConfiguration(configurationFor(needs), configurationFor(undefined))) refuse('needs another server mode or flags');
    },
    async reset() {},
    async restart() {
      refuse('restarts the server');
    },
    async stores() {
      return refuse("looks inside the server's stores");
    },
    async stop() {},
  };
}

/**
 * Starts the Inngest server from a binary on free loopback ports, in a private data directory, on its baseline
 * (`inngest dev`); probes may restart it in another mode, and `reset` brings it back with fresh state.
 * `logFile` receives the server's own output.
 */
export async function startEngine(bin: FoundBinary, logFile: string): Promise<Engine> {
  let dataDir = mkdtempSync(join(tmpdir(), 'inngest-probe-server-'));
  const choosePorts = async (): Promise<ServerPorts> => ({ api: await freePort(), gateway: await freePort(), gatewayGrpc: await freePort(), executorGrpc: await freePort() });
  let ports = await choosePorts();
  let url = `http://127.0.0.1:${ports.api}`;
  const signingKey = randomBytes(32).toString('hex');
  const selfHostedEventKey = randomBytes(16).toString('hex');
  const log = createWriteStream(logFile, { flags: 'a' });
  const redisBin = findOnPath('redis-server');
  let redis: { child: ChildProcess; uri: string } | null = null;
  let redisPersistence: RedisPersistence = 'none';
  let server: ChildProcess | null = null;
  let mode: EngineMode = BASELINE;
  let extraFlags: string[] = [];
  let extraEnv: Record<string, string> = {};

  const argsFor = (m: EngineMode, redisUri = '<redis-uri>'): string[] => serverArgs(m, extraFlags, ports, redisUri);

  const ensureRedis = async (): Promise<string> => {
    if (redis && alive(redis.child)) return redis.uri;
    if (!redisBin) throw new Error('self-hosted mode needs redis-server on PATH (Debian: apt-get install redis-server)');
    const port = await freePort();
    const child = launch(redisBin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, ...REDIS_PERSISTENCE[redisPersistence]], dataDir, log);
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

  /**
   * Starts the server; if it dies before it is healthy, tries again on fresh ports. A port that was free when
   * chosen can be taken by another process's connection while the server is down for a restart; the server then
   * exits with "address already in use". Workers and clients follow the new URL (the context re-syncs them).
   */
  const up = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await launchServer();
      } catch (e) {
        await halt(server);
        server = null;
        if (attempt >= START_ATTEMPTS) throw e;
        log.write(`\n--- the server did not come up (${(e as Error).message}); trying again on fresh ports\n`);
        ports = await choosePorts();
        url = `http://127.0.0.1:${ports.api}`;
      }
    }
  };
  const launchServer = async () => {
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
  const down = async () => {
    await halt(server);
    server = null;
  };

  await up();
  const version = binaryVersion(bin.path);
  const engine: Engine = {
    get url() {
      return url;
    },
    source: 'started',
    version,
    get mode() {
      return mode;
    },
    get flags() {
      return maskFlags(argsFor(mode), ports, extraEnv);
    },
    get stateStore() {
      if (mode === 'self-hosted' && redisPersistence !== 'none') {
        return `inngest start: run state in an external Redis with an append-only file fsynced ${redisPersistence === 'aof-always' ? 'on every write' : 'every second'} (redis-server on loopback), history in ${extraFlags.includes('--postgres-uri') ? 'PostgreSQL' : 'SQLite on disk'}`;
      }
      if (extraFlags.includes('--postgres-uri')) return 'inngest start --postgres-uri: run state in an external Redis, history in PostgreSQL (both on loopback)';
      return {
        dev: 'inngest dev defaults: run state in an in-process Redis, history in an in-memory SQLite',
        'dev-persist': 'inngest dev --persist: run state in an in-process Redis, history in SQLite on disk',
        'self-hosted': 'inngest start: run state in an external Redis (redis-server on loopback), history in SQLite on disk',
        'self-hosted-embedded-redis': 'inngest start without --redis-uri: run state in its embedded Redis, history in SQLite on disk',
      }[mode];
    },
    get eventKey() {
      return isSelfHosted(mode) ? selfHostedEventKey : DEV_EVENT_KEY;
    },
    get signingKey() {
      return isSelfHosted(mode) ? signingKey : undefined;
    },
    workerEnv(): Record<string, string> {
      return isSelfHosted(mode)
        ? { INNGEST_DEV: '0', INNGEST_BASE_URL: url, INNGEST_SIGNING_KEY: signingKey, INNGEST_EVENT_KEY: selfHostedEventKey }
        : { INNGEST_DEV: url, INNGEST_BASE_URL: url };
    },
    supports(m) {
      return m !== 'self-hosted' || redisBin !== null;
    },
    describe() {
      return { engine: 'inngest', version, source: 'started', mode, flags: engine.flags, stateStore: engine.stateStore, sdk: sdk() };
    },
    atBaseline() {
      return mode === BASELINE && extraFlags.length === 0 && Object.keys(extraEnv).length === 0 && alive(server);
    },
    async prepare(needs: EngineNeeds | undefined) {
      const wanted = configurationFor(needs);
      if (!sameConfiguration(wanted, { mode, flags: extraFlags, env: extraEnv })) await engine.restart(wanted);
    },
    async restart(options) {
      await down();
      if (options?.mode) mode = options.mode;
      if (options?.flags) extraFlags = options.flags;
      if (options?.env) extraEnv = options.env;
      if (options?.redis && options.redis !== redisPersistence) {
        // Another persistence is another Redis: stop this one; the next self-hosted start launches a fresh one.
        await halt(redis?.child ?? null);
        redis = null;
        redisPersistence = options.redis;
      }
      await up();
    },
    async reset() {
      // Fresh state as well as the baseline mode: a new data directory, and no Redis left from a self-hosted mode.
      await down();
      await halt(redis?.child ?? null);
      redis = null;
      rmSync(dataDir, { recursive: true, force: true });
      dataDir = mkdtempSync(join(tmpdir(), 'inngest-probe-server-'));
      mode = BASELINE;
      extraFlags = [];
      extraEnv = {};
      redisPersistence = 'none';
      await up();
    },
    async stores() {
      return {
        ...(mode === 'self-hosted' && redis ? { redis: await redisUsage(redis.uri) } : {}),
        sqliteBytes: sqliteBytes(dataDir),
      };
    },
    async stop() {
      await down();
      await halt(redis?.child ?? null);
      redis = null;
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return engine;
}

/** The Inngest driver the core runs. */
export const inngestDriver: EngineDriver<Engine, ProbeDefinition> = {
  id: 'inngest',
  name: 'Inngest',
  urlEnv: URL_ENV,
  locate(env, root, serverUrl): Located {
    if (serverUrl) return { found: true, description: `the Inngest server already running at ${serverUrl}` };
    const bin = findBinary(env, root);
    return bin ? { found: true, description: `inngest from ${bin.path} (found via ${bin.via})` } : { found: false, howToGet: HOW_TO_GET_A_SERVER };
  },
  async start(logFile) {
    const serverUrl = process.env[URL_ENV];
    if (serverUrl) return connectEngine(serverUrl);
    const bin = findBinary(process.env, process.cwd());
    if (!bin) throw new Error(HOW_TO_GET_A_SERVER);
    return startEngine(bin, logFile);
  },
  definitionOf(module, file) {
    const definition = (module as { default?: ProbeDefinition }).default;
    if (!definition || typeof definition.run !== 'function' || !definition.client) throw new Error(`${file} has no default export from the Inngest harness's defineProbe()`);
    return definition;
  },
  runScenario: runInngestScenario,
  prepareRunnerProcess() {
    // Probe modules build Inngest clients when imported; in the runner they only declare functions, and dev mode
    // keeps the SDK from demanding a signing key. Workers get the real server's environment.
    process.env.INNGEST_DEV ??= '1';
  },
};
