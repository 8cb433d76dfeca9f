/**
 * VR-04 · Schema evolution (Temporal)
 *
 * Question: what happens to payloads recorded in one shape when code expecting another reads them? Temporal keeps
 * workflow inputs, signals and results in the history as payloads (JSON by default, through the data converter),
 * with no schema registry: nothing checks a payload's shape but the code. An added, removed, renamed and retyped
 * field: what does new code see, what fails, and where?
 *
 * How: sign-ups start on v1 with `{ name, plan, amount: "12.50" }` and wait. The worker is redeployed with v2
 * (`fullName` instead of `name`, new optional `locale`, no `plan`, `amount` a number) read naively; the waiting
 * workflows go on and the probe records what they return, or how they fail. Then v2 with a versioned input (an
 * upgrade function) is deployed, and the blocked ones go on. The probe also starts a workflow with a payload
 * missing a field (the compiler would refuse it; the server does not), and reads a payload's encoding in the history.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { defineProbe } from '../harness/index.ts';
import { proceed, type SignUpV1 } from './vr-04-schema-evolution.workflows.ts';
import type { welcome as welcomeV2 } from './vr-04-schema-evolution.v2.workflows.ts';

const OLD: SignUpV1 = { name: 'Aiko', plan: 'pro', amount: '12.50' };
const WATCH_MS = 15_000;

/** Never called: the typed client refuses a v2 payload without `fullName` at compile time. */
const typeOnly = (t: { client: import('@temporalio/client').Client }) =>
  // @ts-expect-error `fullName` is required by the v2 input type
  t.client.workflow.start<typeof welcomeV2>('welcome', { taskQueue: 'none', workflowId: 'none', args: [{ amount: 1 }] });
void typeOnly;

export default defineProbe({
  id: 'VR-04',
  question: 'What do added, removed, renamed and retyped payload fields do to in-flight workflows after a redeploy, and where is a wrong shape rejected?',
  budgetMs: 90_000,
  workflows: new URL('./vr-04-schema-evolution.workflows.ts', import.meta.url),
  deployments: {
    v2: new URL('./vr-04-schema-evolution.v2.workflows.ts', import.meta.url),
    upgrading: new URL('./vr-04-schema-evolution.upgrading.workflows.ts', import.meta.url),
  },
  activities: {},
  worker: { stickyQueueScheduleToStartTimeout: '1 second' },

  async run(t) {
    const start = (type: string, name: string, input: unknown): Promise<WorkflowHandle> =>
      t.client.workflow.start(type, { taskQueue: t.taskQueue, workflowId: t.workflowId(name), args: [input] });
    const failedTask = async (h: WorkflowHandle) => {
      const deadline = Date.now() + WATCH_MS;
      for (;;) {
        const failed = (await t.history(h)).find((e) => e.type === 'WORKFLOW_TASK_FAILED');
        if (failed || Date.now() > deadline) return failed ? `${failed.cause}: ${failed.failure}` : 'no failed workflow task';
        await t.pause(250, 'poll the history');
      }
    };

    // 1. v1 payloads, recorded in the history, workflows waiting.
    const oldWelcome = await start('welcome', 'old-welcome', OLD);
    const oldInvoice = await start('firstInvoice', 'old-invoice', OLD);
    const events = (await oldWelcome.fetchHistory()).events ?? [];
    const input = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const encoding = new TextDecoder().decode(input?.metadata?.encoding ?? new Uint8Array());
    t.check('the input as the history keeps it: encoding', 'json/plain', encoding);
    t.check('the input as the history keeps it: data', JSON.stringify(OLD), new TextDecoder().decode(input?.data ?? new Uint8Array()));

    // 2. Redeploy v2, read naively: the old payload meets the new shape.
    await t.worker.kill();
    await t.worker.start({ deployment: 'v2' });
    await oldWelcome.signal(proceed);
    await oldInvoice.signal(proceed);
    const seen = (await oldWelcome.result()) as { greeting: string; locale: string; keys: string[] };
    t.check('renamed field (name → fullName) read by v2 from an old payload', 'Welcome, undefined', seen.greeting);
    t.check('added optional field (locale) absent from an old payload', 'default', seen.locale);
    t.check('removed field (plan) still in the old payload v2 reads: its keys', ['amount', 'name', 'plan'], seen.keys);
    const retyped = await failedTask(oldInvoice);
    t.check('retyped field (amount string → number): the workflow task fails', 'WORKFLOW_WORKER_UNHANDLED_FAILURE with a TypeError', retyped, retyped.startsWith('WORKFLOW_WORKER_UNHANDLED_FAILURE') && retyped.includes('toFixed'));
    t.check('retyped field: the run', 'RUNNING', (await oldInvoice.describe()).status.name);

    // 3. A wrong shape reaches the server unchecked: a v2 payload without `fullName` starts a workflow.
    const broken = await start('welcome', 'broken', { amount: 5 });
    await broken.signal(proceed);
    t.check('payload missing a required field: accepted by the server, read as', 'Welcome, undefined', ((await broken.result()) as { greeting: string }).greeting);

    // 4. v2 with a versioned input: the blocked workflow goes on; old and new payloads side by side.
    await t.worker.kill();
    await t.worker.start({ deployment: 'upgrading' });
    const done = await Promise.race([oldInvoice.result(), t.pause(WATCH_MS, 'wait for the unblocked workflow').then(() => 'not finished')]);
    t.check('retyped field, after the upgrading code is deployed: run output', 'charged 12.50', done);
    const mixed = await Promise.all([start('welcome', 'mixed-old', OLD), start('welcome', 'mixed-new', { fullName: 'Ren', locale: 'ja-JP', amount: 12.5 })]);
    for (const h of mixed) await h.signal(proceed);
    const [fromOld, fromNew] = (await Promise.all(mixed.map((h) => h.result()))) as { greeting: string; locale: string }[];
    t.check('versioned input: old and new payloads side by side', ['Welcome, Aiko (default)', 'Welcome, Ren (ja-JP)'], [`${fromOld!.greeting} (${fromOld!.locale})`, `${fromNew!.greeting} (${fromNew!.locale})`]);
  },
});
