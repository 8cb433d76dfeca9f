/**
 * OP-05 · Retention and cleanup (Temporal)
 *
 * Question: how long does the server keep closed workflows, how much does each leave in the store, and what
 * cleans it up? Temporal keeps a closed workflow for its namespace's retention period, then deletes it; archival
 * (history copied to a blob store before deletion) is a separate, optional feature. A single workflow can also be
 * deleted through the API (`DeleteWorkflowExecution`).
 *
 * How: the probe reads the retention and archival settings of the default namespace, tries the lowest retention
 * the server accepts for a new namespace, runs a burst of three-step orders and measures the SQLite state file
 * (after a graceful restart, which folds the write-ahead log into the file) before and after, then deletes those
 * workflows through the API and measures again. Expiry by retention itself cannot be watched here: the shortest
 * retention the server accepts is an hour.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { WorkflowNotFoundError } from '@temporalio/client';
import proto from '@temporalio/proto';
import { defineProbe, record } from '../harness/index.ts';
import type { ProbeContext } from '../harness/index.ts';

const { temporal } = proto;
const enums = temporal.api.enums.v1;
const FINISHED = 100;
const KB = 'x'.repeat(1024);
/** How long to wait for deleted workflows to be gone. */
const DELETE_WAIT_MS = 90_000;

export const activities = {
  async reserveStock() {
    return { note: KB };
  },
  async chargeCard() {
    return { note: KB };
  },
  async sendReceipt() {
    record('order: done');
    return { note: KB };
  },
};

type Long = NonNullable<proto.google.protobuf.IDuration['seconds']>;
/** A duration's seconds as the generated types want them (protobufjs takes a plain number as well). */
const seconds = (n: number) => n as unknown as Long;
const hours = (d: proto.google.protobuf.IDuration | null | undefined) => Number(d?.seconds ?? 0) / 3600;

/** The state file with its write-ahead log, in bytes, after a graceful restart (SQLite folds the log in on close). */
async function settledBytes(t: ProbeContext): Promise<number> {
  await t.server.restart();
  const file = t.server.stateFile!;
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  return size(file) + size(`${file}-wal`);
}

export default defineProbe({
  id: 'OP-05',
  question: 'How long are closed workflows kept, how much does each leave in the store, and what removes it?',
  budgetMs: 200_000,
  workflows: new URL('./op-05-retention.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const failure = (e: unknown) => `${(e as Error).name}: ${(e as Error).message}`;
    const suffix = randomUUID().slice(0, 6);

    // 1. Retention and archival of the namespace every probe uses.
    const ns = await t.client.workflowService.describeNamespace({ namespace: 'default' });
    t.check('the default namespace: retention of closed workflows, in hours', 24, hours(ns.config?.workflowExecutionRetentionTtl));
    t.check(
      'the default namespace: archival of history and visibility',
      { history: 'DISABLED', visibility: 'DISABLED' },
      { history: (enums.ArchivalState[ns.config?.historyArchivalState ?? 0] ?? '').replace('ARCHIVAL_STATE_', ''), visibility: (enums.ArchivalState[ns.config?.visibilityArchivalState ?? 0] ?? '').replace('ARCHIVAL_STATE_', '') },
    );

    // 2. The lowest retention the server accepts for a namespace of this (single, local) cluster.
    const register = (name: string, s: number) =>
      t.client.workflowService.registerNamespace({ namespace: name, workflowExecutionRetentionPeriod: { seconds: seconds(s) } }).then(
        async () => `registered, retention ${hours((await t.client.workflowService.describeNamespace({ namespace: name })).config?.workflowExecutionRetentionTtl)} h`,
        failure,
      );
    const tooShort = await register(`op-05-30m-${suffix}`, 30 * 60);
    t.check('register a namespace with a retention of 30 minutes', 'rejected', tooShort, !tooShort.startsWith('registered'));
    const hour = await register(`op-05-1h-${suffix}`, 3600);
    t.check('register a namespace with a retention of 1 hour', 'registered, retention 1 h', hour);
    const updated = await t.client.workflowService
      .updateNamespace({ namespace: `op-05-1h-${suffix}`, config: { workflowExecutionRetentionTtl: { seconds: seconds(2 * 3600) } } })
      .then((r) => `retention ${hours(r.config?.workflowExecutionRetentionTtl)} h`, failure);
    t.check('update its retention to 2 hours (UpdateNamespace)', 'retention 2 h', updated);

    // 3. What a burst of finished three-step orders leaves in the state file.
    const empty = await settledBytes(t);
    const handles = await Promise.all(
      Array.from({ length: FINISHED }, (_, i) => t.client.workflow.start('order', { taskQueue: t.taskQueue, workflowId: t.workflowId(`order-${i}`) })),
    );
    await Promise.all(handles.map((h) => h.result()));
    const history = await handles[0]!.fetchHistory();
    t.metric('events per finished order', 'events', history.events?.length ?? 0);
    t.metric('history per finished order, encoded', 'bytes', temporal.api.history.v1.History.encode(history).finish().length);
    const finished = await settledBytes(t);
    t.metric('SQLite state file per finished order', 'bytes', (finished - empty) / FINISHED);
    t.metric(`SQLite state file after ${FINISHED} finished orders`, 'bytes', finished);
    t.check(`the state file grows with finished workflows: bytes before, after ${FINISHED}`, 'more after', { before: empty, after: finished }, finished > empty);
    const listed = await t.client.workflow.count(`TaskQueue = '${t.taskQueue}'`);
    t.check(`finished orders listed by visibility, inside their retention`, FINISHED, listed.count);

    // 4. Deletion through the API: gone from the server; and from the file?
    const deleteStarted = Date.now();
    await Promise.all(
      handles.map((h) => t.client.workflowService.deleteWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId: h.workflowId } })),
    );
    // A closed workflow is deleted by a server task that first waits until the workflow's close is acknowledged in
    // the history service's transfer queue, whose acknowledgement level moves on a timer: seconds to tens of seconds.
    let left = FINISHED;
    while (left > 0 && Date.now() - deleteStarted < DELETE_WAIT_MS) {
      const found = await Promise.all(handles.map((h) => h.describe().then(() => 1, (e) => (e instanceof WorkflowNotFoundError ? 0 : 1))));
      left = found.reduce((a: number, b: number) => a + b, 0);
      if (left > 0) await t.pause(1_000, 'deletion runs as server tasks');
    }
    t.metric(`delete ${FINISHED} closed workflows: calls to all gone`, 'ms', Date.now() - deleteStarted);
    t.check(`delete ${FINISHED} closed workflows (DeleteWorkflowExecution), then describe each: still found after up to ${DELETE_WAIT_MS / 1000} s`, 0, left);
    let stillListed = -1;
    for (let i = 0; i < 30 && stillListed !== 0; i++) {
      stillListed = (await t.client.workflow.count(`TaskQueue = '${t.taskQueue}'`)).count;
      if (stillListed) await t.pause(1_000, 'visibility records are deleted after the execution');
    }
    t.check('after deletion, visibility lists none of them', 0, stillListed);
    const afterDelete = await settledBytes(t);
    t.metric(`SQLite state file after deleting the ${FINISHED} orders`, 'bytes', afterDelete);
    t.note(`State file: ${empty} bytes before the orders, ${finished} after them, ${afterDelete} after deleting them (SQLite reuses freed pages and returns them to the file system only on VACUUM).`);
    t.note('Expiry by retention was not observed: the shortest retention the server accepts for a local namespace is one hour, far beyond a probe.');
  },
});
