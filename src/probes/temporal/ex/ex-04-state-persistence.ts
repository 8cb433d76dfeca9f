/**
 * EX-04 · State persistence (Temporal)
 *
 * Question: does a workflow's state (its completed activities, their results, its pending timer) survive a
 * restart of the Temporal server itself?
 *
 * How: a workflow completes an activity, then sleeps on a durable timer. While it sleeps the probe restarts the
 * dev server and waits to see whether the workflow wakes up and finishes with the earlier result intact. It does
 * this four ways: with the state file (`--db-filename`, the runner's baseline) restarted gracefully (SIGTERM),
 * the same killed with SIGKILL, the same with its file deleted before the start, and the dev server's default
 * (SQLite in memory, no file). Only the server restarts; the worker keeps running and reconnects by itself.
 * The timer's lateness is how long after its due time the workflow went on. The deleted file is a control: it
 * shows the state lived in that file and nowhere else.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { ServerMode } from '../harness/index.ts';
import { defineProbe, record } from '../harness/index.ts';

/** How long the workflow sleeps: long enough to restart the server inside it. */
const NAP_MS = 6_000;
/** How long to wait for a workflow to finish after the restart (the nap plus slack). */
const WAIT_AFTER_RESTART_MS = 20_000;

const CASES: { label: string; mode: ServerMode; kill: boolean; keepState: boolean }[] = [
  { label: 'state file, graceful restart', mode: 'state-file', kill: false, keepState: true },
  { label: 'state file, SIGKILL', mode: 'state-file', kill: true, keepState: true },
  { label: 'state file deleted, restart', mode: 'state-file', kill: false, keepState: false },
  { label: 'in memory (dev default), restart', mode: 'in-memory', kill: false, keepState: true },
];

export const activities = {
  async fetchQuote(label: string) {
    record('quote fetched', { label });
    return { label, price: 42 };
  },
  async placeOrder(label: string, quote: unknown) {
    record('order placed', { label, quote });
  },
};

export default defineProbe({
  id: 'EX-04',
  question: 'Do workflows and their activity results survive a restart of the Temporal server?',
  budgetMs: 150_000,
  workflows: new URL('./ex-04-state-persistence.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    let started = 0;
    for (const { label, mode, kill, keepState } of CASES) {
      const ofCase = (effect: string) => t.ledger.entries(effect).filter((e) => (e.data as { label: string }).label === label);

      // 1. The server in the mode under test; a workflow that has fetched its quote and is asleep.
      if (t.server.mode !== mode) await t.server.restart({ mode, keepState: false });
      const handle = await t.client.workflow.start('sleeper', { taskQueue: t.taskQueue, workflowId: t.workflowId(label.replace(/\W+/g, '-')), args: [label, NAP_MS] });
      await t.ledger.waitFor('quote fetched', ++started);
      let timerDue = 0;
      for (let i = 0; i < 50 && !timerDue; i++) {
        const fired = (await t.history(handle)).find((e) => e.type === 'TIMER_STARTED');
        if (fired) timerDue = fired.time + NAP_MS;
        else await t.pause(100, 'wait for the timer to be recorded');
      }

      // 2. Restart the server while the workflow sleeps.
      const restartedAt = Date.now();
      await t.server.restart({ kill, keepState });
      const back = Date.now();

      // 3. Does the server still know the workflow, and does it finish?
      const known = await t.client.workflow.getHandle(handle.workflowId).describe().then(
        (d) => d.status.name,
        (e: Error) => (e instanceof WorkflowNotFoundError ? 'not found' : `${e.name}: ${e.message.slice(0, 80)}`),
      );
      const outcome = known === 'not found'
        ? 'not found after the restart'
        : await Promise.race([
            t.client.workflow.getHandle(handle.workflowId).result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${e.message}`),
            t.pause(WAIT_AFTER_RESTART_MS, 'wait for the workflow to finish').then(() => `not ended within ${WAIT_AFTER_RESTART_MS} ms`),
          ]);
      const placed = ofCase('order placed');
      t.metric(`${label}: server down (stop to ready)`, 'ms', back - restartedAt);
      if (outcome === 'COMPLETED') {
        const events = await t.history(t.client.workflow.getHandle(handle.workflowId));
        const fired = events.find((e) => e.type === 'TIMER_FIRED');
        if (fired && timerDue) t.metric(`${label}: timer lateness after the restart`, 'ms', fired.time - timerDue);
        t.metric(`${label}: restart to workflow completed`, 'ms', (events.at(-1)?.time ?? Date.now()) - restartedAt);
      }

      t.note(`${label}: right after the restart the server reported the workflow as: ${known}`);
      if (keepState) t.check(`${label}: the sleeping run finishes after the restart`, 'COMPLETED', outcome);
      // A control: with its file deleted, the server must have lost the workflow, or its state lived elsewhere.
      else t.check(`${label} (control): the workflow is gone`, 'not found after the restart', outcome);
      if (outcome === 'COMPLETED') {
        t.check(`${label}: the step after the sleep ran once`, 1, placed.length);
        t.check(`${label}: the earlier step's output reached it intact`, { label, price: 42 }, (placed[0]?.data as { quote?: unknown } | undefined)?.quote ?? null);
        t.check(`${label}: the completed step was not redone`, 1, ofCase('quote fetched').length);
      } else {
        t.note(`${label}: the run did not resume (${outcome}); "fetch quote" ran ${ofCase('quote fetched').length} time(s), "place order" ${placed.length}.`);
      }
    }
  },
});
