/**
 * Temporal's side of the fault matrix: `temporal server start-dev` with its state in a SQLite file, and a worker,
 * as separate processes the core's fault injection kills and starts again on the same state file and ports. The
 * server's command line comes from the driver (`serverArgs`), so it is the one probes run.
 */
import { mkdirSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { scenario as scenarioFor, workflows } from '../../../src/faults/temporal/durability.ts';
import { LEDGER_ENV } from '../../../src/probes/core/ledger.ts';
import type { EngineConfig } from '../../../src/schema.ts';
import { managedProcess, type FaultLab, type FaultableProcess, type LabDeployment } from '../../core/faults.ts';
import { freePort, request } from '../../core/process.ts';
import { packageVersion } from '../../core/provenance.ts';
import { binaryVersion, findBinary, HOW_TO_GET_A_SERVER, maskFlags, NAMESPACE, serverArgs, versionLabel, type ServerPorts } from './driver.ts';
import { FAULT_WORKER_READY } from './fault-worker-main.ts';

const SCENARIO = 'src/faults/temporal/durability.ts';
const WORKER_MAIN = fileURLToPath(new URL('./fault-worker-main.ts', import.meta.url));
const CONFIGURATION = 'start-dev-state-file';

/** The workflow code, bundled once per run of the matrix: bundling takes seconds. */
let bundled: Promise<string> | null = null;

/** The bundler logs every module it packs at INFO; keep its warnings and errors only. */
const quietLogger = { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: (m: string) => console.warn(`[workflow bundler] ${m}`), error: (m: string) => console.error(`[workflow bundler] ${m}`) };

async function deploy(id: string, dir: string, ledgerFile: string, log: WriteStream): Promise<LabDeployment> {
  if (id !== CONFIGURATION) throw new Error(`no Temporal fault configuration "${id}"`);
  const bin = findBinary(process.env, process.cwd());
  if (!bin) throw new Error(HOW_TO_GET_A_SERVER);
  const serverDir = join(dir, 'server');
  mkdirSync(serverDir, { recursive: true });
  const ports: ServerPorts = { grpc: await freePort(), http: await freePort(), metrics: await freePort(), ui: await freePort() };
  const address = `127.0.0.1:${ports.grpc}`;
  const stateFile = join(serverDir, 'temporal.db');
  const args = serverArgs('state-file', [], ports).map((a) => (a === '<state-file>' ? stateFile : a));
  const shown = maskFlags(serverArgs('state-file', [], ports), ports);
  bundled ??= bundleWorkflowCode({ workflowsPath: fileURLToPath(workflows), logger: quietLogger }).then(({ code }) => code);
  const bundlePath = join(dir, 'workflows.js');
  writeFileSync(bundlePath, await bundled);
  const taskQueue = `faults-${id}-${ports.grpc}`;

  const workerSeen = new WeakMap<object, boolean>();
  const processes: FaultableProcess[] = [
    managedProcess({
      role: 'server', command: bin.path, args, shown: ['temporal', ...shown], cwd: serverDir, log,
      // The HTTP API answers for the default namespace once the frontend is up and the namespace is registered.
      ready: async () => (await request(`http://127.0.0.1:${ports.http}/api/v1/namespaces/${NAMESPACE}`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)),
    }),
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
    inProcess: {
      redis: 'the dev server has no Redis: its state lives in SQLite inside the server process',
      postgres: 'temporal server start-dev runs on SQLite only: its state file is written by the server process itself',
    },
    describe(): EngineConfig {
      return {
        engine: 'temporal', version: versionLabel(binaryVersion(bin.path)), source: 'started', mode: 'state-file', flags: shown,
        stateStore: 'temporal server start-dev --db-filename: SQLite in a file on disk (one process holds frontend, history, matching and worker services)',
        sdk: { package: '@temporalio/worker', version: packageVersion(process.cwd(), '@temporalio/worker') },
      };
    },
    async up() {
      for (const p of processes) await p.start();
      connection = await Connection.connect({ address });
      client = new Client({ connection, namespace: NAMESPACE });
    },
    async teardown() {
      await connection?.close().catch(() => {});
      for (const p of [...processes].reverse()) await p.kill();
      rmSync(dir, { recursive: true, force: true });
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
  configurations: [CONFIGURATION],
  omittedConfigurations: [
    {
      id: 'start-dev-postgres',
      reason: 'temporal server start-dev (CLI 1.5.1, server 1.29.1) configures SQLite as its only store (DefaultStore and VisibilityStore "sqlite-default"; no flag selects another), so Temporal on PostgreSQL needs the full server with its schema tools, which is not what the CLI runs; it is left out here.',
      source: 'https://github.com/temporalio/cli/blob/v1.5.1/temporalcli/devserver/server.go#L276-L284',
    },
  ],
  notes: [
    'Activities retry every second (initial interval 1 s, coefficient 1); an attempt whose worker was killed is retried once its start-to-close timeout (8 s) has passed, since the scenario sets no heartbeat timeout.',
    'A SIGKILL ends a process, not the machine: what SQLite had written stays in the operating system\'s page cache, so a power loss could lose more than a SIGKILL shows.',
  ],
  unavailable: (config) => (config === CONFIGURATION ? null : 'no such configuration'),
  deploy,
};
