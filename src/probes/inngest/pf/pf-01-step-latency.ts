/**
 * PF-01 · Step latency
 *
 * Question: what does one durable step cost, beyond the work inside it? The seed quotes about 10–50 ms per step
 * for Python. How does the TypeScript 4.x SDK compare, with its checkpointing on and off, how much of the cost is
 * the server's queue polling interval (`--tick`), and what does a step cost when the run state it writes is
 * durable?
 *
 * How: a function runs many sequential no-op steps; each step notes the worker's high-resolution clock
 * (`performance.timeOrigin + performance.now()`) as it starts, so the gaps between consecutive starts are the
 * per-step overhead seen by the worker. The same is read from the run's trace (millisecond timestamps). As a
 * floor, the probe times plain HTTP round trips to a loopback server in the same run. Each variant runs on the
 * dev server (run state in an in-process Redis, in memory) under the default tick (150 ms) and with `--tick 10`;
 * then on a self-hosted server (`inngest start`, tick 10) whose run state is in an external Redis, first without
 * persistence and then with an append-only file fsynced on every write, the most durable setting Redis has.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';
import type { ProbeContext } from '../harness/index.ts';

const inngest = new Inngest({ id: 'pf-01' });
const STEPS = 100;
const ROUND_TRIPS = 200;

function chain(variant: string, checkpointing: boolean) {
  return inngest.createFunction({ id: `pf-01-chain-${variant}`, triggers: [{ event: `probe/pf-01.${variant}` }], checkpointing }, async ({ event, step }) => {
    for (let i = 0; i < STEPS; i++) {
      await step.run(`no-op ${i}`, () => record('step start', { variant, config: event.data.config, i, hr: performance.timeOrigin + performance.now() }));
    }
  });
}
const variants = [
  { variant: 'checkpointing', checkpointing: true },
  { variant: 'per-step-requests', checkpointing: false },
];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The server configurations, in the order they run: what restart() gets, and the label the results carry. */
const configurations: { label: string; restart: Parameters<ProbeContext['server']['restart']>[0] }[] = [
  { label: 'tick 150 ms', restart: { mode: 'dev', flags: [] } },
  { label: 'tick 10 ms', restart: { mode: 'dev', flags: ['--tick', '10'] } },
  { label: 'self-hosted, Redis without persistence, tick 10 ms', restart: { mode: 'self-hosted', flags: ['--tick', '10'], redis: 'none' } },
  { label: 'self-hosted, Redis AOF fsync always, tick 10 ms', restart: { mode: 'self-hosted', flags: ['--tick', '10'], redis: 'aof-always' } },
];

export default defineProbe({
  id: 'PF-01',
  question: 'What is the per-step overhead, against a raw loopback round trip, with checkpointing on and off, per queue tick, and with durable run state?',
  budgetMs: 150_000,
  exclusive: true, // measures time
  client: inngest,
  functions: variants.map((v) => chain(v.variant, v.checkpointing)),

  async run(t) {
    // The floor: plain HTTP round trips on loopback, in this same run.
    const floor = await t.startDependency({ status: 200 });
    const rtts: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const started = performance.now();
      await (await fetch(floor.url)).text();
      rtts.push(performance.now() - started);
    }
    t.metric('floor: loopback HTTP round trip', 'ms', rtts);
    const rttP50 = median(rtts);

    const p50s: Record<string, number> = {};
    for (const { label: config, restart } of configurations) {
      if (restart?.mode === 'self-hosted' && !t.server.supports('self-hosted')) {
        t.note(`${config}: not measured, redis-server is not installed here.`);
        continue;
      }
      await t.server.restart(restart);
      for (const { variant } of variants) {
        const [run] = await t.waitForRuns(await t.send(`probe/pf-01.${variant}`, { config }));
        const ended = await t.waitForEnd(run!.id, { timeoutMs: 60_000 });
        const starts = t.ledger.entries('step start').filter((e) => {
          const d = e.data as { variant: string; config: string };
          return d.variant === variant && d.config === config;
        }).map((e) => (e.data as { hr: number }).hr);
        const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
        t.check(`${variant}, ${config}: ${STEPS} steps ran once each and completed`, { status: 'COMPLETED', steps: STEPS }, { status: ended.status, steps: starts.length });
        if (gaps.length) {
          const p50 = median(gaps);
          p50s[`${variant}, ${config}`] = p50;
          t.metric(`${variant}, ${config}: step-to-step (worker clock)`, 'ms', gaps);
          t.metric(`${variant}, ${config}: p50 step overhead ÷ p50 loopback round trip`, '×', p50 / rttP50);
        }
        // Without checkpointing the trace can hold two RUN spans per step (WF-01): keep each step's first start.
        const firstStart = new Map<string, number>();
        for (const s of (await t.getTrace(run!.id)).children) {
          if (s.stepOp !== 'RUN' || !s.startedAt) continue;
          const at = Date.parse(s.startedAt);
          if (!firstStart.has(s.name) || at < firstStart.get(s.name)!) firstStart.set(s.name, at);
        }
        const traceStarts = [...firstStart.values()].sort((a, b) => a - b);
        const traceGaps = traceStarts.slice(1).map((at, i) => at - traceStarts[i]!);
        if (traceGaps.length) t.metric(`${variant}, ${config}: step-to-step (trace)`, 'ms', traceGaps);
      }
    }

    // What durability costs: the same chain with run state fsynced on every write, against Redis without persistence.
    const none = p50s['per-step-requests, self-hosted, Redis without persistence, tick 10 ms'];
    const always = p50s['per-step-requests, self-hosted, Redis AOF fsync always, tick 10 ms'];
    if (none !== undefined && always !== undefined) {
      t.metric('per-step-requests, tick 10 ms: p50 with AOF fsync always − p50 without persistence', 'ms', always - none);
    }
    const round = (n: number | undefined) => (n === undefined ? 'not measured' : `${n.toFixed(2)} ms`);
    const tick150 = p50s['per-step-requests, tick 150 ms'];
    const tick10 = p50s['per-step-requests, tick 10 ms'];
    t.check('per-step-requests: the queue tick bounds the step (p50 within 80–120% of the 150 ms tick)', '120–180 ms', round(tick150), tick150 !== undefined && tick150 >= 120 && tick150 <= 180);
    t.check('per-step-requests: a 10 ms tick lowers the step below the 150 ms tick (p50)', '< tick 150 ms', { 'tick 150 ms': round(tick150), 'tick 10 ms': round(tick10) }, tick10 !== undefined && tick150 !== undefined && tick10 < tick150);
    const cp = p50s['checkpointing, tick 150 ms'];
    t.check('checkpointing: a step costs less than the queue tick (p50)', '< 150 ms', round(cp), cp !== undefined && cp < 150);
  },
});
