/**
 * SG-01 · External signals (Temporal)
 *
 * Question: can something outside a workflow steer it while it runs, and how fast? Temporal's messages are
 * signals (fire and forget), signal-with-start (start the workflow if it is not running, then signal it) and
 * updates (a request the workflow handles and answers). And can a workflow signal another one from inside, as
 * Inngest's `step.sendEvent` starts another function?
 *
 * How: one workflow takes a series of signals, then a series of updates, one at a time; the probe notes when it
 * sent each, and the handler writes to the ledger when workflow code sees it, so send → handler is measured per
 * message (the ledger's time is the worker's clock, on the same machine). For updates the probe also times the
 * round trip until the result is back. Then a series of signal-with-start calls, each on a new workflow id, are
 * timed the same way; last, one workflow signals another from inside.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { defineProbe } from '../harness/index.ts';
import { addItem, payment } from './sg-01-external-signals.workflows.ts';

const SIGNALS = 30;
const UPDATES = 30;
const SIGNAL_WITH_STARTS = 20;

export default defineProbe({
  id: 'SG-01',
  question: 'How fast do signals, signal-with-start and updates reach a running workflow, and can a workflow signal another?',
  budgetMs: 90_000,
  workflows: new URL('./sg-01-external-signals.workflows.ts', import.meta.url),
  activities: {},

  async run(t) {
    const handledAt = (effect: string, seq: number) => t.ledger.entries(effect).find((e) => (e.data as { seq: number }).seq === seq)!.at;

    // 1. Signals, one at a time, to a workflow that is already waiting.
    const collector: WorkflowHandle = await t.client.workflow.start('collect', { taskQueue: t.taskQueue, workflowId: t.workflowId('collector'), args: [SIGNALS + UPDATES] });
    const signalLatency: number[] = [];
    for (let seq = 1; seq <= SIGNALS; seq++) {
      const sentAt = Date.now();
      await collector.signal(payment, { seq, amount: seq * 10 });
      await t.ledger.waitFor('signal handled', seq);
      signalLatency.push(handledAt('signal handled', seq) - sentAt);
    }
    t.metric('signal sent → handler ran', 'ms', signalLatency);

    // 2. Updates, one at a time: to the handler, and the round trip until the result is back.
    const updateLatency: number[] = [];
    const roundTrip: number[] = [];
    const results: number[] = [];
    for (let seq = SIGNALS + 1; seq <= SIGNALS + UPDATES; seq++) {
      const sentAt = Date.now();
      results.push(await collector.executeUpdate(addItem, { args: [{ seq }] }));
      roundTrip.push(Date.now() - sentAt);
      updateLatency.push(handledAt('update handled', seq) - sentAt);
    }
    t.metric('update sent → handler ran', 'ms', updateLatency);
    t.metric('update round trip (sent → result back)', 'ms', roundTrip);
    t.check('every update returned its result (messages held after each)', Array.from({ length: UPDATES }, (_, i) => SIGNALS + 1 + i), results);
    const seen = await collector.result();
    t.check('the workflow saw every message once, in the order sent', Array.from({ length: SIGNALS + UPDATES }, (_, i) => i + 1), seen);
    const recorded = (await t.history(collector)).filter((e) => e.type === 'WORKFLOW_EXECUTION_SIGNALED' || e.type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED');
    t.check('signals and updates recorded in the history', { signals: SIGNALS, updates: UPDATES }, {
      signals: recorded.filter((e) => e.type === 'WORKFLOW_EXECUTION_SIGNALED').length,
      updates: recorded.filter((e) => e.type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED').length,
    });

    // 3. Signal-with-start: each call starts a new workflow and hands it the signal.
    const swsLatency: number[] = [];
    const swsResults: unknown[] = [];
    for (let seq = 1; seq <= SIGNAL_WITH_STARTS; seq++) {
      const sentAt = Date.now();
      const handle = await t.client.workflow.signalWithStart('order', { taskQueue: t.taskQueue, workflowId: t.workflowId(`order-${seq}`), signal: payment, signalArgs: [{ seq, amount: 100 + seq }] });
      await t.ledger.waitFor('signal-with-start handled', seq);
      swsLatency.push(handledAt('signal-with-start handled', seq) - sentAt);
      swsResults.push(await handle.result());
    }
    t.metric('signal-with-start sent → handler ran (new workflow)', 'ms', swsLatency);
    t.check('signal-with-start: each new workflow got its signal', SIGNAL_WITH_STARTS, swsResults.filter((r, i) => (r as { seq: number }).seq === i + 1).length);

    // 4. A workflow signals another from inside.
    const target = await t.client.workflow.start('collect', { taskQueue: t.taskQueue, workflowId: t.workflowId('target'), args: [1] });
    await t.client.workflow.execute('notifier', { taskQueue: t.taskQueue, workflowId: t.workflowId('notifier'), args: [target.workflowId] });
    t.check('a workflow signalled another from inside; the target resumed with its data', [0], await target.result());
    t.check('the signal the target got, as its history records it', 'payment', (await t.history(target)).find((e) => e.type === 'WORKFLOW_EXECUTION_SIGNALED')?.name ?? 'no signal');
  },
});
