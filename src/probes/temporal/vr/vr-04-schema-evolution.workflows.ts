/**
 * VR-04's workflows as first deployed (v1): a sign-up takes `{ name, plan, amount }` with the amount as a string.
 * Both wait for a go-ahead before reading their input, so a later deployment is the code that reads it.
 */
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export interface SignUpV1 {
  name: string;
  plan: 'free' | 'pro';
  amount: string; // e.g. "12.50"
}

export const proceed = defineSignal('proceed');

async function goAhead(): Promise<void> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  await condition(() => go);
}

/** Describes the input as the code sees it. */
export async function welcome(input: SignUpV1): Promise<Record<string, unknown>> {
  await goAhead();
  return { greeting: `Welcome, ${input.name}`, plan: input.plan };
}

/** Charges the first invoice. */
export async function firstInvoice(input: SignUpV1): Promise<string> {
  await goAhead();
  return `charged ${input.amount}`;
}
