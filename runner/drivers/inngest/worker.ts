/** Starts, kills and restarts a probe's worker process, and syncs it with the server. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEDGER_ENV } from '../../../src/probes/core/ledger.ts';
import { alive, freePort, halt, readLog, request, track, waitForHttp } from '../../core/process.ts';
import { CONNECTED_LINE, type Transport } from './worker-protocol.ts';

const WORKER_MAIN = fileURLToPath(new URL('./worker-main.ts', import.meta.url));
const SERVE_PATH = '/api/inngest';
const READY_TIMEOUT_MS = 20_000;

export interface WorkerOptions {
  probeFile: string;
  /** What the worker needs to reach the server in its current mode (URL, dev flag, keys). */
  serverEnv: () => Record<string, string>;
  ledgerFile: string;
  logFile: string;
}

/** One probe's worker: a child process serving the probe's functions on a fixed free port. */
export class Worker {
  private child: ChildProcess | null = null;
  private port = 0;
  private log: WriteStream;
  /** The probe's own environment of the last start, kept for restarts that name none. */
  private lastEnv: Record<string, string> = {};
  private lastTransport: Transport = 'serve';

  constructor(private readonly options: WorkerOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get running(): boolean {
    return alive(this.child);
  }

  /** The probe's own environment of the last start. */
  get env(): Record<string, string> {
    return this.lastEnv;
  }

  /** How the worker reached the server at its last start. */
  get transport(): Transport {
    return this.lastTransport;
  }

  /** The URL the server calls to run steps. */
  get serveUrl(): string {
    return `http://127.0.0.1:${this.port}${SERVE_PATH}`;
  }

  /**
   * Starts the worker (on the same port as before, if it ran already) and syncs its functions; with the
   * `connect` transport, waits until its connection to the server is active instead. With `sync: false` it only
   * waits until the app answers, and leaves finding it to the server.
   */
  async start(env: Record<string, string> = this.lastEnv, transport: Transport = this.lastTransport, options: { sync?: boolean } = {}): Promise<void> {
    if (this.running) throw new Error('the worker is already running');
    this.lastEnv = env;
    this.lastTransport = transport;
    if (!this.port) this.port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...env,
        PROBE_FILE: this.options.probeFile,
        PROBE_PORT: String(this.port),
        PROBE_TRANSPORT: transport,
        [LEDGER_ENV]: this.options.ledgerFile,
        ...this.options.serverEnv(),
      },
    });
    this.log.write(`--- worker start (pid ${child.pid}) ${JSON.stringify(env)}\n`);
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    track(child);
    this.child = child;
    if (transport === 'connect') return this.waitForConnection(child);
    // Any answer means it listens: in self-hosted mode an unsigned GET is refused with 401, as it should be.
    await waitForHttp(this.serveUrl, READY_TIMEOUT_MS, 'The probe worker', true);
    if (options.sync !== false) await this.sync();
  }

  private waitForConnection(child: ChildProcess): Promise<void> {
    return new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`the connect() worker did not connect within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      child.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes(CONNECTED_LINE)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the connect() worker exited with code ${code} before connecting`));
      });
    });
  }

  /** Asks the SDK to register the app's functions with the server (what `PUT /api/inngest` does). */
  async sync(): Promise<void> {
    const res = await request(this.serveUrl, { method: 'PUT' });
    const body = await res.text();
    if (!res.ok) throw new Error(`Syncing the worker failed: HTTP ${res.status} ${body}`);
  }

  /** What the worker processes printed so far. */
  output(): string {
    return readLog(this.options.logFile);
  }

  /** SIGKILL: the process ends at once, mid-step if a step is running. */
  async kill(): Promise<void> {
    await halt(this.child, 'SIGKILL');
  }

  /** Kills the worker, if running, and closes its log. */
  async stop(): Promise<void> {
    await this.kill();
    this.child = null;
    this.log.end();
  }
}
