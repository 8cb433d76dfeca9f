/**
 * The Temporal driver: finds the `temporal` CLI, starts its development server (`temporal server start-dev`) on
 * free loopback ports with a private state file, restarts it (keeping the file, or not; gracefully or with
 * SIGKILL), puts it back on its baseline, describes it, and runs probes on it.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { EngineNeeds } from '../../../src/probes/core/context.ts';
import type { ProbeDefinition, ServerMode } from '../../../src/probes/temporal/harness/probe.ts';
import type { EngineConfig } from '../../../src/schema.ts';
import type { EngineDriver, EngineInstance, Located } from '../../core/driver.ts';
import { alive, findOnPath, freePort, halt, isExecutable, launch, waitForHttp } from '../../core/process.ts';
import { packageVersion } from '../../core/provenance.ts';
import { runTemporalScenario } from './context.ts';

/** Environment variable naming a `temporal` CLI to use. */
export const BIN_ENV = 'TEMPORAL_BIN';
/** Environment variable giving the address (host:port) of a Temporal frontend that is already running. */
export const ADDRESS_ENV = 'TEMPORAL_ADDRESS';

/** How to get the server, printed when none is found. */
export const HOW_TO_GET_A_SERVER = [
  'No `temporal` CLI was found, so no Temporal probe can run (the probes never use a fake server).',
  'Get the real server (the CLI carries it: `temporal server start-dev`) in one of these ways, then run again:',
  '  1. a release binary: https://github.com/temporalio/cli/releases (or `brew install temporal`), on PATH',
  '  2. with Go: GOFLAGS=-mod=mod go install github.com/temporalio/cli/cmd/temporal@v1.5.1',
  '  3. name it: TEMPORAL_BIN=/path/to/temporal npm run probes -- --engine temporal',
  '  4. use a server that is already running: npm run probes -- --engine temporal --server-url 127.0.0.1:7233',
].join('\n');

export interface FoundBinary {
  path: string;
  via: 'env' | 'path' | 'tools';
}

/** Where the test setup builds the CLI when Go is present (tests/setup/ensure-tools.mjs); ignored by git. */
export const TOOLS_BIN = join('.tools', 'bin', 'temporal');

/** Finds the `temporal` CLI: `$TEMPORAL_BIN`, then `PATH`, then `.tools/bin` of the project. */
export function findBinary(env: NodeJS.ProcessEnv = process.env, projectRoot = process.cwd()): FoundBinary | null {
  const named = env[BIN_ENV];
  if (named) {
    if (!isExecutable(named)) throw new Error(`${BIN_ENV}=${named} is not an executable file`);
    return { path: resolve(named), via: 'env' };
  }
  const onPath = findOnPath('temporal', env);
  if (onPath) return { path: onPath, via: 'path' };
  const built = join(projectRoot, TOOLS_BIN);
  return isExecutable(built) ? { path: built, via: 'tools' } : null;
}

/**
 * The versions a CLI reports: `temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)` → server 1.29.1, CLI 1.5.1.
 * A CLI built with `go install` and no version flag reports `0.0.0-DEV` for itself; the server's is still right.
 */
export function parseVersion(text: string): { cli: string; server: string; ui?: string } {
  const m = /temporal version (\S+) \(Server ([^,)]+)(?:, UI ([^)]+))?\)/.exec(text);
  if (!m) throw new Error(`unrecognised \`temporal --version\` output: ${text.trim()}`);
  return { cli: m[1]!, server: m[2]!, ...(m[3] ? { ui: m[3] } : {}) };
}

export function binaryVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
}

/** The version recorded in provenance: the server's, with the CLI that carries it. */
export function versionLabel(text: string): string {
  const v = parseVersion(text);
  return `${v.server} (temporal CLI ${v.cli})`;
}

const BASELINE: ServerMode = 'state-file';
const READY_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;
export const NAMESPACE = 'default';
const SDK_PACKAGE = '@temporalio/worker';

function sdk(): EngineConfig['sdk'] {
  return { package: SDK_PACKAGE, version: packageVersion(process.cwd(), SDK_PACKAGE) };
}

/** The loopback ports a dev server listens on: gRPC frontend, HTTP API, metrics, UI. */
export interface ServerPorts {
  grpc: number;
  http: number;
  metrics: number;
  ui: number;
}

/** The command line of a dev server; the state file stays the placeholder `<state-file>` until launch. */
export function serverArgs(mode: ServerMode, extraFlags: string[], ports: ServerPorts): string[] {
  return [
    'server', 'start-dev', '--headless', '--ip', '127.0.0.1',
    '--port', String(ports.grpc), '--http-port', String(ports.http), '--metrics-port', String(ports.metrics), '--ui-port', String(ports.ui),
    '--log-format', 'json',
    ...(mode === 'state-file' ? ['--db-filename', '<state-file>'] : []),
    ...extraFlags,
  ];
}

/** Flags as provenance records them: the free ports read `<free port>`. */
export function maskFlags(args: string[], ports: ServerPorts): string[] {
  const portNumbers = new Set(Object.values(ports).map(String));
  return args.map((f) => (portNumbers.has(f) ? '<free port>' : f));
}

const STATE_STORE: Record<ServerMode, string> = {
  'state-file': 'temporal server start-dev --db-filename: SQLite in a file on disk (one process holds frontend, history, matching and worker services)',
  'in-memory': 'temporal server start-dev defaults: SQLite in memory, lost when the process ends',
};

/** A running Temporal dev server, as the probe context sees it. */
export interface Engine extends EngineInstance {
  /** host:port of the gRPC frontend. */
  readonly address: string;
  readonly httpUrl: string;
  readonly metricsUrl: string;
  /** The Web UI's base URL; it answers only when the server runs with `--headless=false`. */
  readonly uiUrl: string;
  readonly mode: ServerMode;
  readonly flags: string[];
  readonly version: string;
  readonly source: 'started' | 'external';
  /** The server process's pid (null for an external server). */
  readonly pid: number | null;
  /** The SQLite state file in `state-file` mode, else null. */
  readonly stateFile: string | null;
  /** How long each start took, spawn to ready (ms). */
  readonly startMs: readonly number[];
  restart(options?: { mode?: ServerMode; keepState?: boolean; kill?: boolean; flags?: string[] }): Promise<void>;
}

function needsConfiguration(needs: EngineNeeds | undefined): { mode: ServerMode; flags: string[] } {
  return { mode: (needs?.mode as ServerMode | undefined) ?? BASELINE, flags: needs?.flags ?? [] };
}

/** Connects to a frontend that is already running; probes cannot restart or reconfigure it. */
export function connectEngine(address: string): Engine {
  const refuse = (what: string): never => {
    throw new Error(`This probe ${what}, which the runner cannot do to an external server`);
  };
  const describe = (): EngineConfig => ({
    engine: 'temporal', version: 'unknown (an external server)', source: 'external', mode: 'external', flags: [],
    stateStore: 'unknown: an external server, configured outside the runner', sdk: sdk(),
  });
  return {
    address, httpUrl: '', metricsUrl: '', uiUrl: '', mode: BASELINE, flags: [], version: 'unknown', source: 'external', pid: null, stateFile: null, startMs: [],
    describe, atBaseline: () => true,
    async prepare(needs) {
      if (needs?.mode || needs?.flags?.length) refuse('needs another server mode or flags');
    },
    async reset() {},
    async restart() {
      refuse('restarts the server');
    },
    async stop() {},
  };
}

/**
 * Starts `temporal server start-dev` from the CLI on free loopback ports with a private state file, on its
 * baseline (`state-file`); probes may restart it, and `reset` brings it back with a fresh file.
 */
export async function startEngine(bin: FoundBinary, logFile: string): Promise<Engine> {
  let dataDir = mkdtempSync(join(tmpdir(), 'temporal-probe-server-'));
  const stateFile = () => join(dataDir, 'temporal.db');
  const choosePorts = async (): Promise<ServerPorts> => ({ grpc: await freePort(), http: await freePort(), metrics: await freePort(), ui: await freePort() });
  let ports = await choosePorts();
  const log = createWriteStream(logFile, { flags: 'a' });
  let server: ChildProcess | null = null;
  let mode: ServerMode = BASELINE;
  let extraFlags: string[] = [];
  const versionText = binaryVersion(bin.path);
  const version = versionLabel(versionText);
  const startMs: number[] = [];

  const launchServer = async () => {
    const args = serverArgs(mode, extraFlags, ports).map((a) => (a === '<state-file>' ? stateFile() : a));
    const spawned = performance.now();
    const child = launch(bin.path, args, dataDir, log);
    server = child;
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`temporal server start-dev exited with code ${code}; see ${logFile}`))));
    exited.catch(() => {});
    // The HTTP API answers for the default namespace once the frontend is up and the namespace is registered.
    await Promise.race([waitForHttp(`http://127.0.0.1:${ports.http}/api/v1/namespaces/${NAMESPACE}`, READY_TIMEOUT_MS, `The Temporal dev server (${mode})`), exited]);
    startMs.push(performance.now() - spawned);
  };
  /** Starts it; if it dies before it is ready (a port taken meanwhile), tries again on fresh ports. */
  const up = async (sameAddress: boolean) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await launchServer();
      } catch (e) {
        await halt(server);
        server = null;
        if (attempt >= START_ATTEMPTS) throw e;
        log.write(`\n--- the server did not come up (${(e as Error).message}); trying again on fresh ports\n`);
        // A restart keeps the frontend's port when it can: clients and workers reconnect to the same address.
        const fresh = await choosePorts();
        ports = sameAddress && attempt === 1 ? { ...fresh, grpc: ports.grpc } : fresh;
      }
    }
  };
  const down = async (signal: NodeJS.Signals = 'SIGTERM') => {
    await halt(server, signal);
    server = null;
  };

  await up(false);
  const engine: Engine = {
    get address() {
      return `127.0.0.1:${ports.grpc}`;
    },
    get httpUrl() {
      return `http://127.0.0.1:${ports.http}`;
    },
    get metricsUrl() {
      return `http://127.0.0.1:${ports.metrics}/metrics`;
    },
    get uiUrl() {
      return `http://127.0.0.1:${ports.ui}`;
    },
    get mode() {
      return mode;
    },
    get flags() {
      return maskFlags(serverArgs(mode, extraFlags, ports), ports);
    },
    version,
    source: 'started',
    get pid() {
      return (server as ChildProcess | null)?.pid ?? null;
    },
    get stateFile() {
      return mode === 'state-file' ? stateFile() : null;
    },
    startMs,
    describe() {
      return { engine: 'temporal', version, source: 'started', mode, flags: engine.flags, stateStore: STATE_STORE[mode], sdk: sdk() };
    },
    atBaseline() {
      return mode === BASELINE && extraFlags.length === 0 && alive(server);
    },
    async prepare(needs) {
      const wanted = needsConfiguration(needs);
      if (wanted.mode !== mode || JSON.stringify(wanted.flags) !== JSON.stringify(extraFlags)) await engine.restart(wanted);
    },
    async restart(options) {
      await down(options?.kill ? 'SIGKILL' : 'SIGTERM');
      if (options?.keepState === false) rmSync(stateFile(), { force: true });
      if (options?.mode) mode = options.mode;
      if (options?.flags) extraFlags = options.flags;
      await up(true);
    },
    async reset() {
      await down();
      rmSync(dataDir, { recursive: true, force: true });
      dataDir = mkdtempSync(join(tmpdir(), 'temporal-probe-server-'));
      mode = BASELINE;
      extraFlags = [];
      await up(true);
    },
    async stop() {
      await down();
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return engine;
}

/** The Temporal driver the core runs. */
export const temporalDriver: EngineDriver<Engine, ProbeDefinition> = {
  id: 'temporal',
  name: 'Temporal',
  urlEnv: ADDRESS_ENV,
  locate(env, root, serverUrl): Located {
    if (serverUrl) return { found: true, description: `the Temporal frontend already running at ${serverUrl}` };
    const bin = findBinary(env, root);
    if (!bin) return { found: false, howToGet: HOW_TO_GET_A_SERVER };
    return { found: true, description: `temporal from ${bin.path} (found via ${bin.via}): ${binaryVersion(bin.path)}` };
  },
  async start(logFile) {
    const address = process.env[ADDRESS_ENV];
    if (address) return connectEngine(address.replace(/^https?:\/\//, ''));
    const bin = findBinary(process.env);
    if (!bin) throw new Error(HOW_TO_GET_A_SERVER);
    return startEngine(bin, logFile);
  },
  definitionOf(module, file) {
    const definition = (module as { default?: ProbeDefinition }).default;
    if (!definition || typeof definition.run !== 'function' || !(definition.workflows instanceof URL)) {
      throw new Error(`${file} has no default export from the Temporal harness's defineProbe()`);
    }
    return definition;
  },
  runScenario: runTemporalScenario,
};
