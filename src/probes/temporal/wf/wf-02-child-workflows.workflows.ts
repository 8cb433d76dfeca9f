/** WF-02's workflows: a parent that calls three children, and one that leaves three children behind as it ends. */
import { ApplicationFailure, ChildWorkflowFailure, executeChild, proxyActivities, sleep, startChild, TimeoutFailure, workflowInfo } from '@temporalio/workflow';
import type { activities } from './wf-02-child-workflows.ts';

const { lookUpPrice } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function priceQuote(sku: string, quantity: number): Promise<{ sku: string; price: number }> {
  return { sku, price: await lookUpPrice(quantity) };
}

export async function reserveStock(): Promise<void> {
  throw ApplicationFailure.nonRetryable('warehouse closed', 'WarehouseClosed');
}

/** Takes longer than its parent allows it. */
export async function slowReport(): Promise<string> {
  await sleep('10 seconds');
  return 'late report';
}

/** Sleeps until it is ended from outside: by its parent closing, or by the probe. */
export async function longChore(): Promise<void> {
  await sleep('1 hour');
}

/** What the parent caught from a child: the error's type and message, and its cause's. */
export interface Caught {
  name: string;
  message: string;
  cause?: string;
  causeMessage?: string;
  timeoutType?: string;
  retryState?: string;
}

function caught(error: unknown): Caught {
  const e = error as Error & { cause?: Error };
  return {
    name: error instanceof ChildWorkflowFailure ? 'ChildWorkflowFailure' : e.name,
    message: e.message,
    cause: e.cause?.name,
    causeMessage: e.cause?.message,
    timeoutType: e.cause instanceof TimeoutFailure ? String(e.cause.timeoutType) : undefined,
    retryState: error instanceof ChildWorkflowFailure ? String(error.retryState) : undefined,
  };
}

/** Calls a child that returns, one that fails for good, and one too slow for the timeout the parent gives it. */
export async function placeOrder(): Promise<{ quote: unknown; reserve: Caught | 'returned'; report: Caught | string }> {
  const id = workflowInfo().workflowId;
  const quote = await executeChild(priceQuote, { workflowId: `${id}-quote`, args: ['tea', 3] });
  const reserve = await executeChild(reserveStock, { workflowId: `${id}-reserve` }).then(() => 'returned' as const, caught);
  const report = await executeChild(slowReport, { workflowId: `${id}-report`, workflowExecutionTimeout: '2 seconds' }).catch(caught);
  return { quote, reserve, report };
}

/** Starts one long child under each parent-close policy, then ends at once. */
export async function leaveChildren(): Promise<string[]> {
  const id = workflowInfo().workflowId;
  const started: string[] = [];
  for (const policy of ['TERMINATE', 'ABANDON', 'REQUEST_CANCEL'] as const) {
    const child = await startChild(longChore, { workflowId: `${id}-${policy}`, parentClosePolicy: policy });
    started.push(child.workflowId);
  }
  return started;
}
