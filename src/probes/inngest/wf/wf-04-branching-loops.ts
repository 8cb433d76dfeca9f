/**
 * WF-04 · Branching / loops
 *
 * Question: does plain TypeScript control flow just work in a durable function? A branch taken on event data,
 * a step name reused inside a loop (memoized per iteration), a long loop of hundreds of steps, and what happens
 * when a run goes past the platform's limit on steps per run.
 *
 * How: one function takes a branch and loops over the same step name; another loops over N distinct steps, once
 * with a few hundred and once just past the documented limit of 1,000 steps per run, each with the SDK's
 * checkpointing on (the default) and off. The ledger counts the bodies that ran; the run's status and error tell
 * what the limit does.
 */
import { Inngest } from 'inngest';
import { defineProbe, record, type ProbeContext, type RunView } from '../harness/index.ts';

const inngest = new Inngest({ id: 'wf-04' });
const LONG = 300;
const PAST_LIMIT = 1_005;
/** Queue poll interval (ms) for the one-request-per-step run past the limit; the server's default is 150. */
const TICK_MS = 20;
/** How often a long run must show new steps in its trace while the probe waits for it to end. */
const PROGRESS_MS = 30_000;

const onboarding = inngest.createFunction({ id: 'wf-04-onboarding', triggers: [{ event: 'probe/wf-04.onboard' }] }, async ({ event, step }) => {
  if (event.data.plan === 'team') {
    await step.run('invite teammates', () => record('branch', { taken: 'team' }));
  } else {
    await step.run('send solo tips', () => record('branch', { taken: 'solo' }));
  }
  const sent: number[] = [];
  for (let day = 1; day <= 3; day++) {
    await step.sleep('wait a day', '1s');
    sent.push(await step.run('send daily email', () => (record('daily email', { day }), day)));
  }
  return sent;
});

/** N distinct steps in a loop; with and without the SDK's checkpointing (one request per step without). */
function longLoop(variant: string, checkpointing: boolean) {
  return inngest.createFunction(
    { id: `wf-04-long-loop-${variant}`, triggers: [{ event: `probe/wf-04.loop-${variant}` }], retries: 0, checkpointing },
    async ({ event, step }) => {
      let total = 0;
      for (let i = 0; i < Number(event.data.steps); i++) total += await step.run(`row ${i}`, () => i);
      record('loop finished', { variant, steps: event.data.steps, total });
      return total;
    },
  );
}
const variants = [
  { variant: 'checkpointing', checkpointing: true },
  { variant: 'per-step-requests', checkpointing: false },
];

/** Waits for a run to end for as long as its trace keeps growing; a run that stalls for PROGRESS_MS is an error. */
async function endWhileProgressing(t: ProbeContext, runId: string): Promise<RunView> {
  let spans = -1;
  for (;;) {
    const ended = await t.waitForEnd(runId, { timeoutMs: PROGRESS_MS }).catch(() => null);
    if (ended) return ended;
    const now = (await t.getTrace(runId)).children.length;
    if (now <= spans) throw new Error(`run ${runId} added no step in ${PROGRESS_MS} ms (${now} spans in its trace)`);
    spans = now;
  }
}

export default defineProbe({
  id: 'WF-04',
  question: 'Do branches and loops work, is a repeated step name memoized per iteration, and what happens past the step limit?',
  budgetMs: 420_000,
  client: inngest,
  functions: [onboarding, ...variants.map((v) => longLoop(v.variant, v.checkpointing))],

  async run(t) {
    // 1. A branch and a loop over one step name.
    const [flow] = await t.waitForRuns(await t.send('probe/wf-04.onboard', { plan: 'team' }));
    const flowEnd = await t.waitForEnd(flow!.id);
    t.check('branch: only the taken branch ran', ['team'], t.ledger.entries('branch').map((e) => (e.data as { taken: string }).taken));
    t.check('loop: one body per iteration, in order', [1, 2, 3], t.ledger.entries('daily email').map((e) => (e.data as { day: number }).day));
    t.check('loop: outputs memoized per iteration', [1, 2, 3], flowEnd.output);

    for (const { variant } of variants) {
      // 2. A long loop: a few hundred distinct steps.
      const started = performance.now();
      const [long] = await t.waitForRuns(await t.send(`probe/wf-04.loop-${variant}`, { steps: LONG }));
      const longEnd = await t.waitForEnd(long!.id, { timeoutMs: 90_000 });
      const elapsed = performance.now() - started;
      t.check(`${variant}: ${LONG} steps complete with the right total`, { status: 'COMPLETED', total: (LONG * (LONG - 1)) / 2 }, { status: longEnd.status, total: longEnd.output });
      t.metric(`${variant}: ${LONG} steps, send to completed`, 'ms', elapsed);
      t.metric(`${variant}: ${LONG} steps, per step`, 'ms', elapsed / LONG);

      // 3. Just past the documented limit of 1,000 steps per run. One request per step waits for the queue's
      // tick each time, so that variant runs on a server polling every TICK_MS to fit the budget.
      if (variant === 'per-step-requests') await t.server.restart({ mode: 'dev', flags: ['--tick', String(TICK_MS)] });
      const [past] = await t.waitForRuns(await t.send(`probe/wf-04.loop-${variant}`, { steps: PAST_LIMIT }));
      // A thousand steps one request each take minutes on a busy machine: the question is how the run ends, so wait
      // for its end as long as it keeps adding steps.
      const pastEnd = await endWhileProgressing(t, past!.id);
      const finished = t.ledger.entries('loop finished').some((e) => {
        const d = e.data as { variant: string; steps: number };
        return d.variant === variant && d.steps === PAST_LIMIT;
      });
      t.check(`${variant}: ${PAST_LIMIT} steps are stopped at the limit`, 'FAILED, loop unfinished', `${pastEnd.status}, loop ${finished ? 'finished' : 'unfinished'}`, pastEnd.status === 'FAILED' && !finished);
      if (pastEnd.error !== undefined) t.note(`${variant}: past the limit, the run's error: ${JSON.stringify(pastEnd.error).slice(0, 300)}`);
    }
  },
});
