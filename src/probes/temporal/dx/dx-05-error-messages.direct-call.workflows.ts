/**
 * DX-05's last mistake: a workflow that imports the activity implementation and calls it directly, instead of
 * through proxyActivities. The probe only bundles this module, as a worker would at start-up.
 */
import { activities } from './dx-05-error-messages.ts';

export async function checkoutDirect(): Promise<void> {
  await activities.reserveStock();
}
