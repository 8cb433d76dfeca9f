/**
 * WF-03 · Parallel / fan-out (Temporal)
 *
 * Question: do activities started together with `Promise.all` really run at the same time? How long does a fan-out
 * take against the sum of its activities, in what order do the results come back, what does the worker's
 * `maxConcurrentActivityTaskExecutions` do to it, and what happens to the loser of a `Promise.race`?
 *
 * How: a workflow starts five activities of about 2 s each (each holds inside the activity; later positions finish
 * first) with `Promise.all`; the ledger records when each began and ended, so the makespan can be compared with the
 * sum and the most in flight at once counted. The same fan-out runs again on a worker restarted with
 * `maxConcurrentActivityTaskExecutions: 2`. Then a workflow races a fast and a slow activity with `Promise.race`,
 * and the probe records the winner and whether the slow one still ran to its end.
 */
import { defineProbe, hold, record, type LedgerEntry } from '../harness/index.ts';

const WIDTH = 5;
const STEP_MS = 2_000;
/** The worker's activity slots in the second round. */
const SLOTS = 2;

export const activities = {
  async resizeImage(round: string, i: number, width: number): Promise<number> {
    record('activity began', { round, i });
    await hold(STEP_MS + (width - i) * 100); // later positions finish first
    record('activity ended', { round, i });
    return i;
  },
  async askMirror(name: string, ms: number): Promise<string> {
    record('mirror asked', { name });
    await hold(ms);
    record('mirror answered', { name });
    return name;
  },
};

/** The most intervals [began, ended] that overlap at any instant. */
function maxInFlight(began: LedgerEntry[], ended: LedgerEntry[]): number {
  const edges = [...began.map((e) => ({ at: e.at, d: 1 })), ...ended.map((e) => ({ at: e.at, d: -1 }))].sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (now += edge.d));
  return most;
}

export default defineProbe({
  id: 'WF-03',
  question: 'Do activities started with Promise.all overlap (makespan vs sum), in what result order, and what limits them?',
  budgetMs: 60_000,
  exclusive: true, // measures overlap; neighbours would steal the cores
  workflows: new URL('./wf-03-parallel.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const ofRound = (effect: string, round: string) => t.ledger.entries(effect).filter((e) => (e.data as { round: string }).round === round);
    const fanOut = async (round: string) => {
      const h = await t.client.workflow.start('fanOut', { taskQueue: t.taskQueue, workflowId: t.workflowId(round), args: [round, WIDTH] });
      const results = await h.result();
      const began = ofRound('activity began', round);
      const ended = ofRound('activity ended', round);
      const makespan = Math.max(...ended.map((e) => e.at)) - Math.min(...began.map((e) => e.at));
      const sum = ended.reduce((acc, e) => acc + e.at - began.find((b) => (b.data as { i: number }).i === (e.data as { i: number }).i)!.at, 0);
      const starts = began.map((e) => e.at);
      return { results, makespan, sum, spread: Math.max(...starts) - Math.min(...starts), most: maxInFlight(began, ended), began: began.length };
    };

    // 1. Five activities on a worker with its default slots.
    const open = await fanOut('default slots');
    t.metric('fan-out: makespan', 'ms', open.makespan);
    t.metric('fan-out: sum of activity durations', 'ms', open.sum);
    t.metric('fan-out: spread of activity start times', 'ms', open.spread);
    t.check(`the ${WIDTH} activities overlapped (makespan under half the sum)`, `< ${Math.round(open.sum / 2)} ms (half of ${open.sum} ms)`, `${open.makespan} ms`, open.makespan < open.sum / 2);
    t.check('each activity ran once', WIDTH, open.began);
    t.check('most activities in flight at once', WIDTH, open.most);
    t.check('results keep the order of the code, not of completion', [0, 1, 2, 3, 4], open.results);

    // 2. The same fan-out on a worker with two activity slots.
    await t.worker.kill();
    await t.worker.start({ options: { maxConcurrentActivityTaskExecutions: SLOTS } });
    const narrow = await fanOut('two slots');
    t.metric(`fan-out with maxConcurrentActivityTaskExecutions ${SLOTS}: makespan`, 'ms', narrow.makespan);
    t.check(`maxConcurrentActivityTaskExecutions ${SLOTS}: most activities in flight at once`, SLOTS, narrow.most);
    t.check(`maxConcurrentActivityTaskExecutions ${SLOTS}: makespan, three waves of about ${STEP_MS} ms`, `≥ ${3 * STEP_MS} ms`, `${narrow.makespan} ms`, narrow.makespan >= 3 * STEP_MS);
    t.check(`maxConcurrentActivityTaskExecutions ${SLOTS}: results still in the order of the code`, [0, 1, 2, 3, 4], narrow.results);

    // 3. A race: the fast activity wins; is the slow one stopped?
    const raced = await t.client.workflow.start('race', { taskQueue: t.taskQueue, workflowId: t.workflowId('race') });
    t.check('Promise.race: the faster activity wins', 'fast', await raced.result());
    await t.pause(3_500, 'give the losing activity time to finish, if it is left running');
    const answered = t.ledger.entries('mirror answered').map((e) => (e.data as { name: string }).name);
    t.check('Promise.race: the losing activity still ran to its end (nothing cancels it)', ['fast', 'slow'], answered);
    const events = (await t.history(raced)).map((e) => e.type);
    t.note(`The race workflow's history: ${events.join(', ')}`);
  },
});
