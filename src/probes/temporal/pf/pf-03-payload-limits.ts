/**
 * PF-03 · Payload size limits (Temporal)
 *
 * Question: what are the real limits on a workflow's input, on a step's (activity's) output and on a workflow's
 * history, and what does each error look like? Server 1.29.1 sets them in dynamic configuration: a payload ("blob")
 * over `limit.blobSize.error` (2 MiB) is refused, over `limit.blobSize.warn` (512 KiB) only logged; a history
 * longer than `limit.historyCount.error` events (51,200) or larger than `limit.historySize.error` (50 MiB)
 * terminates the workflow; the server suggests continue-as-new earlier (4,096 events or 4 MiB). Its frontend takes
 * gRPC messages of at most 4 MiB, gRPC's default.
 *
 * How: payloads of plain characters, 16 KiB under and over each limit, sent as a workflow's input and returned as
 * an activity's result, on the defaults. A workflow whose history grows by 1.5 MiB activity results runs until
 * the server stops it at the real 50 MiB. The event count limit is lowered for this probe (2,000 events, warnings
 * and the continue-as-new suggestion at 1,000) so that a workflow of parallel no-op activities reaches it in
 * seconds rather than minutes; the mechanism is the same one the default of 51,200 triggers.
 */
import proto from '@temporalio/proto';
import { defineProbe } from '../harness/index.ts';
import type { ProbeContext } from '../harness/index.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const MARGIN = 16 * KiB;
const BLOB_LIMIT = 2 * MiB;
const GRPC_LIMIT = 4 * MiB;
const HISTORY_SIZE_LIMIT = 50 * MiB;
const COUNT_LIMIT = 2000;
/** About how many events one batch of 100 parallel activities adds (three per activity, and workflow tasks). */
const BATCH_EVENTS = 400;
const COUNT_FLAGS = [
  '--dynamic-config-value', `limit.historyCount.error=${COUNT_LIMIT}`,
  '--dynamic-config-value', `limit.historyCount.warn=${COUNT_LIMIT / 2}`,
  '--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${COUNT_LIMIT / 2}`,
];

export const activities = {
  /** A step output of `bytes` characters. */
  async produce(bytes: number): Promise<string> {
    return 'x'.repeat(bytes);
  },
  async echo(bytes: number): Promise<string> {
    return 'x'.repeat(bytes);
  },
};

const errorText = (e: unknown): string => {
  const err = e as Error & { cause?: Error & { cause?: Error } };
  // A workflow failure wraps the activity failure, which wraps the server's reason: show the whole chain.
  return [err, err.cause, err.cause?.cause].filter(Boolean).map((x) => `${x!.name}: ${x!.message}`).join(' ← ');
};
const mib = (bytes: number) => Number((bytes / MiB).toFixed(2));

/** Runs a workflow to its end; resolves to 'COMPLETED' or to the error it ended with, verbatim. */
async function outcome(t: ProbeContext, workflow: string, name: string, args: unknown[]): Promise<string> {
  try {
    await t.client.workflow.execute(workflow, { taskQueue: t.taskQueue, workflowId: t.workflowId(name), args });
    return 'COMPLETED';
  } catch (e) {
    return errorText(e);
  }
}

/** The reason the server gave when it terminated a workflow, read from its close event alone. */
async function terminationReason(t: ProbeContext, workflowId: string): Promise<string> {
  const { history } = await t.client.workflowService.getWorkflowExecutionHistory({
    namespace: 'default', execution: { workflowId },
    historyEventFilterType: proto.temporal.api.enums.v1.HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT,
  });
  const close = history?.events?.[0];
  return close?.workflowExecutionTerminatedEventAttributes?.reason ?? `not terminated (${close?.eventType})`;
}

export default defineProbe({
  id: 'PF-03',
  question: 'What are the real limits on workflow input, activity output and history size and length, and what does each error say?',
  budgetMs: 150_000,
  needs: { mode: 'in-memory', flags: COUNT_FLAGS },
  workflows: new URL('./pf-03-payload-limits.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. Workflow input: under and over the 2 MiB blob limit, and over gRPC's 4 MiB message limit.
    const inputUnder = await outcome(t, 'takeInput', 'input-under', ['x'.repeat(BLOB_LIMIT - MARGIN)]);
    const inputOver = await outcome(t, 'takeInput', 'input-over', ['x'.repeat(BLOB_LIMIT + MARGIN)]);
    const inputGrpc = await outcome(t, 'takeInput', 'input-grpc', ['x'.repeat(GRPC_LIMIT + MARGIN)]);
    t.check('workflow input: 16 KiB under the 2 MiB blob limit is accepted', 'COMPLETED', inputUnder);
    t.check('workflow input: 16 KiB over the 2 MiB blob limit is refused', 'refused at start, naming the size limit', inputOver, /size exceeds limit/i.test(inputOver));
    t.check('workflow input: 16 KiB over the 4 MiB gRPC message limit is refused', 'refused at start, naming the message size', inputGrpc, inputGrpc !== 'COMPLETED');

    // 2. Step output: an activity's result under and over the blob limit, and over the gRPC limit.
    const outputUnder = await outcome(t, 'stepOutput', 'output-under', [BLOB_LIMIT - MARGIN]);
    const outputOver = await outcome(t, 'stepOutput', 'output-over', [BLOB_LIMIT + MARGIN]);
    const mark = t.worker.output().length;
    const outputGrpc = await outcome(t, 'stepOutput', 'output-grpc', [GRPC_LIMIT + MARGIN]);
    // The worker could not report that result: what its SDK said about it, first line only.
    const reported = t.worker.sdkLines(/larger than max|RESOURCE_EXHAUSTED|message length/i, mark)[0];
    t.note(`Step output over the gRPC limit, the worker's log: ${reported ? reported.slice(0, 400) : 'nothing matching'}`);
    t.check('step output: 16 KiB under the 2 MiB blob limit completes', 'COMPLETED', outputUnder);
    t.check('step output: 16 KiB over the 2 MiB blob limit fails the activity', 'the activity fails, naming the size limit', outputOver, /exceeds size limit/i.test(outputOver));
    t.check('step output: 16 KiB over the 4 MiB gRPC message limit fails the activity', 'the activity fails', outputGrpc, outputGrpc !== 'COMPLETED');

    // 3. History size, at the real 50 MiB: 1.5 MiB results, one at a time, until the server stops the workflow.
    const sizeId = t.workflowId('history-size');
    const bySize = await outcome(t, 'grow', 'history-size', [1, 1.5 * MiB, 60]);
    const sizeNotes = t.ledger.entries('history grown').map((e) => e.data as { historySize: number; historyLength: number; continueAsNewSuggested: boolean });
    const lastSize = Math.max(...sizeNotes.map((n) => n.historySize));
    const suggestedAtSize = sizeNotes.find((n) => n.continueAsNewSuggested)?.historySize;
    const described = await t.client.workflow.getHandle(sizeId).describe();
    t.check('history size: the workflow is terminated when its history reaches 50 MiB',
      { status: 'TERMINATED', reason: 'Workflow history size exceeds limit.', 'last size the workflow saw (MiB)': '≤ 50', 'size at termination (MiB)': '48–52' },
      { status: described.status.name, reason: await terminationReason(t, sizeId), 'last size the workflow saw (MiB)': mib(lastSize), 'size at termination (MiB)': mib(described.historySize ?? 0) },
      // Within one step of the limit either side: the server may stop the workflow on the write that would cross it.
      described.status.name === 'TERMINATED' && lastSize <= HISTORY_SIZE_LIMIT && Math.abs((described.historySize ?? 0) - HISTORY_SIZE_LIMIT) <= 2 * MiB);
    t.check('history size: continue-as-new suggested once the history passes 4 MiB', '4–6 MiB', suggestedAtSize === undefined ? 'never' : `${mib(suggestedAtSize)} MiB`,
      suggestedAtSize !== undefined && suggestedAtSize >= 4 * MiB && suggestedAtSize <= 6 * MiB);
    t.note(`History size: the workflow ended as "${bySize}" after ${sizeNotes.length} results of 1.5 MiB.`);

    // 4. History length, at the limit lowered for this probe: batches of 100 parallel no-op activities.
    const before = sizeNotes.length;
    const countId = t.workflowId('history-count');
    const byCount = await outcome(t, 'grow', 'history-count', [100, 1, 50]);
    const countNotes = t.ledger.entries('history grown').slice(before).map((e) => e.data as { historyLength: number; continueAsNewSuggested: boolean });
    const lastLength = Math.max(...countNotes.map((n) => n.historyLength));
    const suggestedAtLength = countNotes.find((n) => n.continueAsNewSuggested)?.historyLength;
    const counted = await t.client.workflow.getHandle(countId).describe();
    t.check(`history length: the workflow is terminated when its history reaches ${COUNT_LIMIT} events (limit lowered here)`,
      { status: 'TERMINATED', reason: 'Workflow history count exceeds limit.', 'last length the workflow saw': `≤ ${COUNT_LIMIT}`, 'length at termination': `${COUNT_LIMIT - BATCH_EVENTS}–${COUNT_LIMIT + BATCH_EVENTS}` },
      { status: counted.status.name, reason: await terminationReason(t, countId), 'last length the workflow saw': lastLength, 'length at termination': counted.historyLength },
      // Within one batch of the limit either side: the server may stop the workflow on the write that would cross it.
      counted.status.name === 'TERMINATED' && lastLength <= COUNT_LIMIT && Math.abs(counted.historyLength - COUNT_LIMIT) <= BATCH_EVENTS);
    t.check(`history length: continue-as-new suggested from ${COUNT_LIMIT / 2} events (lowered here)`, `${COUNT_LIMIT / 2}–${COUNT_LIMIT / 2 + 400} events`,
      suggestedAtLength === undefined ? 'never' : `${suggestedAtLength} events`, suggestedAtLength !== undefined && suggestedAtLength >= COUNT_LIMIT / 2 && suggestedAtLength <= COUNT_LIMIT / 2 + 400);
    t.note(`History length: the workflow ended as "${byCount}" after ${countNotes.length} batches of 100 activities.`);
  },
});
