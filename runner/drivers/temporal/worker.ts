/** Starts, kills and restarts a Temporal probe's worker process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEDGER_ENV } from '../../../src/probes/core/ledger.ts';
import { alive, halt, readLog, track } from '../../core/process.ts';
import { READY_LINE, WORKER_OPTIONS_ENV } from './worker-protocol.ts';

const WORKER_MAIN = fileURLToPath(new URL('./worker-main.ts', import.meta.url));
const READY_TIMEOUT_MS = 30_000;

export interface WorkerOptions {
  probeFile: string;
  /** The bundled workflow code of each deployment, by label. */
  bundles: (deployment: string) => Promise<string>;
  address: () => string;
  namespace: string;
  taskQueue: string;
  ledgerFile: string;
  logFile: string;
}

/** One probe's worker process. */
export class TemporalWorker {
  private child: ChildProcess | null = null;
  private log: WriteStream;
  private lastDeployment = 'v1';
  private lastEnv: Record<string, string> = {};
  private lastOptions: Record<string, unknown> = {};
  /** How long each start took, from spawn to the worker about to poll (ms). */
  readonly startMs: number[] = [];

  constructor(private readonly options: WorkerOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get running(): boolean {
    return alive(this.child);
  }

  /** The pid of the worker process while it runs. */
  get pid(): number | null {
    return this.running ? (this.child?.pid ?? null) : null;
  }

  get taskQueue(): string {
    return this.options.taskQueue;
  }

  get deployment(): string {
    return this.lastDeployment;
  }

  async start(options: { deployment?: string; env?: Record<string, string>; options?: Record<string, unknown> } = {}): Promise<void> {
    if (this.running) throw new Error('the worker is already running');
    this.lastDeployment = options.deployment ?? this.lastDeployment;
    this.lastEnv = options.env ?? this.lastEnv;
    this.lastOptions = options.options ?? this.lastOptions;
    const codePath = await this.options.bundles(this.lastDeployment);
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...this.lastEnv,
        PROBE_FILE: this.options.probeFile,
        PROBE_WORKFLOW_BUNDLE: codePath,
        TEMPORAL_ADDRESS: this.options.address(),
        TEMPORAL_NAMESPACE: this.options.namespace,
        PROBE_TASK_QUEUE: this.options.taskQueue,
        [WORKER_OPTIONS_ENV]: JSON.stringify(this.lastOptions),
        [LEDGER_ENV]: this.options.ledgerFile,
      },
    });
    this.log.write(`--- worker start (pid ${child.pid}) deployment ${this.lastDeployment} ${JSON.stringify(this.lastEnv)} ${JSON.stringify(this.lastOptions)}\n`);
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    track(child);
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`the Temporal worker was not ready within ${READY_TIMEOUT_MS} ms; see ${this.options.logFile}`)), READY_TIMEOUT_MS);
      child.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes(READY_LINE)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the Temporal worker exited with code ${code} before it was ready; see ${this.options.logFile}`));
      });
    });
    this.startMs.push(performance.now() - started);
  }

  output(): string {
    return readLog(this.options.logFile);
  }

  /** SIGKILL: the process ends at once, mid-activity if one is running. */
  async kill(): Promise<void> {
    await halt(this.child, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await this.kill();
    this.child = null;
    this.log.end();
  }
}
