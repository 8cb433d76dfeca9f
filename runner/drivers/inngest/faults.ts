/**
 * Inngest's side of the fault matrix: its self-hosted configurations, each deployed on loopback with its own data
 * directories as separate processes (the server; an external redis-server with the persistence under test; a
 * PostgreSQL for history; the worker), which the core's fault injection kills and starts again on the same
 * directories and ports. The server's command line comes from the driver (`serverArgs`), so it is the one probes run.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenario, type InngestFaultClient } from '../../../src/faults/inngest/durability.ts';
import { LEDGER_ENV } from '../../../src/probes/core/ledger.ts';
import type { EngineConfig, FaultRole } from '../../../src/schema.ts';
import { managedProcess, masked, portOpen, type FaultLab, type FaultableProcess, type LabDeployment } from '../../core/faults.ts';
import { preparePostgres } from '../../core/postgres.ts';
import { findOnPath, freePort, request } from '../../core/process.ts';
import { packageVersion } from '../../core/provenance.ts';
import { redisCommand } from '../../core/stores.ts';
import { ServerApi, RunNotFound } from './api.ts';
import { binaryVersion, findBinary, HOW_TO_GET_A_SERVER, maskFlags, REDIS_PERSISTENCE, serverArgs, type EngineMode, type RedisPersistence, type ServerPorts } from './driver.ts';

const SCENARIO = 'src/faults/inngest/durability.ts';
const WORKER_MAIN = fileURLToPath(new URL('./fault-worker-main.ts', import.meta.url));
const SERVE_PATH = '/api/inngest';
/** A server flag every configuration shares: retry a failed step after a second, not after the default backoff. */
const RETRY_FLAGS = ['--retry-interval', '1'];
/** How long a failing app sync (`PUT /api/inngest`) is retried after a recovery. */
const SYNC_TIMEOUT_MS = 15_000;


interface Configuration {
  mode: EngineMode;
  redis?: RedisPersistence;
  postgres?: boolean;
  stateStore: string;
}

/** The configurations of the matrix, by id. */
const CONFIGURATIONS: Record<string, Configuration> = {
  'dev-persist': { mode: 'dev-persist', stateStore: 'inngest dev --persist: run state in an in-process Redis, history in SQLite on disk' },
  'start-embedded-redis': { mode: 'self-hosted-embedded-redis', stateStore: 'inngest start without --redis-uri: run state in its embedded Redis ("periodic snapshot backups"), history in SQLite on disk' },
  'start-redis-none': { mode: 'self-hosted', redis: 'none', stateStore: 'inngest start --redis-uri: run state in redis-server without persistence (--save "" --appendonly no), history in SQLite on disk' },
  'start-redis-aof-everysec': { mode: 'self-hosted', redis: 'aof-everysec', stateStore: 'inngest start --redis-uri: run state in redis-server with an append-only file fsynced every second, history in SQLite on disk' },
  'start-redis-aof-always': { mode: 'self-hosted', redis: 'aof-always', stateStore: 'inngest start --redis-uri: run state in redis-server with an append-only file fsynced on every write, history in SQLite on disk' },
  'start-redis-aof-everysec-postgres': { mode: 'self-hosted', redis: 'aof-everysec', postgres: true, stateStore: 'inngest start --redis-uri --postgres-uri: run state in redis-server with an append-only file fsynced every second, history in PostgreSQL (fsync on)' },
};

async function deploy(id: string, dir: string, ledgerFile: string, log: WriteStream): Promise<LabDeployment> {
  const config = CONFIGURATIONS[id];
  if (!config) throw new Error(`no Inngest fault configuration "${id}"`);
  const bin = findBinary(process.env, process.cwd());
  if (!bin) throw new Error(HOW_TO_GET_A_SERVER);
  const serverDir = join(dir, 'server');
  const redisDir = join(dir, 'redis');
  for (const d of [serverDir, redisDir]) mkdirSync(d, { recursive: true });
  // PostgreSQL runs as another user when we are root: its directory sits outside ours, whose mode keeps others out.
  const postgresDir = mkdtempSync(join(tmpdir(), 'faults-postgres-'));
  const ports: ServerPorts = { api: await freePort(), gateway: await freePort(), gatewayGrpc: await freePort(), executorGrpc: await freePort() };
  const url = `http://127.0.0.1:${ports.api}`;
  const signingKey = randomBytes(32).toString('hex');
  const eventKey = randomBytes(16).toString('hex');
  const selfHosted = config.mode !== 'dev-persist';
  const processes: FaultableProcess[] = [];
  const secrets: Record<string, string> = { [signingKey]: '<signing-key>', [eventKey]: '<event-key>', [dir]: '<data-dir>' };

  let postgresUri: string | undefined;
  if (config.postgres) {
    const pg = await preparePostgres(postgresDir);
    postgresUri = pg.uri;
    secrets[pg.uri] = '<postgres-uri>';
    secrets[String(pg.port)] = '<free port>';
    processes.push(managedProcess({ role: 'postgres', command: pg.command, args: pg.args, shown: masked(['postgres', ...pg.args], secrets), cwd: postgresDir, log, as: pg.as, stopSignal: 'SIGINT', ready: () => pg.ready() }));
  }
  let redisUri: string | undefined;
  if (config.redis) {
    const redisBin = findOnPath('redis-server');
    if (!redisBin) throw new Error('this configuration needs redis-server on PATH (Debian: apt-get install redis-server)');
    const port = await freePort();
    redisUri = `redis://127.0.0.1:${port}`;
    secrets[String(port)] = '<free port>';
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, ...REDIS_PERSISTENCE[config.redis]];
    // Redis answers -LOADING while it replays its append-only file: ready means it answers PING.
    processes.push(managedProcess({ role: 'redis', command: redisBin, args, shown: masked(['redis-server', ...args], secrets), cwd: redisDir, log, ready: async () => (await redisCommand(redisUri!, 'PING')) === 'PONG' }));
  }
  const extraFlags = [...RETRY_FLAGS, ...(postgresUri ? ['--postgres-uri', postgresUri] : [])];
  const args = serverArgs(config.mode, extraFlags, ports, redisUri).map((a) => (a === '<signing-key>' ? signingKey : a === '<event-key>' ? eventKey : a === '<data-dir>' ? serverDir : a));
  const shownServer = maskFlags(masked(args, secrets), ports, {});
  processes.push(
    managedProcess({
      role: 'server', command: bin.path, args, shown: ['inngest', ...shownServer], cwd: serverDir, log,
      ready: async () => (await request(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)),
    }),
  );
  const workerPort = await freePort();
  const serveUrl = `http://127.0.0.1:${workerPort}${SERVE_PATH}`;
  const workerEnv: Record<string, string> = selfHosted
    ? { INNGEST_DEV: '0', INNGEST_BASE_URL: url, INNGEST_SIGNING_KEY: signingKey, INNGEST_EVENT_KEY: eventKey }
    : { INNGEST_DEV: url, INNGEST_BASE_URL: url };
  processes.push(
    managedProcess({
      role: 'worker', command: process.execPath, args: ['--import', 'tsx', WORKER_MAIN], shown: ['node', '--import', 'tsx', 'runner/drivers/inngest/fault-worker-main.ts'],
      cwd: process.cwd(), log, startAttempts: 3,
      env: { ...workerEnv, PROBE_FILE: resolve(SCENARIO), PROBE_PORT: String(workerPort), [LEDGER_ENV]: ledgerFile },
      // Any answer means it listens: in self-hosted mode an unsigned GET is refused with 401, as it should be.
      ready: async () => (await portOpen(workerPort)) && (await request(serveUrl, { signal: AbortSignal.timeout(2_000) }).then(() => true, () => false)),
    }),
  );

  const api = new ServerApi(() => ({ url, eventKey: selfHosted ? eventKey : 'faults', signingKey: selfHosted ? signingKey : undefined }));
  const client: InngestFaultClient = {
    send: (name, data) => api.send(name, data),
    async runStatuses(eventId) {
      const ids = await api.runIdsForEvent(eventId).catch((e: Error) => (/HTTP 404/.test(e.message) ? [] : Promise.reject(e)));
      return Promise.all(ids.map((runId) => api.getRun(runId).then((r) => `${r.status}${r.endedAt ? '' : ' (not ended)'}`, (e) => (e instanceof RunNotFound ? 'listed, unreadable' : Promise.reject(e)))));
    },
    eventStored: async () => false,
  };
  // `GET /v1/events/{id}` answers `data: null` (or 404) for an event it does not have.
  client.eventStored = async (eventId) => {
    const res = await api.raw('GET', `/v1/events/${eventId}?_faults=${Date.now()}`);
    if (res.status === 404) return false;
    if (res.status !== 200) throw new Error(`GET /v1/events/${eventId} answered HTTP ${res.status}: ${res.body.slice(0, 200)}`);
    return (JSON.parse(res.body) as { data?: unknown }).data != null;
  };
  /** Registers the app's functions with the server, as a deploy hook does (`PUT /api/inngest`). */
  const sync = async () => {
    // A server that has just got its database back may refuse a first registration: try for a while, as a deploy
    // hook that retries would, and fail only if it never succeeds.
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    for (;;) {
      const res = await request(serveUrl, { method: 'PUT' });
      if (res.ok) return;
      const why = `syncing the worker failed: HTTP ${res.status} ${await res.text()}`;
      if (Date.now() > deadline) throw new Error(`${why} (still after ${SYNC_TIMEOUT_MS / 1000} s of retries)`);
      log.write(`\n--- ${why}; trying again\n`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const inProcess: Partial<Record<FaultRole, string>> = {};
  if (!config.redis) inProcess.redis = config.mode === 'dev-persist' ? 'run state lives in a Redis inside the inngest dev process: killing the server kills it' : 'the embedded Redis runs inside the inngest start process: killing the server kills it';
  if (!config.postgres) inProcess.postgres = 'history lives in SQLite files the server process writes itself: no separate process to kill';

  return {
    processes,
    inProcess,
    describe(): EngineConfig {
      return { engine: 'inngest', version: binaryVersion(bin.path), source: 'started', mode: config.mode, flags: shownServer, stateStore: config.stateStore, sdk: { package: 'inngest', version: packageVersion(process.cwd(), 'inngest') } };
    },
    async up() {
      for (const p of processes) await p.start();
      await sync();
    },
    afterRecovery: sync,
    async teardown() {
      for (const p of [...processes].reverse()) await p.kill();
      rmSync(dir, { recursive: true, force: true });
      rmSync(postgresDir, { recursive: true, force: true });
    },
    begin: (tag, moment) => scenario.begin(client, tag, moment),
    release: (handle) => scenario.release(client, handle as { tag: string; eventId: string }),
    view: (handle) => scenario.view(client, handle as { tag: string; eventId: string }),
  };
}

/** The Inngest fault lab the matrix runs. */
export const inngestFaultLab: FaultLab = {
  engine: 'inngest',
  name: 'Inngest',
  scenarioFile: SCENARIO,
  configurations: Object.keys(CONFIGURATIONS),
  omittedConfigurations: [],
  notes: [
    'Every configuration runs the server with --retry-interval 1, so a step that failed while its worker was down is retried after a second rather than after the default backoff; the function allows 20 retries.',
    'A SIGKILL ends a process, not the machine: what Redis or PostgreSQL had written stays in the operating system\'s page cache, so fsync policies (AOF everysec vs always, PostgreSQL fsync) can only make a difference on a power loss or kernel crash, which one machine cannot inject here.',
    'After every recovery the runner re-syncs the app (PUT /api/inngest), as a deploy hook would.',
  ],
  unavailable(config) {
    const c = CONFIGURATIONS[config];
    if (!c) return `no such configuration`;
    if (c.redis && !findOnPath('redis-server')) return 'redis-server is not installed here';
    return null;
  },
  deploy,
};
