/**
 * PF-02 · Fan-out throughput (Temporal)
 *
 * Question: how many workflows and activities per second does one dev server with one worker complete as fan-out
 * grows: 1, 10, 100 and 500 workflows started at the same moment?
 *
 * How: each workflow runs three small activities one after the other, each recording when it ran. For every size
 * the probe starts all the workflows at once (concurrent `client.workflow.start` calls, not one after another),
 * then waits for every result, and measures from the first start to the last result. Workflows/s and
 * activities/s follow. The server runs on the dev server's own default (state in memory), the worker with the
 * SDK's default concurrency; both are in the provenance.
 */
import { defineProbe, record } from '../harness/index.ts';

const STEPS_PER_RUN = 3;
const SIZES = [1, 10, 100, 500];

export const activities = {
  async part(round: string, i: number): Promise<void> {
    record('step done', { round, i });
  },
};

export default defineProbe({
  id: 'PF-02',
  question: 'How do workflows/s and activities/s scale when 1, 10, 100 and 500 workflows are started at once?',
  budgetMs: 180_000,
  exclusive: true, // a throughput measurement
  needs: { mode: 'in-memory' },
  workflows: new URL('./pf-02-fan-out-throughput.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // Warm-up: one workflow, unmeasured, so the first round does not pay for connections and caches.
    await t.client.workflow.execute('work', { taskQueue: t.taskQueue, workflowId: t.workflowId('warm-up'), args: ['warm-up', STEPS_PER_RUN] });

    const rates: Record<number, number> = {};
    for (const size of SIZES) {
      const round = `fan-out ${size}`;
      const started = performance.now();
      // Every start in flight at once: the server sees the burst as it comes, not paced by our round trips.
      const handles = await Promise.all(Array.from({ length: size }, (_, n) =>
        t.client.workflow.start('work', { taskQueue: t.taskQueue, workflowId: t.workflowId(`${size}-${n}`), args: [round, STEPS_PER_RUN] })));
      const startedAll = performance.now() - started;
      const outcomes = await Promise.all(handles.map((h) => h.result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${e.message}`)));
      const elapsedS = (performance.now() - started) / 1000;
      const steps = t.ledger.entries('step done').filter((e) => (e.data as { round: string }).round === round).length;

      rates[size] = size / elapsedS;
      t.metric(`${round}: runs per second`, 'workflows/s', size / elapsedS);
      t.metric(`${round}: steps per second`, 'activities/s', steps / elapsedS);
      t.metric(`${round}: first start to last result`, 'ms', elapsedS * 1000);
      t.metric(`${round}: all starts acknowledged`, 'ms', startedAll);
      t.check(`${round}: every workflow completed`, size, outcomes.filter((o) => o === 'COMPLETED').length);
      t.check(`${round}: every step of every run ran once`, size * STEPS_PER_RUN, steps);
    }
    // Throughput rises with concurrency if the engine overlaps workflows; it stays flat if it serialises them.
    t.check('fan-out 100: more runs per second than fan-out 1', 'fan-out 100 > fan-out 1',
      { 'fan-out 1': Number(rates[1]!.toFixed(1)), 'fan-out 100': Number(rates[100]!.toFixed(1)) }, rates[100]! > rates[1]!);
  },
});
