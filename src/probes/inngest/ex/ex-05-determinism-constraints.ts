/**
 * EX-05 · Determinism constraints
 *
 * Question: which of a function's code must be deterministic? Code inside `step.run` runs once and is
 * remembered; code outside steps runs again every time the SDK re-enters the function. How often is that, and
 * what does a random value outside a step do meanwhile?
 *
 * How: a function with three steps and two sleeps (each sleep ends an HTTP request, so the function is
 * re-entered). Outside the steps it draws `Math.random()` and records it with the step outputs it sees; inside
 * each step it draws a random number too and returns it. The probe counts re-entries and compares the values.
 * It does so with the SDK's checkpointing on (the 4.x default) and off.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-05' });

function pricing(variant: string, checkpointing: boolean) {
  return inngest.createFunction(
    { id: `ex-05-pricing-${variant}`, triggers: [{ event: `probe/ex-05.${variant}` }], checkpointing },
    async ({ step }) => {
      const outside = Math.random(); // not memoized: a new value on every entry
      record(`${variant}: entered`, { outside });
      const a = await step.run('draw a', () => Math.random());
      record(`${variant}: saw a`, { a, outside });
      await step.sleep('pause 1', '1s');
      const b = await step.run('draw b', () => Math.random());
      record(`${variant}: saw b`, { b, outside });
      await step.sleep('pause 2', '1s');
      const c = await step.run('draw c', () => Math.random());
      record(`${variant}: reached the end`, { a, b, c, outside });
      return { a, b, c };
    },
  );
}

const variants = [
  { variant: 'checkpointing', checkpointing: true },
  { variant: 'per-step-requests', checkpointing: false },
];

export default defineProbe({
  id: 'EX-05',
  question: 'How often does code outside steps re-run, and what happens to a random value there?',
  budgetMs: 60_000,
  client: inngest,
  functions: variants.map((v) => pricing(v.variant, v.checkpointing)),

  async run(t) {
    for (const { variant } of variants) {
      const eventId = await t.send(`probe/ex-05.${variant}`);
      const [run] = await t.waitForRuns(eventId);
      const ended = await t.waitForEnd(run!.id);
      const entries = t.ledger.entries(`${variant}: entered`);
      const outsides = new Set(entries.map((e) => (e.data as { outside: number }).outside));
      const sawA = new Set(t.ledger.entries(`${variant}: saw a`).map((e) => (e.data as { a: number }).a));
      const sawB = new Set(t.ledger.entries(`${variant}: saw b`).map((e) => (e.data as { b: number }).b));
      const finals = t.ledger.entries(`${variant}: reached the end`).map((e) => e.data as { a: number; b: number; c: number; outside: number });

      t.metric(`${variant}: times the handler was entered`, 'entries', entries.length);
      t.metric(`${variant}: distinct random values drawn outside steps`, 'values', outsides.size);
      t.metric(`${variant}: times code after "draw a" saw its output`, 'times', t.ledger.count(`${variant}: saw a`));
      t.check(`${variant}: run completed`, 'COMPLETED', ended.status);
      t.check(`${variant}: every entry got a fresh outside value`, entries.length, outsides.size);
      t.check(`${variant}: "draw a" output identical on every entry`, 1, sawA.size);
      t.check(`${variant}: "draw b" output identical on every entry`, 1, sawB.size);
      t.check(`${variant}: the end of the handler ran once`, 1, finals.length);
      const final = finals[0];
      t.check(`${variant}: run output equals the step outputs the code saw`, final ? { a: final.a, b: final.b, c: final.c } : null, ended.output);
    }
  },
});
