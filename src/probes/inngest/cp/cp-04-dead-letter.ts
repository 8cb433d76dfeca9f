/**
 * CP-04 · Dead letter
 *
 * Question: where do runs go when they fail for good? Can they be found by status through the API, do the
 * failure handler and the function-failed system event carry the error, and can failed runs be replayed in bulk?
 *
 * How: a few runs of a function fail (no retries). The function's `onFailure` handler and a separate function
 * triggered by the system event `inngest/function.failed` record what they receive. The probe lists runs by
 * status through the API, and, after deploying a fix, reruns every failed run it found: one call each, since this
 * server's run API has a per-run rerun and no bulk replay.
 */
import { Inngest } from 'inngest';
import { defineProbe, deployment, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'cp-04' });
const FAILURES = 3;

const syncInvoice = inngest.createFunction(
  {
    id: 'cp-04-sync-invoice',
    triggers: [{ event: 'probe/cp-04.invoice' }],
    retries: 0,
    onFailure: async ({ error, event }) => {
      record('onFailure received', { message: error.message, invoice: event.data.event.data.invoice });
    },
  },
  async ({ event, step }) => {
    return step.run('push to accounting', () => {
      if (deployment() === 'v1') throw new Error(`accounting API refused invoice ${event.data.invoice}`);
      record('invoice pushed', { invoice: event.data.invoice });
      return 'pushed';
    });
  },
);

/**
 * A dead-letter handler: every function failure in the environment arrives as an event; this one keeps the
 * invoice function's (the server's function id joins the app id and the function id).
 */
const deadLetters = inngest.createFunction(
  { id: 'cp-04-dead-letters', triggers: [{ event: 'inngest/function.failed', if: "event.data.function_id == 'cp-04-cp-04-sync-invoice'" }] },
  async ({ event }) => {
    record('function.failed event', { functionId: event.data.function_id, message: event.data.error?.message, runId: event.data.run_id });
  },
);

export default defineProbe({
  id: 'CP-04',
  question: 'Are failed runs findable by status, do failure handlers get the error, and can failed runs be replayed?',
  budgetMs: 90_000,
  client: inngest,
  functions: [syncInvoice, deadLetters],

  async run(t) {
    // 1. Several runs fail.
    const failedRunIds: string[] = [];
    for (let i = 0; i < FAILURES; i++) {
      const [run] = await t.waitForRuns(await t.send('probe/cp-04.invoice', { invoice: `INV-${i}` }));
      await t.waitForEnd(run!.id);
      failedRunIds.push(run!.id);
    }

    // 2. Both failure channels fire once per failed run, carrying the error.
    const handlers = await t.ledger.waitFor('onFailure received', FAILURES);
    const events = await t.ledger.waitFor('function.failed event', FAILURES);
    t.check('onFailure handler calls', FAILURES, handlers.length);
    const handlerMessages = handlers.map((h) => String((h.data as { message: string }).message));
    t.check('onFailure got the error message', 'each containing "accounting API refused"', handlerMessages, handlerMessages.every((m) => m.includes('accounting API refused')));
    t.check('function.failed events', FAILURES, events.length);
    const carried = events.map((e) => {
      const d = e.data as { message?: string; runId?: string };
      return { message: String(d.message).slice(0, 80), runId: failedRunIds.includes(String(d.runId)) ? 'one of the failed runs' : String(d.runId) };
    });
    t.check(
      'function.failed carries the message and run id',
      'each: "accounting API refused…", one of the failed runs',
      carried,
      carried.every((c) => c.message.includes('accounting API refused') && c.runId === 'one of the failed runs'),
    );
    t.note(`A function.failed event carried: ${JSON.stringify(events[0]?.data)}`);

    // 3. Find the failed runs by status through the API.
    const listed = await t.listRuns('FAILED', 'cp-04-sync-invoice');
    t.check('failed runs listed by status', [...failedRunIds].sort(), [...listed].sort());

    // 4. Replay: rerun each failed run after a fix.
    await t.worker.kill();
    await t.worker.start({ PROBE_DEPLOYMENT: 'v2' });
    const started = performance.now();
    const reruns = await Promise.all(listed.map((id) => t.rerun(id)));
    const finished = await Promise.all(reruns.map((id) => t.waitForEnd(id)));
    t.metric('rerun all failed runs, one API call each, to all completed', 'ms', performance.now() - started);
    t.check('every failed run replayed to completion', Array(FAILURES).fill('COMPLETED'), finished.map((r) => r.status));
  },
});
