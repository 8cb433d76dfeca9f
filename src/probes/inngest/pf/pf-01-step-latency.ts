/**
 * PF-01 · Step latency
 *
 * Question: what does one durable step cost, beyond the work inside it? The seed quotes about 10–50 ms per step
 * for Python. How does the TypeScript 4.x SDK compare, with its checkpointing on and off, and how much of the
 * cost is the server's queue polling interval (`--tick`)?
 *
 * How: a function runs many sequential no-op steps; each step records when it starts, so the gaps between
 * consecutive starts are the per-step overhead seen by the worker. The same is read from the run's trace. As a
 * floor, the probe times plain HTTP round trips to a loopback server in the same run. Each variant runs under
 * the default tick (150 ms) and again with `--tick 10`.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'pf-01' });
const STEPS = 40;
const ROUND_TRIPS = 200;

function chain(variant: string, checkpointing: boolean) {
  return inngest.createFunction({ id: `pf-01-chain-${variant}`, triggers: [{ event: `probe/pf-01.${variant}` }], checkpointing }, async ({ event, step }) => {
    for (let i = 0; i < STEPS; i++) await step.run(`no-op ${i}`, () => record('step start', { variant, tick: event.data.tick, i }));
  });
}
const variants = [
  { variant: 'checkpointing', checkpointing: true },
  { variant: 'per-step-requests', checkpointing: false },
];

export default defineProbe({
  id: 'PF-01',
  question: 'What is the per-step overhead, against a raw loopback round trip, with checkpointing on and off and per queue tick?',
  budgetMs: 120_000,
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
    const rttP50 = [...rtts].sort((a, b) => a - b)[Math.floor(rtts.length / 2)]!;

    for (const tick of [150, 10]) {
      await t.server.restart({ mode: 'dev', flags: tick === 150 ? [] : ['--tick', String(tick)] });
      for (const { variant } of variants) {
        const [run] = await t.waitForRuns(await t.send(`probe/pf-01.${variant}`, { tick }));
        const ended = await t.waitForEnd(run!.id, { timeoutMs: 60_000 });
        const starts = t.ledger.entries('step start').filter((e) => {
          const d = e.data as { variant: string; tick: number };
          return d.variant === variant && d.tick === tick;
        }).map((e) => e.at);
        const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
        t.check(`${variant}, tick ${tick} ms: ${STEPS} steps ran once each and completed`, { status: 'COMPLETED', steps: STEPS }, { status: ended.status, steps: starts.length });
        if (gaps.length) {
          t.metric(`${variant}, tick ${tick} ms: step-to-step (worker clock)`, 'ms', gaps);
          const p50 = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
          t.metric(`${variant}, tick ${tick} ms: p50 step overhead ÷ p50 loopback round trip`, '×', p50 / rttP50);
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
        if (traceGaps.length) t.metric(`${variant}, tick ${tick} ms: step-to-step (trace)`, 'ms', traceGaps);
      }
    }
  },
});
