/**
 * OP-01 · Deployment model (Temporal)
 *
 * Question: what does a Temporal deployment consist of, and what runs here? A production Temporal Service is four
 * services (frontend, history, matching, worker) over a database (PostgreSQL, MySQL or Cassandra) and a
 * visibility store; your code runs in long-lived worker processes that poll the server. The dev server
 * (`temporal server start-dev`) packs all four services into one process over SQLite.
 *
 * How: the probe looks at the dev server the runner started, from the outside: how many processes it is, which
 * TCP ports it listens on, its memory and threads, which services report metrics from it, and what the server says
 * about its own stores (`GetClusterInfo`). It runs a burst of workflows through it and the worker process, measures
 * memory again, and restarts the server to time start to ready.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { defineProbe, record } from '../harness/index.ts';

const BURST = 50;
const RESTARTS = 3;

export const activities = {
  async greet(name: string) {
    record('greeted', { name });
    return `hello, ${name}`;
  },
};

/** Resident memory of a process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** Threads of a process (Linux /proc). */
function threads(pid: number): number {
  return readdirSync(`/proc/${pid}/task`).length;
}

/** The process and all its descendants (Linux /proc): what "one process" really is. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent's pid; the command name before it may contain spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** The TCP addresses a process listens on (Linux /proc: its socket inodes matched against /proc/net/tcp). */
function listening(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  const out: string[] = [];
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/net/${table}`, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A' || !inodes.has(cols[9]!)) continue; // 0A = LISTEN
      const [hexIp, hexPort] = cols[1]!.split(':');
      const ip = hexIp!.length === 8 ? hexIp!.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join('.') : `[${hexIp}]`;
      out.push(`${ip}:${parseInt(hexPort!, 16)}`);
    }
  }
  return out.sort();
}

export default defineProbe({
  id: 'OP-01',
  question: 'What does a Temporal deployment consist of, and how much is the dev server that runs here?',
  budgetMs: 90_000,
  workflows: new URL('./op-01-deployment-model.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const pid = t.server.pid ?? t.skip('the server was not started by the runner (an external server), so its process cannot be inspected');

    // 1. The server from the outside: processes, ports, memory, threads.
    const tree = processTree(pid);
    t.check('dev server: processes (the server and every child it started)', 1, tree.length);
    const ports = listening(pid);
    const port = (address: string) => address.split(':').at(-1)!;
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const flagged = (flag: string) => args[args.indexOf(flag) + 1] ?? '';
    const onCommandLine = new Set(['--port', '--http-port', '--metrics-port'].map(flagged));
    t.note(`The UI port (--ui-port ${flagged('--ui-port')}) stays closed: the runner starts the server with --headless.`);
    const internal = ports.filter((a) => !onCommandLine.has(port(a)));
    t.check(
      'dev server: TCP ports it listens on, all on loopback',
      'the gRPC frontend, the HTTP API and metrics from its flags, and internal ports of its services; all 127.0.0.1',
      ports.map((a) => (internal.includes(a) ? `${a} (not set by a flag)` : a)),
      ports.every((a) => a.startsWith('127.0.0.1:')) && ports.some((a) => port(a) === port(t.server.address)),
    );
    t.metric('dev server: TCP ports it listens on', 'ports', ports.length);
    t.metric('dev server: memory (RSS), idle', 'MB', rssMb(pid));
    t.metric('dev server: threads, idle', 'threads', threads(pid));

    // 2. Which services run inside it: the four services each report metrics under their own name.
    const metrics = await (await fetch(t.server.metricsUrl)).text();
    const services = [...new Set([...metrics.matchAll(/service_name="([a-z_]+)"/g)].map((m) => m[1]!))].sort();
    const four = ['frontend', 'history', 'matching', 'worker'];
    t.check('dev server: services reporting metrics from the one process', four, services.filter((s) => four.includes(s)));
    t.note(`Every service_name label in its metrics: ${services.join(', ')}.`);

    // 3. What the server says about itself and its stores.
    const info = await t.client.workflowService.getClusterInfo({});
    t.check(
      'GetClusterInfo: persistence and visibility store',
      { persistenceStore: 'sqlite', visibilityStore: 'sqlite' },
      { persistenceStore: info.persistenceStore, visibilityStore: info.visibilityStore },
    );
    t.note(`GetClusterInfo: server ${info.serverVersion}, cluster "${info.clusterName}", ${info.historyShardCount} history shard(s).`);

    // 4. Work through it: a burst of workflows, each with one activity on the worker process.
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) => t.client.workflow.execute('hello', { taskQueue: t.taskQueue, workflowId: t.workflowId(`hello-${i}`), args: [`run ${i}`] })),
    );
    t.metric(`${BURST} workflows, one activity each: start to all completed`, 'ms', Date.now() - started);
    t.check(`${BURST} workflows with one activity each complete through the server and one worker process`, BURST, results.filter((r, i) => r === `hello, run ${i}`).length);
    t.metric(`dev server: memory (RSS) after ${BURST} workflows`, 'MB', rssMb(pid));
    t.metric(`dev server: threads after ${BURST} workflows`, 'threads', threads(pid));
    if (t.worker.pid) t.metric('worker process: memory (RSS)', 'MB', rssMb(t.worker.pid));

    // 5. Start to ready: restarts of the same server on its state file.
    const before = t.server.startMs.length;
    for (let i = 0; i < RESTARTS; i++) await t.server.restart();
    t.metric('dev server: start to ready (spawn to the default namespace answering)', 'ms', t.server.startMs.slice(before));
    const again = await t.client.workflow.execute('hello', { taskQueue: t.taskQueue, workflowId: t.workflowId('after-restarts'), args: ['after restarts'] });
    t.check('a workflow runs after the restarts (the worker reconnected by itself)', 'hello, after restarts', again);
    t.check('dev server after a restart: still one process', 1, processTree(t.server.pid!).length);
  },
});
