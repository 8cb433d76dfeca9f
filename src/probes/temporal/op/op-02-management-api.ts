/**
 * OP-02 · Workflow management API (Temporal)
 *
 * Question: can an operator manage namespaces, search attributes, task queues and workflows through the server's
 * API, and what does each call answer? Temporal's API is gRPC: the WorkflowService (workflows, namespaces, task
 * queues, batch jobs) and the OperatorService (search attributes). The TypeScript SDK's `Client` wraps the common
 * workflow calls; `client.workflowService` and `client.operatorService` expose every RPC as it is.
 *
 * How: a few orders that wait for an approval signal give the calls something to act on. Every call is made
 * against the real server, timed, and checked on the fields of its answer, not just on "no error".
 */
import { randomUUID } from 'node:crypto';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
import { defineProbe, record } from '../harness/index.ts';
import type { ProbeContext } from '../harness/index.ts';

const { temporal } = proto;
const enums = temporal.api.enums.v1;

export const activities = {
  async reserve(id: string) {
    record('reserved', { id });
  },
};

type Long = NonNullable<proto.google.protobuf.IDuration['seconds']>;
/** A duration's seconds as the generated types want them (protobufjs takes a plain number as well). */
const days = (n: number) => (n * 86_400) as unknown as Long;

/** The name of an enum value without its prefix: `WORKFLOW_EXECUTION_STATUS_RUNNING` → `RUNNING`. */
const named = (e: Record<number, string>, v: number | null | undefined, prefix: string) => (e[v ?? 0] ?? String(v)).replace(prefix, '');

export default defineProbe({
  id: 'OP-02',
  question: 'Do the namespace, search-attribute, task-queue and workflow calls of the API work, and what do they answer?',
  budgetMs: 90_000,
  workflows: new URL('./op-02-management-api.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const ns = 'default';
    const suffix = randomUUID().slice(0, 6);
    /** Times one call and records its response time; the answer (or error) goes back to the scenario. */
    const timed = async <T>(name: string, call: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await call();
      } finally {
        t.metric(`${name}: response time`, 'ms', performance.now() - started);
      }
    };
    const failure = (e: unknown) => `${(e as Error).name}: ${(e as Error).message}`;

    // Namespaces.
    const listed = await timed('list namespaces', () => t.client.workflowService.listNamespaces({ pageSize: 100 }));
    const names = (listed.namespaces ?? []).map((n) => n.namespaceInfo?.name ?? '');
    t.check('list namespaces (ListNamespaces)', 'includes "default"', names, names.includes(ns));
    const described = await timed('describe a namespace', () => t.client.workflowService.describeNamespace({ namespace: ns }));
    const retentionH = Number(described.config?.workflowExecutionRetentionTtl?.seconds ?? 0) / 3600;
    t.check(
      'describe a namespace (DescribeNamespace)',
      { state: 'REGISTERED', retentionHours: '> 0' },
      { state: named(enums.NamespaceState, described.namespaceInfo?.state, 'NAMESPACE_STATE_'), retentionHours: retentionH, isGlobal: described.isGlobalNamespace },
      described.namespaceInfo?.state === enums.NamespaceState.NAMESPACE_STATE_REGISTERED && retentionH > 0,
    );
    const newNs = `op-02-${suffix}`;
    await timed('register a namespace', () => t.client.workflowService.registerNamespace({ namespace: newNs, workflowExecutionRetentionPeriod: { seconds: days(3) } }));
    const registered = await t.client.workflowService.describeNamespace({ namespace: newNs }).then(
      (d) => ({ state: named(enums.NamespaceState, d.namespaceInfo?.state, 'NAMESPACE_STATE_'), retentionHours: Number(d.config?.workflowExecutionRetentionTtl?.seconds ?? 0) / 3600 }),
      failure,
    );
    t.check('register a namespace (RegisterNamespace), then describe it', { state: 'REGISTERED', retentionHours: 72 }, registered);

    // Search attributes (OperatorService).
    const attribute = `Op02Status${suffix}`;
    await timed('add a search attribute', () =>
      t.client.connection.operatorService.addSearchAttributes({ namespace: ns, searchAttributes: { [attribute]: enums.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD } }),
    );
    const attributes = await timed('list search attributes', () => t.client.connection.operatorService.listSearchAttributes({ namespace: ns }));
    const type = attributes.customAttributes?.[attribute];
    t.check('add a search attribute (AddSearchAttributes), then list it (ListSearchAttributes)', `${attribute}: KEYWORD`, `${attribute}: ${type === undefined ? 'not listed' : named(enums.IndexedValueType, type, 'INDEXED_VALUE_TYPE_')}`);
    t.note(`Search attributes the server defines itself: ${Object.keys(attributes.systemAttributes ?? {}).length}; custom ones on "default" now: ${Object.keys(attributes.customAttributes ?? {}).length}.`);

    // Orders to act on, each tagged with the new search attribute.
    const key = defineSearchAttributeKey(attribute, SearchAttributeType.KEYWORD);
    const start = (name: string) =>
      t.client.workflow.start('order', { taskQueue: t.taskQueue, workflowId: t.workflowId(name), args: [name], typedSearchAttributes: [{ key, value: 'pending' }] });
    const orders: Record<string, WorkflowHandle> = {};
    for (const name of ['to-signal', 'to-cancel', 'to-terminate', 'to-delete', 'batch-1', 'batch-2']) orders[name] = await start(name);
    await t.ledger.waitFor('reserved', 6);

    // Task queues.
    const queue = await timed('describe a task queue', () =>
      t.client.workflowService.describeTaskQueue({ namespace: ns, taskQueue: { name: t.taskQueue }, taskQueueType: enums.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY }),
    );
    t.check('describe a task queue (DescribeTaskQueue): its pollers', '≥ 1 poller (the worker)', (queue.pollers ?? []).map((p) => p.identity), (queue.pollers ?? []).length >= 1);

    // Visibility: list and count by query.
    const query = `${attribute} = 'pending' AND ExecutionStatus = 'Running'`;
    const listedIds = await timed('list workflows by query', () => visible(t, query, 6));
    t.check(`list workflows (ListWorkflowExecutions) by query on the search attribute`, 6, listedIds.length);
    const count = await timed('count workflows by query', () => t.client.workflow.count(query));
    t.check('count workflows (CountWorkflowExecutions) by the same query', 6, count.count);

    // One workflow: describe, query, signal, history.
    const d = await timed('describe a workflow', () => orders['to-signal']!.describe());
    t.check('describe a workflow (DescribeWorkflowExecution)', { status: 'RUNNING', type: 'order', taskQueue: t.taskQueue }, { status: d.status.name, type: d.type, taskQueue: d.taskQueue });
    const state = await timed('query a workflow', () => orders['to-signal']!.query<string>('state'));
    t.check('query a workflow (QueryWorkflow)', 'waiting for approval', state);
    await timed('signal a workflow', () => orders['to-signal']!.signal('approve'));
    t.check('signal a workflow (SignalWorkflowExecution), then its result', 'order to-signal approved', await orders['to-signal']!.result());
    const history = await timed('fetch a history', () => orders['to-signal']!.fetchHistory());
    t.metric('events in the signalled workflow\'s history', 'events', history.events?.length ?? 0);

    // Cancel and terminate.
    await timed('cancel a workflow', () => orders['to-cancel']!.cancel());
    const cancelled = await orders['to-cancel']!.result().then(() => 'completed', failure);
    t.check('cancel a workflow (RequestCancelWorkflowExecution), then its status', 'CANCELLED', (await orders['to-cancel']!.describe()).status.name);
    t.note(`The cancelled workflow's result() rejected with: ${cancelled}`);
    await timed('terminate a workflow', () => orders['to-terminate']!.terminate('operator said so'));
    t.check('terminate a workflow (TerminateWorkflowExecution), then its status', 'TERMINATED', (await orders['to-terminate']!.describe()).status.name);

    // Reset the approved workflow to its first workflow task: a new run, with the approval signal reapplied.
    const firstTask = (await t.history(orders['to-signal']!)).find((e) => e.type === 'WORKFLOW_TASK_COMPLETED')!.eventId;
    const newRun = await timed('reset a workflow', () => t.reset(orders['to-signal']!, firstTask, 'replay the order'));
    const resetResult = await t.client.workflow.getHandle(orders['to-signal']!.workflowId, newRun).result().then(String, failure);
    t.check('reset a workflow (ResetWorkflowExecution): a new run, which completes with the signal reapplied', { newRun: true, result: 'order to-signal approved' }, { newRun: newRun !== '' && newRun !== d.runId, result: resetResult });

    // Delete a running workflow: the server terminates it and deletes it as it closes. (A closed workflow is deleted
    // by a task that waits for the close to be acknowledged in the server's queues; OP-05 times that.)
    await timed('delete a workflow', () => t.client.workflowService.deleteWorkflowExecution({ namespace: ns, workflowExecution: { workflowId: orders['to-delete']!.workflowId } }));
    let afterDelete = 'still there';
    for (let i = 0; i < 50 && afterDelete === 'still there'; i++) {
      afterDelete = await orders['to-delete']!.describe().then(() => 'still there', (e) => (e instanceof WorkflowNotFoundError ? 'not found' : failure(e)));
      if (afterDelete === 'still there') await t.pause(200, 'deletion runs as a server task');
    }
    t.check('delete a running workflow (DeleteWorkflowExecution), then describe it', 'not found', afterDelete);

    // A batch job over a visibility query: terminate what is still pending.
    const jobId = `op-02-batch-${suffix}`;
    await timed('start a batch operation', () =>
      t.client.workflowService.startBatchOperation({
        namespace: ns, jobId, reason: 'clean up', visibilityQuery: `${attribute} = 'pending' AND ExecutionStatus = 'Running'`,
        terminationOperation: {},
      }),
    );
    let job = await t.client.workflowService.describeBatchOperation({ namespace: ns, jobId });
    for (let i = 0; i < 100 && job.state === enums.BatchOperationState.BATCH_OPERATION_STATE_RUNNING; i++) {
      await t.pause(200, 'the batch job runs on the server');
      job = await t.client.workflowService.describeBatchOperation({ namespace: ns, jobId });
    }
    const batchStatuses = await Promise.all(['batch-1', 'batch-2'].map(async (n) => (await orders[n]!.describe()).status.name));
    t.check(
      'batch terminate by query (StartBatchOperation), then DescribeBatchOperation and the workflows',
      { state: 'COMPLETED', total: 2, completed: 2, workflows: ['TERMINATED', 'TERMINATED'] },
      { state: named(enums.BatchOperationState, job.state, 'BATCH_OPERATION_STATE_'), total: Number(job.totalOperationCount), completed: Number(job.completeOperationCount), workflows: batchStatuses },
    );
  },
});

/** Lists workflows by a visibility query until `want` show up (visibility is written after the fact). */
async function visible(t: ProbeContext, query: string, want: number): Promise<string[]> {
  let ids: string[] = [];
  for (let i = 0; i < 50; i++) {
    ids = [];
    for await (const w of t.client.workflow.list({ query })) ids.push(w.workflowId);
    if (ids.length >= want) break;
    await t.pause(100, 'visibility catches up');
  }
  return ids;
}
