/**
 * CP-01's saga: book a flight, a hotel and a car, then charge the card. Each completed booking pushes its undo;
 * when a later step fails, the undos run last in, first out, inside a non-cancellable scope (so a cancel of the
 * workflow cannot cut the rollback short), and the original error is thrown again so the workflow ends as failed.
 */
import { CancellationScope, proxyActivities, proxySinks, type ActivityFailure } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities, Scenario } from './cp-01-saga.ts';

const { reserveFlight, reserveHotel, reserveCar, chargeCard } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumAttempts: 3 },
});
/** Compensations get their own policy: more attempts, and a short start-to-close so a lost attempt is retried soon. */
const { cancelFlight, cancelHotel, cancelCar } = proxyActivities<typeof activities>({
  startToCloseTimeout: '4 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumAttempts: 5 },
});
const { ledger } = proxySinks<LedgerSinks>();

export async function bookTrip(scenario: Scenario): Promise<string> {
  const undo: { name: string; run: () => Promise<void> }[] = [];
  try {
    await reserveFlight(scenario);
    undo.push({ name: 'cancel flight', run: () => cancelFlight(scenario) });
    await reserveHotel(scenario);
    undo.push({ name: 'cancel hotel', run: () => cancelHotel(scenario) });
    await reserveCar(scenario);
    undo.push({ name: 'cancel car', run: () => cancelCar(scenario) });
    await chargeCard(scenario); // fails for good: the card is declined
    return 'booked';
  } catch (error) {
    await CancellationScope.nonCancellable(async () => {
      for (const step of undo.reverse()) {
        try {
          await step.run();
        } catch (e) {
          // A compensation that fails even after its retries: the saga notes it and goes on with the others.
          const failure = e as ActivityFailure;
          ledger.record(`${scenario}: the workflow saw a compensation fail`, { compensation: step.name, error: failure.name, cause: failure.cause?.message ?? '' });
        }
      }
    });
    throw error;
  }
}
