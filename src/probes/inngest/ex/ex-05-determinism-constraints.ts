/**
 * EX-05 · Determinism constraints
 *
 * Question: which of a function's code must be deterministic? Code inside `step.run` runs once and is
 * remembered; code outside steps runs again every time the SDK re-enters the function. How often is that, and
 * what does a random value outside a step do meanwhile?
 *
 * How: a function with three steps and two sleeps (each sleep ends an HTTP request, so the function is
 * re-entered). Outside the steps it takes three kinds of outside value — `Math.random()`, the clock (`Date.now()`)
 * and `crypto.randomUUID()` — and calls an external HTTP service (a stand-in on loopback that counts its calls),
 * recording what it got beside the step outputs it sees; inside each step it draws a random number and returns it.
 * The probe counts re-entries, the distinct values of each kind and the calls that reached the service.
 * It does so with the SDK's checkpointing on (the 4.x default) and off.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-05' });

function pricing(variant: string, checkpointing: boolean) {
  return inngest.createFunction(
    { id: `ex-05-pricing-${variant}`, triggers: [{ event: `probe/ex-05.${variant}` }], checkpointing },
    async ({ event, step }) => {
      // None of this is memoized: it runs again, with new values, on every entry.
      const outside = Math.random();
      const clock = Date.now();
      const uuid = crypto.randomUUID();
      const quote = await fetch(event.data.quoteUrl as string).then((res) => res.status);
      record(`${variant}: entered`, { outside, clock, uuid, quote });
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
  question: 'How often does code outside steps re-run, and what happens to random values, the clock and outside calls there?',
  budgetMs: 60_000,
  client: inngest,
  functions: variants.map((v) => pricing(v.variant, v.checkpointing)),

  async run(t) {
    for (const { variant } of variants) {
      // A stand-in quote service outside Inngest: it counts every call the handler makes outside its steps.
      const quotes = await t.startDependency({ status: 200 });
      const eventId = await t.send(`probe/ex-05.${variant}`, { quoteUrl: quotes.url });
      const [run] = await t.waitForRuns(eventId);
      const ended = await t.waitForEnd(run!.id);
      const entries = t.ledger.entries(`${variant}: entered`).map((e) => e.data as { outside: number; clock: number; uuid: string });
      const distinct = (pick: (e: (typeof entries)[number]) => unknown) => new Set(entries.map(pick)).size;
      const sawA = new Set(t.ledger.entries(`${variant}: saw a`).map((e) => (e.data as { a: number }).a));
      const sawB = new Set(t.ledger.entries(`${variant}: saw b`).map((e) => (e.data as { b: number }).b));
      const finals = t.ledger.entries(`${variant}: reached the end`).map((e) => e.data as { a: number; b: number; c: number; outside: number });

      t.metric(`${variant}: times the handler was entered`, 'entries', entries.length);
      t.metric(`${variant}: distinct random values drawn outside steps`, 'values', distinct((e) => e.outside));
      t.metric(`${variant}: times code after "draw a" saw its output`, 'times', t.ledger.count(`${variant}: saw a`));
      t.check(`${variant}: run completed`, 'COMPLETED', ended.status);
      // Re-entry is what the question is about: one entry would leave nothing to compare.
      t.check(`${variant}: the handler was entered more than once`, '> 1', entries.length, entries.length > 1);
      const fresh = { 'Math.random()': distinct((e) => e.outside), 'Date.now()': distinct((e) => e.clock), 'crypto.randomUUID()': distinct((e) => e.uuid) };
      const allFresh = Object.fromEntries(Object.keys(fresh).map((k) => [k, entries.length]));
      t.check(`${variant}: distinct outside values per kind, against entries`, allFresh, fresh);
      t.check(`${variant}: calls to the external service made outside steps, against entries`, entries.length, quotes.calls.length);
      t.check(`${variant}: "draw a" output identical on every entry`, 1, sawA.size);
      t.check(`${variant}: "draw b" output identical on every entry`, 1, sawB.size);
      t.check(`${variant}: the end of the handler ran once`, 1, finals.length);
      const final = finals[0];
      t.check(`${variant}: run output equals the step outputs the code saw`, final ? { a: final.a, b: final.b, c: final.c } : null, ended.output);
    }
  },
});
