/**
 * WF-01 · Step definition: payload conversion (Temporal)
 *
 * Question: in Temporal a step is an activity, and what crosses between client, workflow and activity goes through
 * the SDK's payload converter. Which JavaScript values survive those trips, and in what form do they arrive?
 *
 * How: fifteen sample values (a Date, undefined, a key holding undefined, a nested object, an integer above 2^53, a
 * BigInt, a Map, a Set, a Uint8Array alone and inside an object, NaN, Infinity, a class instance, a 10,000-element
 * array) each make four trips on the real server: the client passes it as a workflow argument; a workflow passes it
 * to an activity (which reports what it received) and gets it back as the activity's result; a workflow returns it
 * as its result to the client. Each hop describes the runtime type and content it sees. The expectation is the
 * documented default converter: `undefined` as `binary/null`, a bare `Uint8Array` as `binary/plain`, everything
 * else through JSON (`json/plain`), so a value JSON cannot write must be refused.
 * https://docs.temporal.io/develop/typescript/best-practices/data-handling/data-conversion
 * Last, an activity declared to return `Promise<Date>`: the workflow's proxy types its result as a `Date`; the probe
 * records what the workflow holds at run time.
 */
import { defineProbe, record } from '../harness/index.ts';
import type { ProbeContext } from '../harness/index.ts';
import { describe, SAMPLES, sample, type SampleName } from './wf-01-payload-conversion.workflows.ts';

export const activities = {
  /** Returns what it was given, after saying what arrived. */
  async echo(name: SampleName, value: unknown): Promise<unknown> {
    record('activity received', { name, arrived: describe(value) });
    return value;
  },
  /** Declared, and typed, as returning a Date. */
  async issuedAt(): Promise<Date> {
    return new Date('2026-01-02T03:04:05.678Z');
  },
};

/** How long a workflow that cannot complete (its result unconvertible) is given to show a failed workflow task. */
const STUCK_MS = 4_000;

/** What the documented default converter should make of a sample: its own encoding, or JSON's round trip. */
function expectedOf(name: SampleName): string {
  const value = sample(name);
  if (value === undefined || value instanceof Uint8Array) return describe(value);
  try {
    return describe(JSON.parse(JSON.stringify(value)));
  } catch {
    return 'refused';
  }
}

/** Waits for a workflow's result, or reports that its workflow task failed (the result could not be converted). */
async function resultOrStuck(t: ProbeContext, workflowId: string): Promise<{ value?: unknown; failure?: string }> {
  const handle = t.client.workflow.getHandle(workflowId);
  const outcome = await Promise.race([
    handle.result().then((value) => ({ value }), (e: Error) => ({ failure: `workflow failed: ${e.message}` })),
    t.pause(STUCK_MS, 'give a stuck workflow time to show its failed task').then(() => null),
  ]);
  if (outcome) return outcome;
  const failed = (await t.history(handle)).find((e) => e.type === 'WORKFLOW_TASK_FAILED');
  await handle.terminate('WF-01: the result could not be converted');
  return { failure: failed ? `workflow task failed: ${failed.cause}: ${failed.failure ?? ''}` : `no result within ${STUCK_MS} ms` };
}

export default defineProbe({
  id: 'WF-01',
  question: 'Which JavaScript values survive the payload conversion between client, workflow and activity, and in what form?',
  budgetMs: 90_000,
  workflows: new URL('./wf-01-payload-conversion.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const start = (type: string, id: string, args: unknown[]) => t.client.workflow.start(type, { taskQueue: t.taskQueue, workflowId: t.workflowId(id), args });

    for (const name of SAMPLES) {
      const slug = name.replace(/\W+/g, '-');
      const seen: Record<string, string> = {};

      // 1. Client → workflow argument: the workflow reports what arrived.
      try {
        const h = await start('argumentTrip', `${slug}-argument`, [sample(name)]);
        seen['workflow argument'] = ((await h.result()) as { arrived: string }).arrived;
      } catch (e) {
        seen['workflow argument'] = 'refused';
        t.note(`${name}, workflow argument: the client's start threw ${(e as Error).name}: ${(e as Error).message}`);
      }

      // 2. Workflow → activity argument → activity result → workflow.
      const h2 = await start('activityTrip', `${slug}-activity`, [name]);
      const back = (await h2.result()) as string;
      const arrived = t.ledger.entries('activity received').find((e) => (e.data as { name: string }).name === name);
      seen['activity argument'] = arrived ? (arrived.data as { arrived: string }).arrived : 'refused';
      seen['activity result'] = back.startsWith('threw') ? 'refused' : back;
      if (back.startsWith('threw')) t.note(`${name}, activity trip: the workflow's call ${back}`);

      // 3. Workflow result → client.
      await start('resultTrip', `${slug}-result`, [name]);
      const result = await resultOrStuck(t, t.workflowId(`${slug}-result`));
      seen['workflow result'] = result.failure ? 'refused' : describe(result.value);
      if (result.failure) t.note(`${name}, workflow result: ${result.failure}`);

      const expected = expectedOf(name);
      const want = { 'workflow argument': expected, 'activity argument': expected, 'activity result': expected, 'workflow result': expected };
      t.check(`${name}: what arrived after each trip`, want, seen);
    }

    // 4. The types: an activity declared `Promise<Date>` is typed `Date` in the workflow too. What does it hold?
    const typed = (await (await start('typedDate', 'typed-date', [])).result()) as { runtimeType: string; hasGetTime: boolean };
    t.check('an activity declared to return a Date: what the workflow holds at run time (its type says Date)', { runtimeType: 'Date', hasGetTime: true }, typed);
  },
});
