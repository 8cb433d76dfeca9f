/** WF-04's workflows: a branch and a loop, loops that watch their history grow, and one that continues as new. */
import { continueAsNew, proxyActivities, proxySinks, sleep, workflowInfo } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './wf-04-branching-loops.ts';

const { inviteTeammates, sendSoloTips, sendDailyEmail, addRow } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });
const { ledger } = proxySinks<LedgerSinks>();

/** Plain control flow: a branch on the input, then the same activity once a day for three days. */
export async function onboarding(plan: 'team' | 'solo'): Promise<number[]> {
  if (plan === 'team') await inviteTeammates();
  else await sendSoloTips();
  const sent: number[] = [];
  for (let day = 1; day <= 3; day++) {
    await sleep('1 second');
    sent.push(await sendDailyEmail(day));
  }
  return sent;
}

/**
 * One activity per iteration, `rows` times, never continuing as new. After each iteration it records how long its
 * history is and whether the server suggests continuing as new (both from `workflowInfo()`).
 */
export async function unboundedLoop(label: string, rows: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < rows; i++) {
    total += await addRow(label, i);
    const { historyLength, historySize, continueAsNewSuggested } = workflowInfo();
    ledger.record('iteration', { label, i, historyLength, historySize, continueAsNewSuggested });
  }
  return total;
}

/** The loop's state, carried from one run to the next. */
export interface LoopState {
  next: number;
  total: number;
  runs: number;
}

/** The same loop, continuing as new with its state whenever the server suggests it. */
export async function carryingLoop(label: string, rows: number, state: LoopState = { next: 0, total: 0, runs: 1 }): Promise<LoopState> {
  let { next, total } = state;
  while (next < rows) {
    total += await addRow(label, next);
    next++;
    const { historyLength, continueAsNewSuggested } = workflowInfo();
    ledger.record('iteration', { label, i: next - 1, historyLength, continueAsNewSuggested, run: state.runs });
    if (continueAsNewSuggested && next < rows) await continueAsNew<typeof carryingLoop>(label, rows, { next, total, runs: state.runs + 1 });
  }
  return { next, total, runs: state.runs };
}
