/**
 * WF-01 · Step definition
 *
 * Question: what does `step.run` give back after the round trip through the server, compared with what the
 * TypeScript types promise? And how do step ids appear in the run's trace?
 *
 * How: a step returns a Date, a key holding undefined, a nested object and a large array. Checkpointing is off,
 * so the code after the sleep reads the value back from the server. The function records the runtime types it
 * sees; type-level assertions in this file (checked by the compiler in the test suite) pin down what the SDK's
 * types say. The probe then reads the trace for the step names and ids.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'wf-01' });
const LARGE = 10_000;

const profile = inngest.createFunction(
  { id: 'wf-01-build-profile', triggers: [{ event: 'probe/wf-01.start' }], checkpointing: false },
  async ({ step }) => {
    const made = await step.run('load profile', () => {
      record('load profile ran');
      return {
        createdAt: new Date('2026-01-02T03:04:05.678Z'),
        nickname: undefined as string | undefined,
        address: { city: 'Kyoto', geo: { lat: 35.0116, lng: 135.7681 } },
        scores: Array.from({ length: LARGE }, (_, i) => i),
      };
    });
    await step.sleep('let the value travel', '1s');

    // What the types say: the SDK types a step's output as its JSON form. The compiler checks these lines.
    const createdAt: string = made.createdAt; // a Date is typed as string after the round trip
    const nickname: string | undefined = made.nickname;
    /** Never called: it only has to compile, and the directive fails the build if `getTime` ever type-checks. */
    const typeOnly = () => {
      // @ts-expect-error the JSON form has no Date methods, and the types know it
      made.createdAt.getTime();
    };
    void typeOnly;

    record('seen after the round trip', {
      createdAtType: typeof createdAt,
      createdAt,
      keys: Object.keys(made).sort(),
      nickname: nickname ?? null,
      city: made.address.city,
      lat: made.address.geo.lat,
      scoresLength: made.scores.length,
      scoresSum: made.scores.reduce((a, b) => a + b, 0),
    });
    return 'ok';
  },
);

export default defineProbe({
  id: 'WF-01',
  question: 'What do step outputs look like after the round trip, against their TypeScript types, and how do steps show in the trace?',
  budgetMs: 45_000,
  client: inngest,
  functions: [profile],

  async run(t) {
    const [run] = await t.waitForRuns(await t.send('probe/wf-01.start'));
    const ended = await t.waitForEnd(run!.id);
    t.check('run completed', 'COMPLETED', ended.status);

    const [seen] = t.ledger.entries('seen after the round trip');
    const v = seen!.data as Record<string, unknown>;
    t.check('Date arrives as an ISO string (as typed)', { type: 'string', value: '2026-01-02T03:04:05.678Z' }, { type: v.createdAtType, value: v.createdAt });
    t.check('a key holding undefined is dropped: the keys that arrive', ['address', 'createdAt', 'scores'], v.keys);
    t.check('nested objects survive', { city: 'Kyoto', lat: 35.0116 }, { city: v.city, lat: v.lat });
    t.check(`a ${LARGE}-element array survives whole`, { length: LARGE, sum: (LARGE * (LARGE - 1)) / 2 }, { length: v.scoresLength, sum: v.scoresSum });

    // The trace: one span per step execution, named by the step id the code gave, with a hashed id beside it. The
    // step's body ran as often as the ledger says, so a second span for it would be a duplicate.
    const trace = await t.getTrace(run!.id);
    const steps = trace.children.filter((s) => s.stepOp);
    t.check('"load profile" body ran once', 1, t.ledger.count('load profile ran'));
    t.check('trace: one span per step execution, named by its id, in order', ['load profile', 'let the value travel'], steps.map((s) => s.name));
    const ids = steps.map((s) => s.stepId ?? '(none)');
    t.check('each step span also has a hashed id (40 hex)', '40 hex digits each', ids, ids.length > 0 && ids.every((id) => /^[0-9a-f]{40}$/.test(id)));
    t.note(`Trace spans: ${steps.map((s) => `${s.name} (${s.stepOp}, ${s.status}, ${s.durationMs ?? '?'} ms)`).join('; ')}`);
  },
});
