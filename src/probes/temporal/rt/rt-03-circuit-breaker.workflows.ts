/**
 * RT-03's workflow: charge a card through a payments API that may be down. The activity is retried every second,
 * without end, until the API answers: the kind of policy that hammers a dependency while it is down.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './rt-03-circuit-breaker.ts';

const { chargeCard, chargeCardThroughBreaker } = proxyActivities<typeof activities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 1 },
});

export async function charge(url: string, guarded: boolean): Promise<number> {
  return guarded ? chargeCardThroughBreaker(url) : chargeCard(url);
}
