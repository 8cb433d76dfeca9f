/**
 * PF-01 · Step latency (Temporal)
 *
 * Question: what does one durable step cost, beyond the work inside it? In Temporal a step is an activity: the
 * workflow asks the server to schedule it, the worker polls it, runs it and reports, and the server hands the
 * result back to the workflow in a new workflow task. A local activity skips the server's queue: the worker runs
 * it itself and records its result as a marker in the history when the workflow task completes. The seed
 * reported "about 4 ms per step" for Temporal.
 *
 * How: one workflow runs many no-op activities one after the other, another as many local activities. Each step
 * notes the worker's high-resolution clock (`performance.timeOrigin + performance.now()`) as it starts, so the gaps
 * between consecutive starts are the cost of one step seen by the worker; the history's own timestamps (with
 * their nanoseconds) give the server's view. A short warm-up chain runs first, unmeasured. As a floor, the probe
 * times plain HTTP round trips to a loopback server in the same run. Both chains run on the dev server's own
 * default (`temporal server start-dev` with no `--db-filename`: SQLite in memory) and again with its state in a
 * SQLite file on disk (this project's baseline, the dev server's way to keep state across restarts); the activity
 * chain runs twice more in memory with cheap server-side tuning: eager activity execution
 * (`system.enableActivityEagerExecution`, off by default in server 1.29.1), which lets the server hand an activity
 * straight back to the worker that scheduled it instead of through the task queue; and task queues of one
 * partition instead of the default four (`matching.numTaskqueueRead/WritePartitions`), so a task and the poll
 * waiting for it always meet in the same partition.
 */
import { defineProbe, record } from '../harness/index.ts';
import type { ProbeContext } from '../harness/index.ts';

const STEPS = 100;
const WARM_UP_STEPS = 5;
const ROUND_TRIPS = 200;
const SEED_MS = 4;
const EAGER_FLAGS = ['--dynamic-config-value', 'system.enableActivityEagerExecution=true'];
const ONE_PARTITION_FLAGS = ['--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1', '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1'];

export const activities = {
  /** A step that does nothing but note when it started, on the worker's high-resolution clock. */
  async noOp(label: string, i: number): Promise<void> {
    record('step start', { label, i, hr: performance.timeOrigin + performance.now() });
  },
};

type Timestamp = { seconds?: number | { toNumber(): number } | null; nanos?: number | null } | null | undefined;
/** A history timestamp in milliseconds, keeping its nanoseconds (the harness's summary truncates to the ms). */
const ms = (t: Timestamp) => (t ? (typeof t.seconds === 'number' ? t.seconds : (t.seconds?.toNumber() ?? 0)) * 1000 + (t.nanos ?? 0) / 1e6 : 0);
const gapsOf = (times: number[]) => times.slice(1).map((at, i) => at - times[i]!);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Runs one chain and records what it cost; resolves to the p50 step-to-step time and history events per step. */
async function measure(t: ProbeContext, variant: string, workflow: 'activityChain' | 'localActivityChain', floorP50: number) {
  // Warm-up: the first workflow tasks after a (re)start pay for connections and caches; keep them out.
  await t.client.workflow.execute(workflow, { taskQueue: t.taskQueue, workflowId: t.workflowId(`${variant.replace(/\W+/g, '-')}-warm-up`), args: [`${variant} warm-up`, WARM_UP_STEPS] });

  const label = variant;
  const started = performance.now();
  const handle = await t.client.workflow.start(workflow, { taskQueue: t.taskQueue, workflowId: t.workflowId(variant.replace(/\W+/g, '-')), args: [label, STEPS] });
  const outcome = await handle.result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${e.message}`);
  const clientMs = performance.now() - started;

  const starts = t.ledger.entries('step start').filter((e) => (e.data as { label: string }).label === label).map((e) => (e.data as { hr: number }).hr);
  t.check(`${variant}: ${STEPS} steps ran once each and completed`, { status: 'COMPLETED', steps: STEPS }, { status: outcome, steps: starts.length });
  const gaps = gapsOf(starts);
  const p50 = median(gaps);
  t.metric(`${variant}: step-to-step (worker clock)`, 'ms', gaps);
  t.metric(`${variant}: p50 step ÷ p50 loopback round trip`, '×', p50 / floorP50);
  t.metric(`${variant}: start to result, per step (client)`, 'ms', clientMs / STEPS);

  // The server's view: its own timestamps, to the nanosecond it recorded.
  const events = (await handle.fetchHistory()).events ?? [];
  const typeOf = (e: (typeof events)[number]) => String(e.eventType);
  const at = (type: string) => events.filter((e) => e[type as keyof typeof e]).map((e) => ms(e.eventTime as Timestamp));
  const runMs = at('workflowExecutionCompletedEventAttributes')[0]! - at('workflowExecutionStartedEventAttributes')[0]!;
  t.metric(`${variant}: workflow run time per step (history)`, 'ms', runMs / STEPS);
  const scheduled = at('activityTaskScheduledEventAttributes');
  if (scheduled.length) t.metric(`${variant}: step-to-step (history, activity scheduled)`, 'ms', gapsOf(scheduled));
  if (scheduled.length) {
    // Where an activity step's time goes, from the history: each step is a run of six events.
    const phases: Record<string, number[]> = { 'activity scheduled → started': [], 'activity started → completed': [], 'activity completed → workflow task started': [], 'workflow task started → completed': [] };
    const find = (from: number, type: string) => events.findIndex((e, i) => i > from && e[type as keyof typeof e]);
    events.forEach((e, i) => {
      if (!e.activityTaskScheduledEventAttributes) return;
      const chain = ['activityTaskStartedEventAttributes', 'activityTaskCompletedEventAttributes', 'workflowTaskStartedEventAttributes', 'workflowTaskCompletedEventAttributes'];
      const idx = [i];
      for (const type of chain) idx.push(find(idx[idx.length - 1]!, type));
      if (idx.some((x) => x < 0)) return;
      const times = idx.map((x) => ms(events[x]!.eventTime as Timestamp));
      Object.values(phases).forEach((samples, k) => samples.push(times[k + 1]! - times[k]!));
    });
    for (const [phase, samples] of Object.entries(phases)) t.metric(`${variant}: ${phase} (history)`, 'ms', samples);
  }
  const markers = at('markerRecordedEventAttributes');
  const perStep = events.length / STEPS;
  t.metric(`${variant}: history events per step`, 'events', perStep);
  t.note(`${variant}: ${events.length} history events for ${STEPS} steps (${scheduled.length} activities scheduled, ${markers.length} markers, ${new Set(events.map(typeOf)).size} event types).`);
  return { p50, perStep };
}

export default defineProbe({
  id: 'PF-01',
  question: 'What does an activity and a local activity cost per step, against a raw loopback round trip, with state in memory or in a file, and with cheap server tuning?',
  budgetMs: 150_000,
  exclusive: true, // measures time
  needs: { mode: 'in-memory' },
  workflows: new URL('./pf-01-step-latency.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // The floor: plain HTTP round trips on loopback, in this same run.
    const floor = await t.startDependency({ status: 200 });
    const rtts: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const started = performance.now();
      await (await fetch(floor.url)).text();
      rtts.push(performance.now() - started);
    }
    t.metric('floor: loopback HTTP round trip', 'ms', rtts);
    const floorP50 = median(rtts);

    // 1. The dev server's own default, state in memory: an activity chain, then a local activity chain.
    const activity = await measure(t, 'activity, in memory', 'activityChain', floorP50);
    const local = await measure(t, 'local activity, in memory', 'localActivityChain', floorP50);

    // 2. The same activity chain with eager activity execution switched on in the server.
    await t.server.restart({ flags: EAGER_FLAGS });
    const eager = await measure(t, 'activity, in memory, eager execution on', 'activityChain', floorP50);

    // 3. The same activity chain with task queues of one partition.
    await t.server.restart({ flags: ONE_PARTITION_FLAGS });
    const onePartition = await measure(t, 'activity, in memory, one task queue partition', 'activityChain', floorP50);

    // 4. Both chains again with the server's state in a SQLite file on disk.
    await t.server.restart({ mode: 'state-file', flags: [] });
    const activityFile = await measure(t, 'activity, state file', 'activityChain', floorP50);
    const localFile = await measure(t, 'local activity, state file', 'localActivityChain', floorP50);

    t.check('in memory: a local activity cheaper per step than an activity (p50, worker clock)', 'local activity < activity',
      { activityMs: round(activity.p50), localActivityMs: round(local.p50) }, local.p50 < activity.p50);
    t.check('in memory: local activities write fewer history events per step than activities', 'local activity < activity',
      { activity: round(activity.perStep), localActivity: round(local.perStep) }, local.perStep < activity.perStep);
    // A tuning counts only if it saves at least a fifth of the step: less is within the trials' own spread.
    t.check('in memory, eager execution: at least a fifth cheaper per step than the default activity (p50, worker clock)', 'eager ≤ 80% of defaults',
      { defaultsMs: round(activity.p50), eagerMs: round(eager.p50) }, eager.p50 <= 0.8 * activity.p50);
    t.check('in memory, one task queue partition: at least a fifth cheaper per step than the default activity (p50, worker clock)', 'one partition ≤ 80% of defaults',
      { defaultsMs: round(activity.p50), onePartitionMs: round(onePartition.p50) }, onePartition.p50 <= 0.8 * activity.p50);
    t.check('state file: a local activity still cheaper per step than an activity (p50, worker clock)', 'local activity < activity',
      { activityMs: round(activityFile.p50), localActivityMs: round(localFile.p50) }, localFile.p50 < activityFile.p50);
    t.check(`activity, in memory: p50 step within twice what the seed reported (about ${SEED_MS} ms)`, `≤ ${SEED_MS * 2} ms`, `${round(activity.p50)} ms`, activity.p50 <= SEED_MS * 2);
  },
});
