/**
 * WF-03 · Parallel / fan-out
 *
 * Question: do steps started together really run at the same time? How long does a fan-out take against the
 * sum of its steps, in what order do results come back, and is there a "first one wins" mode?
 *
 * How: five steps of 2 s each (each holds inside the step) are started with `Promise.all`; the ledger records
 * when each began and ended, so the makespan can be compared with the sum. The steps finish in reverse order of
 * their position, to see whether results keep the order of the code. Then `group.parallel({ mode: 'race' })`
 * runs a fast and a slow step, and the probe records which value wins.
 */
import { group, Inngest } from 'inngest';
import { defineProbe, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'wf-03' });
const WIDTH = 5;
const STEP_MS = 2_000;

const fanOut = inngest.createFunction({ id: 'wf-03-fan-out', triggers: [{ event: 'probe/wf-03.fan-out' }] }, async ({ step }) => {
  const results = await Promise.all(
    Array.from({ length: WIDTH }, (_, i) =>
      step.run(`resize image ${i}`, async () => {
        record('step began', { i });
        await hold(STEP_MS + (WIDTH - i) * 100); // later positions finish first
        record('step ended', { i });
        return i;
      }),
    ),
  );
  record('results', results);
});

const race = inngest.createFunction({ id: 'wf-03-race', triggers: [{ event: 'probe/wf-03.race' }] }, async ({ step }) => {
  const winner = await group.parallel({ mode: 'race' }, () =>
    Promise.race([
      step.run('ask the slow mirror', async () => (await hold(3_000), 'slow')),
      step.run('ask the fast mirror', async () => (await hold(300), 'fast')),
    ]),
  );
  record('race winner', { winner });
  return winner;
});

export default defineProbe({
  id: 'WF-03',
  question: 'Do parallel steps overlap (makespan vs sum), in what result order, and is there a race mode?',
  budgetMs: 60_000,
  exclusive: true, // measures overlap; neighbours would steal the cores
  client: inngest,
  functions: [fanOut, race],

  async run(t) {
    const [run] = await t.waitForRuns(await t.send('probe/wf-03.fan-out'));
    t.check('fan-out run completed', 'COMPLETED', (await t.waitForEnd(run!.id)).status);
    const began = t.ledger.entries('step began').map((e) => e.at);
    const ended = t.ledger.entries('step ended').map((e) => e.at);
    const makespan = Math.max(...ended) - Math.min(...began);
    const sum = t.ledger.entries('step ended').reduce((acc, e) => {
      const i = (e.data as { i: number }).i;
      const start = t.ledger.entries('step began').find((b) => (b.data as { i: number }).i === i)!.at;
      return acc + (e.at - start);
    }, 0);
    t.metric('fan-out: makespan', 'ms', makespan);
    t.metric('fan-out: sum of step durations', 'ms', sum);
    t.metric('fan-out: spread of step start times', 'ms', Math.max(...began) - Math.min(...began));
    t.check(`the ${WIDTH} steps overlapped (makespan under half the sum)`, `< ${Math.round(sum / 2)} ms (half of ${sum} ms)`, `${makespan} ms`, makespan < sum / 2);
    t.check('each step ran once', WIDTH, began.length);
    t.check('results keep the order of the code, not of completion', [[0, 1, 2, 3, 4]], t.ledger.entries('results').map((e) => e.data));

    const [raceRun] = await t.waitForRuns(await t.send('probe/wf-03.race'));
    const raced = await t.waitForEnd(raceRun!.id);
    t.check('race mode: the faster step wins', 'fast', raced.output);
  },
});
