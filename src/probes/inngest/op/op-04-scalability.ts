/**
 * OP-04 · Scalability
 *
 * Question: does adding worker processes add throughput, and what limits it on one machine?
 *
 * How: the same burst of runs is processed by one worker process and then by two. Two kinds of work are used,
 * because they scale differently in Node.js: a CPU-bound step (a busy loop, which blocks the process's only
 * JavaScript thread) and an I/O-bound step (a wait, during which one process can serve many runs). Several
 * processes share the work as `connect()` workers, each dialling the server; an HTTP `serve()` app would be
 * scaled behind a load balancer instead. Each run records the pid of the process that ran it.
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record, type LedgerEntry } from '../harness/index.ts';

const inngest = new Inngest({ id: 'op-04' });
const CPU_MS = 100; // per CPU-bound run
const IO_MS = 1_000; // per I/O-bound run
const RUNS = { cpu: 40, io: 300 };
/** The server's default number of executor workers (`inngest dev --help`). */
const DEFAULT_QUEUE_WORKERS = 100;

/** Burns CPU for `ms`, the way hashing, parsing or image work would. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const cpuBound = inngest.createFunction({ id: 'op-04-cpu', triggers: [{ event: 'probe/op-04.cpu' }] }, async ({ event, step }) => {
  await step.run('crunch', () => {
    busy(CPU_MS);
    record('cpu: done', { burst: event.data.burst });
  });
});

const ioBound = inngest.createFunction({ id: 'op-04-io', triggers: [{ event: 'probe/op-04.io' }] }, async ({ event, step }) => {
  await step.run('call an API', async () => {
    record('io: started', { burst: event.data.burst });
    await hold(IO_MS);
    record('io: done', { burst: event.data.burst });
  });
});

/** The most runs of a burst that were between "started" and "done" at the same moment. */
function peakInFlight(starts: LedgerEntry[], ends: LedgerEntry[], burst: string): number {
  const ofBurst = (e: LedgerEntry) => (e.data as { burst: string }).burst === burst;
  const events = [...starts.filter(ofBurst).map((e) => [e.at, 1] as const), ...ends.filter(ofBurst).map((e) => [e.at, -1] as const)];
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, delta] of events) peak = Math.max(peak, (now += delta));
  return peak;
}

export default defineProbe({
  id: 'OP-04',
  question: 'Does a second worker process add throughput for CPU-bound and for I/O-bound steps, and what limits it?',
  budgetMs: 240_000,
  exclusive: true, // measures throughput
  client: inngest,
  functions: [cpuBound, ioBound],

  async run(t) {
    const throughput: Record<string, number> = {};
    const peaks: Record<string, number> = {};
    /** Sends a burst of runs, waits for all of them, and records throughput and how the work was spread. */
    const measure = async (kind: 'cpu' | 'io', label: string, workers: number, pool = DEFAULT_QUEUE_WORKERS) => {
      const burst = `${kind}-${label}`;
      const effect = `${kind}: done`;
      const before = t.ledger.count(effect);
      const started = Date.now();
      await t.sendBatch(Array.from({ length: RUNS[kind] }, () => ({ name: `probe/op-04.${kind}`, data: { burst } })));
      const done = (await t.ledger.waitFor(effect, before + RUNS[kind], { timeoutMs: 90_000 })).filter((e) => (e.data as { burst: string }).burst === burst);
      throughput[burst] = RUNS[kind] / ((Math.max(...done.map((e) => e.at)) - started) / 1000);
      const perProcess = Object.values(Object.groupBy(done, (e) => String(e.pid))).map((entries) => entries!.length);
      t.metric(`${kind}-bound, ${label}: runs per second`, 'runs/s', throughput[burst]);
      t.metric(`${kind}-bound, ${label}: runs per process`, 'runs', perProcess);
      t.check(`${kind}-bound, ${label}: every run done`, RUNS[kind], done.length);
      t.check(`${kind}-bound, ${label}: work spread over every process`, workers, perProcess.length);
      if (kind === 'io') {
        const peak = peakInFlight(t.ledger.entries('io: started'), done, burst);
        t.metric(`io-bound, ${label}: most runs in flight at once`, 'runs', peak);
        peaks[burst] = peak;
        t.check(`io-bound, ${label}: runs in flight never above the server's executor pool (${pool})`, `≤ ${pool}`, peak, peak <= pool);
      }
    };

    for (const workers of [1, 2]) {
      await t.worker.scale(workers);
      for (const kind of ['cpu', 'io'] as const) await measure(kind, `${workers} worker process(es)`, workers);
    }
    // What bounds the I/O-bound case: the server's executor pool (`--queue-workers`, 100 by default).
    await t.server.restart({ flags: [`--queue-workers`, String(2 * DEFAULT_QUEUE_WORKERS)] });
    await measure('io', `2 worker process(es), --queue-workers ${2 * DEFAULT_QUEUE_WORKERS}`, 2, 2 * DEFAULT_QUEUE_WORKERS);

    // With the default pool and three times as many runs waiting, the pool is what binds: the peak comes close to
    // it (a lower peak would mean something else limits the runs). Raising the pool must raise the peak.
    const defaultPeak = peaks['io-2 worker process(es)']!;
    const floor = Math.floor(0.9 * DEFAULT_QUEUE_WORKERS);
    t.check(`io-bound, default pool: the peak comes within 10% of the pool (${DEFAULT_QUEUE_WORKERS})`, `${floor}–${DEFAULT_QUEUE_WORKERS}`, defaultPeak, defaultPeak >= floor && defaultPeak <= DEFAULT_QUEUE_WORKERS);
    const raisedPeak = peaks[`io-2 worker process(es), --queue-workers ${2 * DEFAULT_QUEUE_WORKERS}`]!;
    t.check(`io-bound: a pool of ${2 * DEFAULT_QUEUE_WORKERS} lets more runs into flight than the default`, `> ${defaultPeak}`, raisedPeak, raisedPeak > defaultPeak);

    const gain = (kind: string) => throughput[`${kind}-2 worker process(es)`]! / throughput[`${kind}-1 worker process(es)`]!;
    const cpuGain = gain('cpu');
    const ioGain = gain('io');
    t.metric('CPU-bound: throughput with two processes ÷ with one', 'ratio', cpuGain);
    t.metric('I/O-bound: throughput with two processes ÷ with one', 'ratio', ioGain);
    t.check('CPU-bound: throughput with two processes ÷ with one', '≥ 1.3', Number(cpuGain.toFixed(2)), cpuGain >= 1.3);
    const poolGain = throughput[`io-2 worker process(es), --queue-workers ${2 * DEFAULT_QUEUE_WORKERS}`]! / throughput['io-2 worker process(es)']!;
    t.metric('I/O-bound: throughput with twice the executor pool ÷ default', 'ratio', poolGain);
    // One process already overlaps many waits, so the ceiling lies elsewhere (the server's dispatch).
    t.note(`The ideal for one process is ${(1000 / CPU_MS).toFixed(0)} CPU-bound runs/s; I/O-bound runs are bounded by how many the server dispatches at once, not by the worker.`);
    await t.worker.scale(1);
  },
});
