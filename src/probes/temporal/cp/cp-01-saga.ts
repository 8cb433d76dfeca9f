/**
 * CP-01 · Compensation / saga (Temporal)
 *
 * Question: when a step fails for good, do the compensations of the earlier steps run in reverse order? What
 * happens when a compensation itself fails, and when the worker crashes in the middle of the rollback: does the
 * rollback resume where it was, with no compensation done twice or skipped?
 *
 * How: a trip-booking saga written in workflow code (`cp-01-saga.workflows.ts`; Temporal has no saga primitive).
 * It reserves a flight, a hotel and a car, then the card is declined (a non-retryable `ApplicationFailure`). Three
 * workflows play three stories: `declined` (the plain rollback); `flaky-undo` (cancelling the hotel fails twice
 * before it works, cancelling the car fails for good); `crash` (the worker is SIGKILLed while the hotel is being
 * cancelled, then started again). The ledger gives the order and the count of every effect; the event history
 * gives the attempts the server made.
 */
import { activityInfo, ApplicationFailure } from '@temporalio/activity';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { defineProbe, hold, record } from '../harness/index.ts';

export type Scenario = 'declined' | 'flaky-undo' | 'crash';

/** Each activity records its effect under the workflow's scenario. */
const effect = (what: string) => async (scenario: Scenario) => void record(`${scenario}: ${what}`, { attempt: activityInfo().attempt });

export const activities = {
  reserveFlight: effect('flight reserved'),
  reserveHotel: effect('hotel reserved'),
  reserveCar: effect('car reserved'),
  async chargeCard(scenario: Scenario) {
    record(`${scenario}: charge attempted`);
    throw ApplicationFailure.nonRetryable('card declined', 'CardDeclined');
  },
  cancelFlight: effect('flight cancelled'),
  async cancelHotel(scenario: Scenario) {
    const { attempt } = activityInfo();
    record(`${scenario}: hotel cancellation started`, { attempt });
    if (scenario === 'flaky-undo' && attempt <= 2) throw new Error(`hotel API timed out (attempt ${attempt})`);
    if (scenario === 'crash' && attempt === 1) await hold(60_000); // the probe kills the worker here
    record(`${scenario}: hotel cancelled`, { attempt });
  },
  async cancelCar(scenario: Scenario) {
    record(`${scenario}: car cancellation started`, { attempt: activityInfo().attempt });
    if (scenario === 'flaky-undo') throw ApplicationFailure.nonRetryable('car rental API: booking not found', 'BookingNotFound');
    record(`${scenario}: car cancelled`);
  },
};

/** The forward steps and the rollback, as the ledger should show them for a clean run. */
const CLEAN_ORDER = ['flight reserved', 'hotel reserved', 'car reserved', 'charge attempted', 'car cancellation started', 'car cancelled', 'hotel cancellation started', 'hotel cancelled', 'flight cancelled'];

export default defineProbe({
  id: 'CP-01',
  question: 'Do compensations run in reverse after a permanent failure, survive their own failures, and resume after a crash mid-rollback?',
  budgetMs: 90_000,
  workflows: new URL('./cp-01-saga.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const start = (scenario: Scenario) => t.client.workflow.start('bookTrip', { taskQueue: t.taskQueue, workflowId: t.workflowId(scenario), args: [scenario] });
    const outcome = async (handle: WorkflowHandle) => {
      try {
        return { status: 'COMPLETED', output: await handle.result() };
      } catch (e) {
        if (!(e instanceof WorkflowFailedError)) throw e;
        // WorkflowFailedError → ActivityFailure ("charge card" failed) → ApplicationFailure (the decline).
        const chain: string[] = [];
        for (let c: Error | undefined = e.cause; c; c = (c as { cause?: Error }).cause) chain.push(`${c.name}: ${c.message}`);
        return { status: (await handle.describe()).status.name, chain };
      }
    };
    const effects = (scenario: Scenario) => t.ledger.entries().filter((e) => e.effect.startsWith(`${scenario}: `) && !e.effect.includes('the workflow saw')).map((e) => e.effect.slice(scenario.length + 2));
    const count = (scenario: Scenario, what: string) => t.ledger.count(`${scenario}: ${what}`);

    // 1. The plain story and the one with failing compensations run side by side.
    const declined = await start('declined');
    const flaky = await start('flaky-undo');
    const [declinedEnd, flakyEnd] = await Promise.all([outcome(declined), outcome(flaky)]);

    t.check('run status', 'FAILED', declinedEnd.status);
    t.check('the charge was attempted once (non-retryable failure: no retry)', 1, count('declined', 'charge attempted'));
    t.check('effects in order, compensations reversed', CLEAN_ORDER, effects('declined'));
    t.check('the workflow failed with the original error as its cause', 'ActivityFailure → ApplicationFailure: card declined', (declinedEnd.chain ?? []).join(' → '), (declinedEnd.chain ?? []).some((c) => c.includes('card declined')));
    t.note(`The failure chain the client saw: ${(declinedEnd.chain ?? []).join(' → ')}`);

    // 2. Compensations that fail: a retryable failure is retried by the activity's retry policy, a non-retryable
    //    one reaches the workflow as an ActivityFailure, and the saga goes on with the remaining undos.
    const flakyEvents = await t.history(flaky);
    const hotelAttempts = count('flaky-undo', 'hotel cancellation started');
    t.check('flaky compensation: retried until it worked (attempts, effect)', { attempts: 3, cancelled: 1 }, { attempts: hotelAttempts, cancelled: count('flaky-undo', 'hotel cancelled') });
    t.check('failing compensation: attempts (non-retryable: one)', 1, count('flaky-undo', 'car cancellation started'));
    const seen = t.ledger.entries('flaky-undo: the workflow saw a compensation fail').filter((e) => !(e.data as { replaying?: boolean }).replaying).map((e) => e.data as { compensation: string; error: string; cause: string });
    t.check('failing compensation: what the workflow saw', [{ compensation: 'cancel car', error: 'ActivityFailure', cause: 'car rental API: booking not found' }], seen.map(({ compensation, error, cause }) => ({ compensation, error, cause })));
    t.check('the compensations after the failing one still ran', { hotel: 1, flight: 1 }, { hotel: count('flaky-undo', 'hotel cancelled'), flight: count('flaky-undo', 'flight cancelled') });
    t.check('flaky-undo: run status', 'FAILED', flakyEnd.status);
    const started = flakyEvents.filter((e) => e.type === 'ACTIVITY_TASK_STARTED');
    t.note(`History of flaky-undo: ${flakyEvents.filter((e) => e.type.startsWith('ACTIVITY_TASK_SCHEDULED')).map((e) => e.name).join(', ')}; ACTIVITY_TASK_STARTED attempts recorded: ${started.map((e) => e.attempt).join(', ')} (the server writes a retried activity's STARTED event once, with its last attempt)`);
    const retryGaps = t.ledger.entries('flaky-undo: hotel cancellation started').map((e) => e.at).map((at, i, all) => (i ? at - all[i - 1]! : 0)).slice(1);
    t.metric('flaky compensation: delay between attempts (policy: 200 ms, then 400 ms)', 'ms', retryGaps);

    // 3. A crash during the rollback: kill the worker while "cancel hotel" is in flight, then start it again.
    const crash = await start('crash');
    await t.ledger.waitFor('crash: hotel cancellation started');
    const crashedAt = Date.now();
    await t.worker.kill();
    await t.worker.start();
    const crashEnd = await outcome(crash);
    const crashEvents = await t.history(crash);
    const failedAt = crashEvents.find((e) => e.type === 'WORKFLOW_EXECUTION_FAILED')?.time ?? Date.now();
    t.metric('crash mid-rollback to workflow failed (rollback finished)', 'ms', failedAt - crashedAt);
    t.check('crash: run status', 'FAILED', crashEnd.status);
    const perCompensation = {
      'car cancelled': count('crash', 'car cancelled'),
      'hotel cancellation started': count('crash', 'hotel cancellation started'),
      'hotel cancelled': count('crash', 'hotel cancelled'),
      'flight cancelled': count('crash', 'flight cancelled'),
    };
    t.check('crash: each compensation done once; only the interrupted one started again', { 'car cancelled': 1, 'hotel cancellation started': 2, 'hotel cancelled': 1, 'flight cancelled': 1 }, perCompensation);
    t.check('crash: forward steps not redone', { flight: 1, hotel: 1, car: 1, charge: 1 }, { flight: count('crash', 'flight reserved'), hotel: count('crash', 'hotel reserved'), car: count('crash', 'car reserved'), charge: count('crash', 'charge attempted') });
    t.check('crash: rollback order', ['car cancelled', 'hotel cancelled', 'flight cancelled'], effects('crash').filter((e) => e.endsWith(' cancelled')));
    const restarted = t.ledger.entries('crash: hotel cancellation started')[1];
    if (restarted) t.metric('crash to the interrupted compensation started again', 'ms', restarted.at - crashedAt);
    // After the crash the next workflow task first goes to the dead worker's sticky queue and waits out its timeout.
    t.metric('crash: WORKFLOW_TASK_TIMED_OUT events (the crashed worker\'s sticky queue)', 'events', crashEvents.filter((e) => e.type === 'WORKFLOW_TASK_TIMED_OUT').length);
  },
});
