/**
 * PF-03 · Payload size limits
 *
 * Question: how large can an event, a step's output and a run's whole state really be on this server, what
 * happens just past each limit, and how does that compare with the documented limits (events 256 KiB on the free
 * plan and 3 MiB on paid plans, step output 4 MB, run state 32 MB, 1,000 steps)?
 *
 * How: bisection. Events of growing size are sent until the server refuses one; a step returns strings of growing
 * size until its run fails; a run accumulates 3 MiB step outputs until it fails. Each boundary is narrowed to a
 * few percent, and the error at the first failing size is recorded.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'pf-03' });
const KiB = 1024;
const MiB = 1024 * KiB;
const CHUNK = 3 * MiB;
const MAX_CHUNKS = 16;
/** The documented limit on a run's whole state (32 MB, which the server enforces as 32 MiB). */
const STATE_LIMIT = 32 * MiB;

const bigOutput = inngest.createFunction({ id: 'pf-03-big-output', triggers: [{ event: 'probe/pf-03.output' }], retries: 0 }, async ({ event, step }) => {
  const blob = await step.run('make blob', () => 'x'.repeat(Number(event.data.size)));
  return blob.length;
});

const growingState = inngest.createFunction({ id: 'pf-03-growing-state', triggers: [{ event: 'probe/pf-03.state' }], retries: 0 }, async ({ step }) => {
  for (let i = 0; i < MAX_CHUNKS; i++) {
    await step.run(`chunk ${i}`, () => (record('chunk stored', { i }), 'y'.repeat(CHUNK)));
  }
});

/** Largest size in [low, high) for which `fits` holds, to within `precision` (relative). Assumes fits(low). */
async function bisect(low: number, high: number, precision: number, fits: (size: number) => Promise<boolean>): Promise<number> {
  while ((high - low) / high > precision) {
    const mid = Math.floor((low + high) / 2);
    if (await fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

export default defineProbe({
  id: 'PF-03',
  question: 'What are the real limits of event size, step output and run state here, and what happens past them?',
  budgetMs: 180_000,
  client: inngest,
  functions: [bigOutput, growingState],

  async run(t) {
    const mib = (bytes: number) => `${(bytes / MiB).toFixed(2)} MiB`;

    // 1. Event payload.
    let eventError = '';
    const sendFits = async (size: number) =>
      t.send('probe/pf-03.sized', { blob: 'e'.repeat(size) }).then(
        () => true,
        (e: Error) => ((eventError = e.message), false),
      );
    const eventLimit = await bisect(64 * KiB, 64 * MiB, 0.02, sendFits);
    t.metric('largest event accepted', 'MiB', eventLimit / MiB);
    t.note(`Event just past the limit: ${eventError.slice(0, 240)}`);
    t.check('event size: the largest event accepted, against the documented free-plan 256 KiB and the 64 MiB tried', '≥ 0.25 MiB and < 64 MiB', mib(eventLimit), eventLimit >= 256 * KiB && eventLimit < 64 * MiB);

    // 2. One step's output.
    let outputError = '';
    const outputFits = async (size: number) => {
      const [run] = await t.waitForRuns(await t.send('probe/pf-03.output', { size }));
      const ended = await t.waitForEnd(run!.id, { timeoutMs: 30_000 });
      if (ended.status !== 'COMPLETED') outputError = JSON.stringify(ended.error ?? ended.status);
      return ended.status === 'COMPLETED';
    };
    const outputLimit = await bisect(MiB, 32 * MiB, 0.03, outputFits);
    t.metric('largest step output that completed', 'MiB', outputLimit / MiB);
    t.note(`Step output just past the limit: ${outputError.slice(0, 240)}`);
    t.check('step output: the limit is near the documented 4 MB', `about 4 MB (3.5–4.5 MiB)`, mib(outputLimit), outputLimit > 3.5 * MiB && outputLimit < 4.5 * MiB);

    // 3. The whole run's state, grown 3 MiB at a time.
    const [stateRun] = await t.waitForRuns(await t.send('probe/pf-03.state'));
    const stateEnd = await t.waitForEnd(stateRun!.id, { timeoutMs: 90_000 });
    const stored = t.ledger.count('chunk stored');
    t.metric('run state reached before the run ended', 'MiB', (stored * CHUNK) / MiB);
    t.note(`Run state growth ended as ${stateEnd.status}: ${JSON.stringify(stateEnd.error ?? null).slice(0, 240)}`);
    // Stopped near the documented limit: not a chunk before it, and at most two chunks past it (the chunk that
    // crossed it, and the next, refused).
    const [stateLow, stateHigh] = [STATE_LIMIT - CHUNK, STATE_LIMIT + 2 * CHUNK];
    t.check(
      'run state: the run is stopped near the documented 32 MB',
      `FAILED between ${stateLow / MiB} and ${stateHigh / MiB} MiB`,
      `${stateEnd.status} after ${mib(stored * CHUNK)}`,
      stateEnd.status === 'FAILED' && stored * CHUNK >= stateLow && stored * CHUNK <= stateHigh,
    );
  },
});
