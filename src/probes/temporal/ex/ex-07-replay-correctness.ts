/**
 * EX-07 · Replay correctness (Temporal)
 *
 * Question: when the worker runs workflow code again from the history, does every completed activity hand back
 * exactly the value it produced the first time? Which values survive the trip through the default data converter
 * (Date, undefined, Map, nested objects)? Is an activity scheduled in a loop recorded per iteration? Does
 * `Worker.runReplayHistory` accept the recorded history with the same code and reject changed code? And what does
 * a rerun of a finished workflow do?
 *
 * How: one workflow on a worker without a workflow cache (`maxCachedWorkflows: 0`), so every workflow task runs
 * the workflow code again from the start and reads the activity results back from the history. The workflow code
 * records what it sees through a sink that is called on replay too; the probe compares those views with each
 * other and with what the activity returned. Then it replays the finished history locally against three
 * deployments of the code (the same, activities reordered, only the result changed), and finally resets the
 * workflow to its first workflow task (Temporal's rerun) and counts the activities' effects again.
 */
import { activityInfo } from '@temporalio/activity';
import { defineProbe, record } from '../harness/index.ts';
import { LOOP, describe } from './ex-07-replay-correctness.workflows.ts';

export const activities = {
  /** Returns the values that JSON cannot carry as they are. */
  async buildRecord() {
    const value = {
      when: new Date('2026-01-02T03:04:05.678Z'),
      nothing: undefined,
      map: new Map([['key', 1]]),
      nested: { deep: { list: [1, 'two', null, { three: 3 }] } },
    };
    record('inside the activity', { ...describe(value), attempt: activityInfo().attempt });
    return value;
  },
  async tenfold(i: number): Promise<number> {
    record('loop body', { i });
    return i * 10;
  },
};

export default defineProbe({
  id: 'EX-07',
  question: 'Are recorded activity results returned unchanged on every replay, what survives serialization, and does a replay catch changed code?',
  budgetMs: 60_000,
  workflows: new URL('./ex-07-replay-correctness.workflows.ts', import.meta.url),
  deployments: {
    reordered: new URL('./ex-07-replay-correctness.reordered.workflows.ts', import.meta.url),
    'changed-output': new URL('./ex-07-replay-correctness.changed-output.workflows.ts', import.meta.url),
  },
  activities,
  // Without a cache every workflow task replays the code from the start (WorkerOptions.maxCachedWorkflows).
  worker: { maxCachedWorkflows: 0 },

  async run(t) {
    // 1. One workflow to its end.
    const handle = await t.client.workflow.start('replayable', { taskQueue: t.taskQueue, workflowId: t.workflowId('replay') });
    const output = await handle.result();
    t.check('run completed', 'COMPLETED', (await handle.describe()).status.name);

    // 2. What the activity made, and what the workflow code saw on each execution.
    type View = ReturnType<typeof describe> & { replaying: boolean };
    const outside = [...t.ledger.entries('outside, after the activity'), ...t.ledger.entries('after the sleep')].map((e) => e.data as View);
    t.metric('entries that read the memoized record', 'entries', outside.length);
    t.metric('of which replays', 'entries', outside.filter((v) => v.replaying).length);
    t.check('the activity body ran once', 1, t.ledger.count('inside the activity'));
    t.check('every entry saw the same value', 1, new Set(outside.map((v) => v.json)).size);
    // The default payload converter is JSON for objects (docs.temporal.io/dataconversion#default-data-converter).
    t.check('Date comes back as', 'string (ISO 8601)', outside.every((v) => v.whenType === 'string' && v.json.includes('"when":"2026-01-02T03:04:05.678Z"')) ? 'string (ISO 8601)' : outside.map((v) => v.whenType).join(','));
    t.check('a key holding undefined: entries that saw the key come back', 0, outside.filter((v) => v.hasUndefinedKey).length);
    t.check('a Map comes back as', 'object (entries lost)', outside.every((v) => v.mapType === 'object' && v.json.includes('"map":{}')) ? 'object (entries lost)' : outside.map((v) => v.mapType).join(','));
    const nestedSeen = [...new Set(outside.map((v) => JSON.stringify((JSON.parse(v.json) as { nested?: unknown }).nested ?? null)))];
    t.check('nested objects and arrays come back intact', ['{"deep":{"list":[1,"two",null,{"three":3}]}}'], nestedSeen);

    // 3. One activity type scheduled in a loop: one execution per iteration, values in order on every entry.
    t.check('loop: body executions', LOOP, t.ledger.count('loop body'));
    const loopViews = t.ledger.entries('loop results').map((e) => JSON.stringify((e.data as { looped: number[] }).looped));
    t.check('loop: every entry saw the values in order', [JSON.stringify([0, 10, 20, 30, 40])], [...new Set(loopViews)]);

    // 4. Replay the recorded history locally (Worker.runReplayHistory) against three deployments of the code.
    const started = performance.now();
    const same = await t.replay(handle, 'v1');
    t.metric('replay of the recorded history (local, same code)', 'ms', performance.now() - started);
    t.check('replay with the same code: error', 'none', same.error === null ? 'none' : `${same.name}: ${same.error}`);
    const reordered = await t.replay(handle, 'reordered');
    t.check('replay with activities reordered: error', 'DeterminismViolationError', reordered.error === null ? 'none' : reordered.name);
    if (reordered.error !== null) t.note(`runReplayHistory on the reordered code: ${reordered.name}: ${reordered.error.slice(0, 400)}`);
    // Replay compares the commands the code issues with the recorded events, not the values the code computes.
    const changed = await t.replay(handle, 'changed-output');
    t.check('replay with only the result changed: error', 'none', changed.error === null ? 'none' : `${changed.name}: ${changed.error.slice(0, 200)}`);
    t.check('activities executed by the replays', 0, t.ledger.count('inside the activity') - 1 + t.ledger.count('loop body') - LOOP);

    // 5. Rerun: reset the finished workflow to its first workflow task; the new run executes the activities again.
    const events = await t.history(handle);
    const firstTask = events.find((e) => e.type === 'WORKFLOW_TASK_COMPLETED')!;
    const activityRunsBefore = t.ledger.count('inside the activity');
    const rerunId = await t.reset(handle, firstTask.eventId, 'EX-07: rerun from the start');
    const rerun = t.client.workflow.getHandle(handle.workflowId, rerunId);
    const rerunOutput = await rerun.result();
    t.check('rerun: a new run id', `not ${handle.firstExecutionRunId}`, rerunId || '(none)', rerunId !== '' && rerunId !== handle.firstExecutionRunId);
    t.check('rerun: completed', 'COMPLETED', (await rerun.describe()).status.name);
    t.check('rerun: steps executed afresh (not replayed from the old run)', activityRunsBefore + 1, t.ledger.count('inside the activity'));
    t.check('rerun: same output as the original', output, rerunOutput);
  },
});
