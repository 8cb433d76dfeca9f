/**
 * EX-07 · Replay correctness
 *
 * Question: when the SDK re-enters a function, does every completed step hand back exactly the value it
 * produced the first time? Which values survive the trip through the server's JSON state (Date, undefined,
 * Map, nested objects)? Is a step name reused in a loop memoized per iteration? And what does a rerun of a
 * finished run do?
 *
 * How: one function, run without checkpointing so that each sleep ends a request and every later entry reads
 * the step outputs back from the server. Code outside the steps records what it sees on every entry; the probe
 * compares those views with each other and with what the steps returned. Then it asks the server to rerun the
 * finished run and counts the steps' effects again.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-07' });
const LOOP = 5;

/** Describes a value the way the probe compares it: its JSON and the runtime types of the tricky fields. */
function describe(value: { when: unknown; nothing?: unknown; map: unknown; nested: unknown }) {
  return {
    json: JSON.stringify(value),
    whenType: value.when instanceof Date ? 'Date' : typeof value.when,
    hasUndefinedKey: 'nothing' in value,
    mapType: value.map instanceof Map ? 'Map' : typeof value.map,
  };
}

const replay = inngest.createFunction(
  { id: 'ex-07-replay', triggers: [{ event: 'probe/ex-07.start' }], checkpointing: false },
  async ({ step }) => {
    const made = await step.run('build a record', () => {
      const value = {
        when: new Date('2026-01-02T03:04:05.678Z'),
        nothing: undefined,
        map: new Map([['key', 1]]),
        nested: { deep: { list: [1, 'two', null, { three: 3 }] } },
      };
      record('inside the step', describe(value));
      return value;
    });
    record('outside, after the step', describe(made as Parameters<typeof describe>[0]));

    const looped: number[] = [];
    for (let i = 0; i < LOOP; i++) looped.push(await step.run('same name in a loop', () => (record('loop body'), i * 10)));
    record('loop results', looped);

    await step.sleep('take a breath', '1s');
    record('after the sleep', describe(made as Parameters<typeof describe>[0]));
    return { looped };
  },
);

export default defineProbe({
  id: 'EX-07',
  question: 'Are memoized step values returned unchanged on every re-entry, and what survives serialization?',
  budgetMs: 60_000,
  client: inngest,
  functions: [replay],

  async run(t) {
    // 1. One run to its end.
    const eventId = await t.send('probe/ex-07.start');
    const [run] = await t.waitForRuns(eventId);
    const ended = await t.waitForEnd(run!.id);
    t.check('run completed', 'COMPLETED', ended.status);

    // 2. What the step made, and what the code outside saw on each entry.
    type View = ReturnType<typeof describe>;
    const inside = t.ledger.entries('inside the step').map((e) => e.data as View);
    const outside = [...t.ledger.entries('outside, after the step'), ...t.ledger.entries('after the sleep')].map((e) => e.data as View);
    t.metric('entries that read the memoized record', 'entries', outside.length);
    t.check('the step body ran once', 1, inside.length);
    t.check('every entry saw the same value', 1, new Set(outside.map((v) => v.json)).size);
    t.check('Date comes back as', 'string (ISO 8601)', outside.every((v) => v.whenType === 'string') ? 'string (ISO 8601)' : outside.map((v) => v.whenType).join(','));
    t.check('a key holding undefined: entries that saw the key come back', 0, outside.filter((v) => v.hasUndefinedKey).length);
    t.check('a Map comes back as', 'object (entries lost)', outside.every((v) => v.mapType === 'object' && v.json.includes('"map":{}')) ? 'object (entries lost)' : outside.map((v) => v.mapType).join(','));
    const nestedSeen = [...new Set(outside.map((v) => JSON.stringify((JSON.parse(v.json) as { nested?: unknown }).nested ?? 'missing')))];
    t.check('nested objects and arrays come back intact', ['{"deep":{"list":[1,"two",null,{"three":3}]}}'], nestedSeen);

    // 3. A name reused in a loop: one body execution per iteration, values in order.
    t.check('loop: body executions', LOOP, t.ledger.count('loop body'));
    const loopViews = t.ledger.entries('loop results').map((e) => JSON.stringify(e.data));
    t.check('loop: every entry saw the values in order', [JSON.stringify([0, 10, 20, 30, 40])], [...new Set(loopViews)]);

    // 4. Rerun the finished run: a new run that executes the steps again.
    const stepRunsBefore = t.ledger.count('inside the step');
    const rerunId = await t.rerun(run!.id);
    const rerun = await t.waitForEnd(rerunId);
    t.check('rerun: a new run id', `not ${run!.id}`, rerunId, rerunId !== run!.id);
    t.check('rerun: completed', 'COMPLETED', rerun.status);
    t.check('rerun: steps executed afresh (not replayed from the old run)', stepRunsBefore + 1, t.ledger.count('inside the step'));
    t.check('rerun: same output as the original', ended.output, rerun.output);
  },
});
