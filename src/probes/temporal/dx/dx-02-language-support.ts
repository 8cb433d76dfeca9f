/**
 * DX-02 · Language support (Temporal)
 *
 * Question: which languages can use Temporal, and what crosses between them? Can a program in another language
 * start a TypeScript workflow and do the work of one of its activities?
 *
 * How: this harness runs TypeScript workers only, but the `temporal` CLI is a Go program that speaks the same
 * API as every SDK. The CLI starts the TypeScript workflow by its type name with JSON input (no TypeScript types
 * involved); the workflow schedules an activity on a task queue no TypeScript worker polls, as it would for a
 * worker written in Python or Go; the CLI completes that activity with a JSON result, playing that worker. The
 * probe reads the payloads as the server stored them. The list of official SDKs comes from Temporal's
 * documentation (cited in the rationale).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { defineProbe } from '../harness/index.ts';
import { PRICING_QUEUE_SUFFIX } from './dx-02-language-support.workflows.ts';

/** The `temporal` CLI this machine has: `$TEMPORAL_BIN`, else the first on `PATH` (the runner's own rule). */
function temporalCli(): string {
  if (process.env.TEMPORAL_BIN) return process.env.TEMPORAL_BIN;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, 'temporal'))) return join(dir, 'temporal');
  throw new Error('no temporal CLI on PATH or in TEMPORAL_BIN');
}

export default defineProbe({
  id: 'DX-02',
  question: 'Which SDKs exist, and can a program in another language start a TypeScript workflow and do its activity?',
  budgetMs: 30_000,
  workflows: new URL('./dx-02-language-support.workflows.ts', import.meta.url),
  activities: {},

  async run(t) {
    const cli = (...args: string[]) => promisify(execFile)(temporalCli(), [...args, '--address', t.server.address, '--namespace', 'default']).then((r) => r.stdout);
    const workflowId = t.workflowId('quote');
    const pricingQueue = `${t.taskQueue}${PRICING_QUEUE_SUFFIX}`;

    // 1. A Go program (the CLI) starts the TypeScript workflow by name, with JSON arguments.
    await cli('workflow', 'start', '--type', 'quote', '--task-queue', t.taskQueue, '--workflow-id', workflowId, '--input', '"acme"', '--input', JSON.stringify(pricingQueue));
    const handle = t.client.workflow.getHandle(workflowId);

    // 2. The workflow schedules the activity on the other language's queue; the CLI completes it with JSON.
    const deadline = Date.now() + 10_000;
    while (!(await t.history(handle)).some((e) => e.type === 'ACTIVITY_TASK_SCHEDULED') && Date.now() < deadline) await t.pause(200, 'wait for the activity to be scheduled');
    const completed = await cli('activity', 'complete', '--workflow-id', workflowId, '--activity-id', 'price', '--result', JSON.stringify({ price: 12.5, currency: 'EUR' })).then(
      () => 'completed',
      (e: Error & { stderr?: string }) => `refused: ${(e.stderr ?? e.message).trim().slice(0, 300)}`,
    );
    t.check('the CLI (Go) completes the activity the TypeScript workflow scheduled', 'completed', completed);
    const result = await Promise.race([handle.result(), t.pause(10_000, 'wait for the workflow').then(() => 'not finished within 10 s')]);
    t.check('the workflow started by name from another language finishes with the JSON result', 'acme: 12.5 EUR', result);

    // 3. What crossed: the payloads as the server stored them.
    const events = (await handle.fetchHistory()).events ?? [];
    const input = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes)?.activityTaskScheduledEventAttributes;
    const completedEvent = events.find((e) => e.activityTaskCompletedEventAttributes)?.activityTaskCompletedEventAttributes;
    const show = (p?: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null } | null) =>
      p ? `${Buffer.from(p.metadata?.encoding ?? []).toString()} ${Buffer.from(p.data ?? []).toString()}` : 'none';
    t.check('payloads on the wire: the workflow input', ['json/plain "acme"', `json/plain ${JSON.stringify(pricingQueue)}`], input.map(show));
    t.check('payloads on the wire: the activity input (TypeScript to the other language)', 'json/plain {"sku":"widget","qty":3}', show(scheduled?.input?.payloads?.[0]));
    t.check('payloads on the wire: the activity result (the other language to TypeScript)', 'json/plain {"price":12.5,"currency":"EUR"}', show(completedEvent?.result?.payloads?.[0]));
    t.note(`The activity was scheduled as type ${scheduled?.activityType?.name} on task queue ${scheduled?.taskQueue?.name?.replace(t.taskQueue, '<trial queue>')}: a name and a queue are all another language's worker needs.`);
  },
});
