/**
 * DX-04 · Testing / time skipping (Temporal)
 *
 * Question: can a workflow that sleeps for seven days be tested end to end in seconds, with its activities
 * mocked? Temporal's answer on paper is the time-skipping test environment of `@temporalio/testing`; which of its
 * routes work on this machine, and what does each one cost?
 *
 * How: a trial-reminder workflow sleeps seven days between two activities. The probe tries, for real:
 * 1. `TestWorkflowEnvironment.createTimeSkipping()`, the SDK's time-skipping environment, which fetches a test
 *    server binary on first use (this machine reaches no download host): it records what happens;
 * 2. server-side time skipping: a start request with the API's `timeSkippingConfig` sent to the dev server under
 *    test (server 1.29.1), then whether the seven-day timer fires;
 * 3. `TestWorkflowEnvironment.createLocal()` pointed at the `temporal` CLI already on this machine, with a worker
 *    whose activities are mocks: the workflow with a short sleep end to end, and with the seven-day sleep;
 * 4. `MockActivityEnvironment`, the unit-test environment for one activity (heartbeats, cancellation).
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { Context, heartbeat } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/common';
import { MockActivityEnvironment, TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { defineProbe, record } from '../harness/index.ts';

export const activities = {
  async createTrial(user: string) {
    record('trial created', { user });
    return { user, plan: 'pro' };
  },
  async sendReminder(user: string) {
    // No ledger here: this activity is also unit-tested in the probe's own process.
    heartbeat('composing the reminder');
    await Context.current().sleep(50); // throws once the activity is cancelled
    return `reminded ${user}`;
  },
};

/** How long the probe watches a seven-day timer that time skipping should have fired at once. */
const WATCH_MS = 3_000;
const WORKFLOWS = new URL('./dx-04-testing.workflows.ts', import.meta.url);

/** The `temporal` CLI this machine has: `$TEMPORAL_BIN`, else the first on `PATH` (the runner's own rule). */
function temporalCli(): string | null {
  if (process.env.TEMPORAL_BIN) return process.env.TEMPORAL_BIN;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, 'temporal'))) return join(dir, 'temporal');
  return null;
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
};

export default defineProbe({
  id: 'DX-04',
  question: 'Can a workflow with a 7-day sleep be tested end to end in seconds, with activities mocked, and which test environments work here?',
  budgetMs: 60_000,
  workflows: WORKFLOWS,
  activities,

  async run(t) {
    const require = createRequire(import.meta.url);
    const version = (pkg: string) => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
    t.check('@temporalio/testing is installed at the version of the worker SDK', version('@temporalio/worker'), version('@temporalio/testing'));

    // 1. The SDK's time-skipping environment. It starts the Java-based test server, downloading it on first use.
    const [skipping, skippingMs] = await timed(() =>
      TestWorkflowEnvironment.createTimeSkipping().then(
        async (env) => (await env.teardown(), 'started'),
        // The SDK repeats the failed request in its message; keep it once.
        (e: Error) => `${e.name}: ${e.message.replace(/(error sending request for url \([^)]*\)): \1/, '$1')}`,
      ),
    );
    t.metric('createTimeSkipping: call to outcome', 'ms', skippingMs);
    t.check('time-skipping test environment (createTimeSkipping) starts on this machine', 'started', skipping.slice(0, 500));

    // 2. Server-side time skipping: the API has a per-workflow TimeSkippingConfig; does server 1.29.1 act on it?
    const workflowId = t.workflowId('server-side-skip');
    await t.client.workflowService.startWorkflowExecution({
      namespace: 'default', workflowId, requestId: randomUUID(), identity: 'dx-04 probe',
      workflowType: { name: 'trialReminder' }, taskQueue: { name: t.taskQueue },
      input: { payloads: [defaultPayloadConverter.toPayload('ann'), defaultPayloadConverter.toPayload('7 days')] },
      timeSkippingConfig: { enabled: true },
    });
    const skipped = t.client.workflow.getHandle(workflowId);
    await t.ledger.waitFor('trial created');
    await t.pause(WATCH_MS, 'give the server time to skip the seven-day timer');
    const events = await t.history(skipped);
    const fired = events.some((e) => e.type === 'TIMER_FIRED');
    t.check('server 1.29.1: with timeSkippingConfig enabled, the 7-day timer fires at once', 'timer fired', fired ? 'timer fired' : `timer still pending ${WATCH_MS} ms after the start: the server ignored the field`, fired);
    t.note(`History of the workflow started with timeSkippingConfig: ${events.map((e) => e.type).join(', ')}`);
    await skipped.terminate('DX-04: seen enough');

    // 3. The SDK's local environment on the CLI already here, with mocked activities.
    const cli = temporalCli();
    if (!cli) throw new Error('no temporal CLI on PATH or in TEMPORAL_BIN');
    const [env, localMs] = await timed(() => TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: cli } } }));
    t.metric('createLocal on the temporal CLI: start to ready', 'ms', localMs);
    try {
      t.check('createLocal environment: supports time skipping', false, env.supportsTimeSkipping);
      const [{ code }, bundleMs] = await timed(() => bundleWorkflowCode({ workflowsPath: fileURLToPath(WORKFLOWS), logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} } }));
      t.metric('bundle the workflow code for a test worker', 'ms', bundleMs);
      const mockCalls: string[] = [];
      const mocks: typeof activities = {
        async createTrial(user) { mockCalls.push('createTrial'); return { user, plan: 'mock' }; },
        async sendReminder(user) { mockCalls.push('sendReminder'); return `mock reminded ${user}`; },
      };
      const taskQueue = `dx-04-test-${randomUUID().slice(0, 8)}`;
      const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: { code }, activities: mocks });
      const ledgerBefore = t.ledger.count('trial created');
      // One worker run for both tests (a Worker runs once); the tests happen inside it.
      await worker.runUntil(async () => {
        const [short, shortMs] = await timed(() => env.client.workflow.execute('trialReminder', { taskQueue, workflowId: `short-${taskQueue}`, args: ['bob', '1 second'] }));
        t.metric('mocked activities, a 1-second sleep: workflow end to end', 'ms', shortMs);
        t.check('mocked activities: the workflow result comes from the mocks', { trial: { user: 'bob', plan: 'mock' }, sent: 'mock reminded bob' }, short);
        t.check('mocked activities: calls to the mocks', ['createTrial', 'sendReminder'], mockCalls);
        t.check('mocked activities: the real activity did not run', ledgerBefore, t.ledger.count('trial created'));

        // The seven-day sleep, end to end: without time skipping the test waits for the real timer.
        const week = await env.client.workflow.start('trialReminder', { taskQueue, workflowId: `week-${taskQueue}`, args: ['cyd'] });
        await t.pause(WATCH_MS, 'let the seven-day workflow run in the local environment');
        const clock = await timed(() => env.sleep(1_000));
        t.metric('env.sleep(1 s) in the local environment', 'ms', clock[1]);
        const status = (await week.describe()).status.name;
        const timers = ((await week.fetchHistory()).events ?? []).filter((e) => e.timerFiredEventAttributes).length;
        t.check(`7-day workflow in the local environment: finished within ${WATCH_MS + 1_000} ms`, 'COMPLETED', status === 'COMPLETED' ? status : `${status}, timers fired: ${timers} (the 7-day timer runs in real time)`);
        await week.terminate('DX-04: a week is too long for a test');
      });
    } finally {
      await env.teardown();
    }

    // 4. One activity under MockActivityEnvironment: heartbeats observed, cancellation delivered.
    const activityEnv = new MockActivityEnvironment({ attempt: 1 });
    const beats: unknown[] = [];
    activityEnv.on('heartbeat', (d: unknown) => beats.push(d));
    const [unit, unitMs] = await timed(() => activityEnv.run(activities.sendReminder, 'dee'));
    t.metric('activity unit test (MockActivityEnvironment)', 'ms', unitMs);
    t.check('activity unit test: result and heartbeats seen', { result: 'reminded dee', beats: ['composing the reminder'] }, { result: unit, beats });
    const cancelling = new MockActivityEnvironment();
    const run = cancelling.run(activities.sendReminder, 'eve').then((r) => `returned ${r}`, (e: Error) => `${e.name}: ${e.message}`);
    cancelling.cancel();
    t.check('activity unit test: a cancellation reaches the activity', 'the activity stops', await run, (await run) !== 'returned reminded eve');
  },
});
