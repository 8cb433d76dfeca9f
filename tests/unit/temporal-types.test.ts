/**
 * Type-level assertions about the Temporal TypeScript SDK (DX-01), checked by `tsc --noEmit` in the test command:
 * each `@ts-expect-error` must meet an error, or the compile fails. The runtime assertions only keep vitest
 * honest; the evidence is the compile. The probe src/probes/temporal/dx/dx-01-sdk-design.ts compiles the same
 * kinds of case with the compiler API and records the messages.
 */
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';

const activities = {
  async charge(orderId: string, amount: number): Promise<{ receipt: string }> {
    return { receipt: `${orderId}:${amount}` };
  },
  async stamp(): Promise<Date> {
    return new Date();
  },
};
type Activities = typeof activities;
const approve = defineSignal<[approver: string]>('approve');
const status = defineQuery<string>('status');
async function order(orderId: string, amount: number): Promise<{ receipt: string }> {
  return { receipt: `${orderId}:${amount}` };
}

/** Never called: the bodies are there for the compiler. */
function compileOnly(client: Client, handle: WorkflowHandle<typeof order>) {
  const { charge, stamp } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });
  // @ts-expect-error an activity missing an argument
  void charge('A1');
  // @ts-expect-error an activity argument of the wrong type
  void charge('A1', '10');
  // @ts-expect-error an activity the interface does not have
  const { refund } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });
  // @ts-expect-error a signal handler with the wrong argument type
  setHandler(approve, (n: number) => void n);
  // @ts-expect-error signalling with the wrong payload
  void handle.signal(approve, 42);
  // @ts-expect-error starting a workflow by its function with the wrong arguments
  void client.workflow.start(order, { taskQueue: 'q', workflowId: 'w', args: ['A1', '10'] });
  // Not caught: a workflow started by its name takes any arguments.
  void client.workflow.start('order', { taskQueue: 'q', workflowId: 'w', args: [1, 2, 3] });
  // Not caught: an activity's Date output is typed Date, though the default converter delivers a string (EX-07).
  expectTypeOf(stamp).returns.resolves.toEqualTypeOf<Date>();
  expectTypeOf(charge).returns.resolves.toEqualTypeOf<{ receipt: string }>();
  expectTypeOf(handle.query(status)).resolves.toEqualTypeOf<string>();
  expectTypeOf(client.workflow.execute(order, { taskQueue: 'q', workflowId: 'w', args: ['A1', 1] })).resolves.toEqualTypeOf<{ receipt: string }>();
  return refund;
}

describe('the Temporal SDK types (DX-01)', () => {
  test('the type assertions are compiled by tsc in the test command', () => {
    expect(typeof compileOnly).toBe('function');
  });
});
