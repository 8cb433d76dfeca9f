/**
 * VR-04's workflows in v2 with a versioned input: the code accepts both shapes and upgrades a v1 payload to v2
 * before using it (a plain function, deterministic, so replay gives the same result).
 */
import { condition, defineSignal, setHandler } from '@temporalio/workflow';
import type { SignUpV1 } from './vr-04-schema-evolution.workflows.ts';
import type { SignUpV2 } from './vr-04-schema-evolution.v2.workflows.ts';

export const proceed = defineSignal('proceed');

function upgrade(input: SignUpV1 | SignUpV2): SignUpV2 {
  if ('fullName' in input) return input;
  return { fullName: input.name, amount: Number(input.amount) };
}

async function goAhead(): Promise<void> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  await condition(() => go);
}

export async function welcome(raw: SignUpV1 | SignUpV2): Promise<Record<string, unknown>> {
  await goAhead();
  const input = upgrade(raw);
  return { greeting: `Welcome, ${input.fullName}`, locale: input.locale ?? 'default', keys: Object.keys(input).sort() };
}

export async function firstInvoice(raw: SignUpV1 | SignUpV2): Promise<string> {
  await goAhead();
  return `charged ${upgrade(raw).amount.toFixed(2)}`;
}
