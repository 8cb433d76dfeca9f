/**
 * DX-05 · Error messages / debugging (Temporal)
 *
 * Question: when something goes wrong, what does the developer see, and where? The shape of a thrown error as it
 * reaches the client (the failure chain: name, message, stack, cause), and the messages for common mistakes: a
 * non-deterministic workflow, an activity the worker does not have, a workflow type the worker does not have,
 * an activity without a timeout, a payload that cannot be serialised, and an activity called directly from
 * workflow code. Does each message say what to do?
 *
 * How: an activity throws an error with a cause and the client awaits the result; the mistakes are made for real
 * on the dev server. For each, the probe reads what the client got, what the history recorded (failure events),
 * and what the worker logged, and keeps the message verbatim.
 */
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { defineProbe, record } from '../harness/index.ts';

class PaymentDeclined extends Error {
  override name = 'PaymentDeclined';
}

export const activities = {
  async chargeCard(): Promise<void> {
    throw new PaymentDeclined('card declined by issuer', { cause: new Error('insufficient funds') });
  },
  async reserveStock(): Promise<void> {
    record('stock reserved');
  },
};

/** How long the probe waits for a stuck workflow to show its failure. */
const WATCH_MS = 8_000;

/** Does a message point the developer at a fix (an instruction, or a link to the docs)? The Inngest probe's test. */
const actionable = (message: string) => /https?:\/\/|should|use |must|instead|make sure|ensure|belong|avoid/i.test(message);

/** The chain of an error's causes: name and message of each. */
function chain(error: unknown): { name: string; message: string; type?: string }[] {
  const out: { name: string; message: string; type?: string }[] = [];
  for (let e = error as (Error & { type?: string; cause?: unknown }) | undefined; e && out.length < 6; e = e.cause as typeof e) {
    out.push({ name: e.name, message: e.message, ...(e.type ? { type: e.type } : {}) });
  }
  return out;
}

export default defineProbe({
  id: 'DX-05',
  question: 'What does a thrown error look like when it reaches the client, and do common mistakes get messages that say what to do?',
  budgetMs: 90_000,
  workflows: new URL('./dx-05-error-messages.workflows.ts', import.meta.url),
  activities,
  // Without a cache every workflow task replays from the start, so the non-deterministic branch shows at once.
  worker: { maxCachedWorkflows: 0 },

  async run(t) {
    const start = (type: string, name: string) => t.client.workflow.start(type, { taskQueue: t.taskQueue, workflowId: t.workflowId(name) });
    /** The first failure message the history recorded for a workflow that is stuck, waiting for it a while. */
    const stuckFailure = async (handle: WorkflowHandle) => {
      const deadline = Date.now() + WATCH_MS;
      for (;;) {
        const failed = (await t.history(handle)).find((e) => e.type === 'WORKFLOW_TASK_FAILED');
        if (failed || Date.now() > deadline) {
          const status = (await handle.describe()).status.name;
          await handle.terminate('DX-05: seen enough').catch(() => {});
          return { status, cause: failed?.cause ?? 'none', message: failed?.failure ?? `no WORKFLOW_TASK_FAILED within ${WATCH_MS} ms` };
        }
        await t.pause(250, 'poll the history');
      }
    };
    const mistakes: [string, string][] = [];

    // 1. The shape of a thrown error, as the client receives it.
    const thrown = await start('checkout', 'checkout').then((h) => h.result()).then(() => null, (e: unknown) => e);
    const links = chain(thrown);
    t.check('thrown error: the client gets the failure chain', ['Workflow execution failed', 'Activity task failed', 'card declined by issuer', 'insufficient funds'], links.map((l) => l.message));
    const original = links[2] as { name: string; message: string; type?: string } | undefined;
    t.check('thrown error: name and message kept', { type: 'PaymentDeclined', message: 'card declined by issuer' }, { type: original?.type, message: original?.message });
    const stack = String(((thrown as Error).cause as Error | undefined)?.cause && (((thrown as Error).cause as Error).cause as Error).stack);
    const probeFrame = stack.split('\n').find((line) => line.includes('dx-05-error-messages.ts'));
    t.check('thrown error: stack kept, pointing at the probe file', 'a frame in dx-05-error-messages.ts', probeFrame?.trim().replace(/^.*\/src\/probes\//, 'src/probes/') ?? stack.split('\n').slice(0, 2).join(' / '), probeFrame !== undefined);
    t.check('thrown error: cause kept', 'insufficient funds', links[3]?.message ?? 'no cause');
    t.note(`The failure chain as the client got it: ${links.map((l) => `${l.name}${l.type ? ` (${l.type})` : ''}: ${l.message}`).join(' ← ')}`);

    // 2. Non-determinism: the workflow task fails, the workflow waits; where does the message appear?
    const mark = t.worker.output().length;
    const nondeterministic = await stuckFailure(await start('branchy', 'branchy'));
    t.check('non-deterministic code: the workflow task fails with', 'NON_DETERMINISTIC_ERROR', nondeterministic.cause);
    t.check('non-deterministic code: the run meanwhile', 'RUNNING', nondeterministic.status);
    mistakes.push(['non-deterministic workflow code', nondeterministic.message]);
    const logged = t.worker.sdkLines(/nondetermin/i, mark);
    t.check('non-deterministic code: the worker logs it', 'a line about non-determinism', logged[0]?.slice(0, 300) ?? 'nothing', logged.length > 0);

    // 3. An activity the worker does not have.
    const unregistered = await start('refund', 'refund').then((h) => h.result()).then(() => null, (e: unknown) => e);
    mistakes.push(['an activity the worker does not register', chain(unregistered).map((l) => l.message).join(' ← ')]);

    // 4. A workflow type the worker does not have: the workflow task fails, the workflow waits.
    const unknownType = await stuckFailure(await start('chargeTwice', 'unknown-type'));
    mistakes.push(['a workflow type the worker does not have', `${unknownType.status}; history: ${unknownType.message}`]);

    // 5. An activity with no timeout.
    const untimed = await stuckFailure(await start('noTimeout', 'no-timeout'));
    mistakes.push(['an activity with no timeout', `${untimed.status}; history: ${untimed.message}`]);

    // 6. A payload the default converter cannot carry.
    const payload = await t.client.workflow
      .start('checkout', { taskQueue: t.taskQueue, workflowId: t.workflowId('bigint'), args: [10n] })
      .then(async (h) => (await h.terminate('DX-05'), 'accepted'), (e: Error) => `${e.name}: ${e.message}`);
    mistakes.push(['a BigInt argument', payload]);

    // 7. An activity called directly from workflow code: the worker's bundler refuses the module.
    // The thrown error is general; the bundler's details go to the logger, as they would to a worker's log.
    const bundlerSaid: string[] = [];
    const direct = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./dx-05-error-messages.direct-call.workflows.ts', import.meta.url)),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn: (m: string) => void bundlerSaid.push(m), error: (m: string) => void bundlerSaid.push(m) },
    }).then(() => 'bundled without error', (e: Error) => `${e.name}: ${e.message}`);
    const detail = bundlerSaid.join('\n').split('\n');
    const firstError = detail.findIndex((line) => line.startsWith('ERROR in'));
    const importedVia = detail.filter((line) => line.startsWith(' @ ')).map((line) => line.trim().split(' ')[1]?.replace(/^.*\//, '')).slice(0, 4);
    t.note(`The bundler's log for the direct call: ${firstError < 0 ? 'no ERROR line' : `${detail[firstError]} ${detail[firstError + 1]}`}; imported through: ${importedVia.join(' ← ')}`);
    mistakes.push(['an activity imported and called directly in a workflow', direct]);

    for (const [mistake, message] of mistakes) {
      t.check(`${mistake}: the message says what to do`, 'an error with an instruction or a docs link', message.slice(0, 500), message !== 'accepted' && message !== 'bundled without error' && actionable(message));
    }
  },
});
