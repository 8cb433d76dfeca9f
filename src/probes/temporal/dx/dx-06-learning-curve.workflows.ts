/**
 * DX-06's canonical workflow, the same onboarding drip as the Inngest probe's: send a welcome email, wait, wait up
 * to a timeout for the user's first project, and nudge them if it never comes. Its activities are in the probe
 * file, between the same markers.
 */
// canonical:start
import { condition, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { activities } from './dx-06-learning-curve.ts';

const { sendWelcome, sendNudge } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
export const projectCreated = defineSignal('projectCreated');

export async function onboarding(email: string): Promise<{ nudged: boolean }> {
  let active = false;
  setHandler(projectCreated, () => void (active = true));
  await sendWelcome(email);
  await sleep('1 second');
  if (!(await condition(() => active, '2 seconds'))) await sendNudge(email);
  return { nudged: !active };
}
// canonical:end
