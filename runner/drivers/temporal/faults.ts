/**
 * Temporal's side of the fault matrix, two configurations, each as separate processes the core's fault injection
 * kills and starts again on the same data and ports:
 * - `start-dev-state-file`: `temporal server start-dev` with its state in a SQLite file, and a worker. The server's
 *   command line comes from the driver (`serverArgs`), so it is the one probes run.
 * - `server-postgres`: what Temporal documents for production, on one machine: the full `temporal-server` (all four
 *   services in one process) on PostgreSQL (fsync on), its schemas set up by `temporal-sql-tool`, and a worker.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { bundleWorkflowCode } from '@temporalio/worker';
import { scenario as scenarioFor, workflows } from '../../../src/faults/temporal/durability.ts';
import { LEDGER_ENV } from '../../../src/probes/core/ledger.ts';
import type { EngineConfig } from '../../../src/schema.ts';
import { managedProcess, masked, type FaultLab, type FaultableProcess, type LabDeployment } from '../../core/faults.ts';
import { findPostgresBin, preparePostgres } from '../../core/postgres.ts';
import { freePort, request } from '../../core/process.ts';
import { packageVersion } from '../../core/provenance.ts';
import { binaryVersion, findBinary, HOW_TO_GET_A_SERVER, maskFlags, NAMESPACE, serverArgs, versionLabel, type ServerPorts } from './driver.ts';
import { FAULT_WORKER_READY } from './fault-worker-main.ts';
import { findFullServerBinary, freeMembershipPort, fullServerArgs, fullServerConfig, fullServerVersion, HOW_TO_GET_THE_FULL_SERVER, setUpSchemas, type FullServerPorts, type SqlStore } from './full-server.ts';

const SCENARIO = 'src/faults/temporal/durability.ts';
const WORKER_MAIN = fileURLToPath(new URL('./fault-worker-main.ts', import.meta.url));
const DEV_SERVER = 'start-dev-state-file';
const POSTGRES = 'server-postgres';
/** How long closed workflows stay visible in the namespace the full server is given (its minimum is a day). */
const RETENTION_SECONDS = 24 * 60 * 60;

/** The workflow code, bundled once per run of the matrix: bundling takes seconds. */
let bundled: Promise<string> | null = null;

/** The bundler logs every module it packs at INFO; keep its warnings and errors only. */
const quietLogger = { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: (m: string) => console.warn(`[workflow bundler] ${m}`), error: (m: string) => console.error(`[workflow bundler] ${m}`) };

/** The server (and its store) of one configuration: what differs between them. */
interface ServerSide {
  processes: FaultableProcess[];
  address: string;
  inProcess: LabDeployment['inProcess'];
  describe(): EngineConfig;
  cleanup(): void;
}

/** `temporal server start-dev --db-filename`: one process holds the services and the SQLite file. */
async function devServer(dir: string, log: WriteStream): Promise<ServerSide> {
  const bin = findBinary(process.env, process.cwd());
  if (!bin) throw new Error(HOW_TO_GET_A_SERVER);
  const serverDir = join(dir, 'server');
  mkdirSync(serverDir, { recursive: true });
  const ports: ServerPorts = { grpc: await freePort(), http: await freePort(), metrics: await freePort(), ui: await freePort() };
  const stateFile = join(serverDir, 'temporal.db');
  const args = serverArgs('state-file', [], ports).map((a) => (a === '<state-file>' ? stateFile : a));
  const shown = maskFlags(serverArgs('state-file', [], ports), ports);
  return {
    address: `127.0.0.1:${ports.grpc}`,
    processes: [
      managedProcess({
        role: 'server', command: bin.path, args, shown: ['temporal', ...shown], cwd: serverDir, log,
        // The HTTP API answers for the default namespace once the frontend is up and the namespace is registered.
        ready: async () => (await request(`http://127.0.0.1:${ports.http}/api/v1/namespaces/${NAMESPACE}`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)),
      }),
    ],
    inProcess: {
      redis: 'the dev server has no Redis: its state lives in SQLite inside the server process',
      postgres: 'temporal server start-dev runs on SQLite only: its state file is written by the server process itself',
    },
    describe: () => ({
      engine: 'temporal', version: versionLabel(binaryVersion(bin.path)), source: 'started', mode: 'state-file', flags: shown,
      stateStore: 'temporal server start-dev --db-filename: SQLite in a file on disk (one process holds frontend, history, matching and worker services)',
      sdk: { package: '@temporalio/worker', version: packageVersion(process.cwd(), '@temporalio/worker') },
    }),
    cleanup: () => {},
  };
}

/**
 * The full server on PostgreSQL: PostgreSQL (its own process, fsync on) with the databases `temporal` and
 * `temporal_visibility`, schemas set up once by `temporal-sql-tool`; then `temporal-server start` with all four
 * services in one process. The full server registers no namespace by itself: the first readiness check registers
 * `default`, and the server counts as ready once a namespace-scoped call succeeds (its namespace cache has it).
 */
async function postgresServer(dir: string, log: WriteStream): Promise<ServerSide> {
  const serverBin = findFullServerBinary('server');
  const sqlTool = findFullServerBinary('sqlTool');
  if (!serverBin || !sqlTool) throw new Error(HOW_TO_GET_THE_FULL_SERVER);
  const version = await fullServerVersion(serverBin);
  const serverDir = join(dir, 'server');
  mkdirSync(join(serverDir, 'config'), { recursive: true });
  // PostgreSQL runs as another user when we are root: its directory sits outside ours, whose mode keeps others out.
  const postgresDir = mkdtempSync(join(tmpdir(), 'faults-temporal-postgres-'));
  const pg = await preparePostgres(postgresDir, ['temporal', 'temporal_visibility']);
  const store: SqlStore = { host: '127.0.0.1', port: pg.port, user: 'postgres', database: 'temporal', visibilityDatabase: 'temporal_visibility' };
  const ports: FullServerPorts = {
    frontend: await freePort(), http: await freePort(), history: await freePort(), matching: await freePort(), worker: await freePort(),
    frontendMembership: await freeMembershipPort(), historyMembership: await freeMembershipPort(), matchingMembership: await freeMembershipPort(), workerMembership: await freeMembershipPort(), metrics: await freePort(),
  };
  writeFileSync(join(serverDir, 'config', 'development.yaml'), fullServerConfig(ports, store));
  const address = `127.0.0.1:${ports.frontend}`;
  const secrets: Record<string, string> = { [postgresDir]: '<postgres-dir>', [serverDir]: '<server-dir>', [String(pg.port)]: '<free port>' };
  let schemas: string[][] | null = null;
  const args = fullServerArgs(serverDir);
  return {
    address,
    processes: [
      managedProcess({
        role: 'postgres', command: pg.command, args: pg.args, shown: masked(['postgres', ...pg.args], secrets), cwd: postgresDir, log, as: pg.as, stopSignal: 'SIGINT',
        async ready() {
          await pg.ready();
          schemas ??= await setUpSchemas(sqlTool, store);
          return true;
        },
      }),
      managedProcess({
        role: 'server', command: serverBin, args, shown: ['temporal-server', ...masked(args, secrets)], cwd: serverDir, log, readyTimeoutMs: 60_000,
        async ready() {
          const connection = await Connection.connect({ address, connectTimeout: 2_000 });
          try {
            const service = connection.workflowService;
            const known = await service.describeNamespace({ namespace: NAMESPACE }).then(() => true, (e: { code?: number }) => (e.code === 5 ? false : Promise.reject(e)));
            if (!known) await service.registerNamespace({ namespace: NAMESPACE, workflowExecutionRetentionPeriod: msToTs(`${RETENTION_SECONDS} seconds`) });
            await service.countWorkflowExecutions({ namespace: NAMESPACE, query: '' });
            return true;
          } finally {
            await connection.close();
          }
        },
      }),
    ],
    inProcess: { redis: 'Temporal has no Redis: the server keeps its state in PostgreSQL' },
    describe: () => ({
      engine: 'temporal', version: `${version} (temporal-server)`, source: 'started', mode: 'server-postgres',
      flags: ['temporal-server', ...masked(args, secrets)],
      stateStore: `temporal-server (frontend, history, matching and worker services in one process) on PostgreSQL (fsync on): history in database temporal, visibility in temporal_visibility, schemas set up by ${(schemas ?? []).map((c) => c.slice(-3).join(' ')).join('; ') || 'temporal-sql-tool'}`,
      sdk: { package: '@temporalio/worker', version: packageVersion(process.cwd(), '@temporalio/worker') },
    }),
    cleanup: () => rmSync(postgresDir, { recursive: true, force: true }),
  };
}

async function deploy(id: string, dir: string, ledgerFile: string, log: WriteStream): Promise<LabDeployment> {
  if (id !== DEV_SERVER && id !== POSTGRES) throw new Error(`no Temporal fault configuration "${id}"`);
  const server = id === POSTGRES ? await postgresServer(dir, log) : await devServer(dir, log);
  const { address } = server;
  bundled ??= bundleWorkflowCode({ workflowsPath: fileURLToPath(workflows), logger: quietLogger }).then(({ code }) => code);
  const bundlePath = join(dir, 'workflows.js');
  writeFileSync(bundlePath, await bundled);
  const taskQueue = `faults-${id}-${address.split(':')[1]}`;

  const workerSeen = new WeakMap<object, boolean>();
  const processes: FaultableProcess[] = [
    ...server.processes,
    managedProcess({
      role: 'worker', command: process.execPath, args: ['--import', 'tsx', WORKER_MAIN], shown: ['node', '--import', 'tsx', 'runner/drivers/temporal/fault-worker-main.ts'],
      cwd: process.cwd(), log, startAttempts: 3,
      env: { PROBE_FILE: resolve(SCENARIO), PROBE_WORKFLOW_BUNDLE: bundlePath, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: NAMESPACE, PROBE_TASK_QUEUE: taskQueue, [LEDGER_ENV]: ledgerFile },
      async ready(child) {
        if (!workerSeen.has(child)) {
          workerSeen.set(child, false);
          let seen = '';
          child.stdout?.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            if (seen.includes(FAULT_WORKER_READY)) workerSeen.set(child, true);
          });
        }
        return workerSeen.get(child) === true;
      },
    }),
  ];
  let connection: Connection | null = null;
  let client: Client | null = null;
  const scenario = scenarioFor(taskQueue);
  const ready = () => {
    if (!client) throw new Error('the deployment is not up');
    return client;
  };
  return {
    processes,
    inProcess: server.inProcess,
    describe: server.describe,
    async up() {
      for (const p of processes) await p.start();
      connection = await Connection.connect({ address });
      client = new Client({ connection, namespace: NAMESPACE });
    },
    async teardown() {
      await connection?.close().catch(() => {});
      for (const p of [...processes].reverse()) await p.kill();
      rmSync(dir, { recursive: true, force: true });
      server.cleanup();
    },
    begin: (tag, moment) => scenario.begin(ready(), tag, moment),
    release: (handle) => scenario.release(ready(), handle as { tag: string }),
    view: (handle) => scenario.view(ready(), handle as { tag: string }),
  };
}

/** The Temporal fault lab the matrix runs. */
export const temporalFaultLab: FaultLab = {
  engine: 'temporal',
  name: 'Temporal',
  scenarioFile: SCENARIO,
  configurations: [DEV_SERVER, POSTGRES],
  omittedConfigurations: [
    {
      id: 'start-dev-postgres',
      reason: 'temporal server start-dev (CLI 1.5.1, server 1.29.1) configures SQLite as its only store (DefaultStore and VisibilityStore "sqlite-default"; no flag selects another): Temporal on PostgreSQL is measured with the full server instead (server-postgres).',
      source: 'https://github.com/temporalio/cli/blob/v1.5.1/temporalcli/devserver/server.go#L276-L284',
    },
  ],
  notes: [
    'Activities retry every second (initial interval 1 s, coefficient 1); an attempt whose worker was killed is retried once its start-to-close timeout (8 s) has passed, since the scenario sets no heartbeat timeout.',
    'A SIGKILL ends a process, not the machine: what SQLite or PostgreSQL had written stays in the operating system\'s page cache, so a power loss could lose more than a SIGKILL shows.',
    'server-postgres runs every service of temporal-server in one process, as one machine allows; a production cluster runs them as separate processes, usually several of each, which this matrix does not cover.',
  ],
  unavailable(config) {
    if (config === DEV_SERVER) return null;
    if (config !== POSTGRES) return 'no such configuration';
    if (!findFullServerBinary('server') || !findFullServerBinary('sqlTool')) return 'temporal-server and temporal-sql-tool are not installed here (TEMPORAL_SERVER_BIN, TEMPORAL_SQL_TOOL_BIN, PATH or .tools/bin)';
    if (!findPostgresBin()) return 'PostgreSQL is not installed here (Debian: apt-get install postgresql)';
    return null;
  },
  deploy,
};
