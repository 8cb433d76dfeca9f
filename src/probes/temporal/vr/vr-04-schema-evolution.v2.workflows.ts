/**
 * VR-04's workflows after the payload changed shape (v2), read naively: `name` was renamed `fullName`, `locale`
 * was added (optional), `plan` was removed, and `amount` became a number. Old inputs in the history are not
 * converted: the code reads them as if they had the new shape.
 */
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export interface SignUpV2 {
  fullName: string;
  locale?: string;
  amount: number; // e.g. 12.5
}

export const proceed = defineSignal('proceed');

async function goAhead(): Promise<void> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  await condition(() => go);
}

export async function welcome(input: SignUpV2): Promise<Record<string, unknown>> {
  await goAhead();
  return { greeting: `Welcome, ${input.fullName}`, locale: input.locale ?? 'default', keys: Object.keys(input).sort() };
}

export async function firstInvoice(input: SignUpV2): Promise<string> {
  await goAhead();
  return `charged ${input.amount.toFixed(2)}`; // a string amount has no toFixed
}
