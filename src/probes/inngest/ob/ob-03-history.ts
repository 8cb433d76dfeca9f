/**
 * OB-03 · History visualisation
 *
 * Question: does a run's recorded history show everything that happened: every attempt of a retried step, each
 * kind of step (run, sleep, wait, invoke), and their timings?
 *
 * How: one run does all of it: a step that fails once and is retried, a sleep, a wait for an event (answered by
 * the probe), and an invoke of another function. The probe reads the run's trace and checks each element;
 * the step records each of its attempts, so the trace's attempt spans can be counted against them.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ob-03' });

const helper = inngest.createFunction({ id: 'ob-03-helper', triggers: [{ event: 'probe/ob-03.helper' }] }, async () => 'helped');

const journey = inngest.createFunction({ id: 'ob-03-journey', triggers: [{ event: 'probe/ob-03.start' }], retries: 2 }, async ({ step, attempt }) => {
  await step.run('flaky call', () => {
    record('flaky call attempted', { attempt });
    if (attempt === 0) throw new Error('first attempt fails');
    return 'ok';
  });
  await step.sleep('short nap', '1s');
  await step.run('ready for approval', () => record('waiting'));
  await step.waitForEvent('wait for approval', { event: 'probe/ob-03.approved', timeout: '30s' });
  await step.invoke('ask the helper', { function: helper, data: {} });
});

export default defineProbe({
  id: 'OB-03',
  question: 'Does the trace show every attempt, step kind and timing of a run with a retry, a sleep, a wait and an invoke?',
  budgetMs: 120_000,
  needs: { flags: ['--retry-interval', '1'] }, // a short linear retry interval on the server
  client: inngest,
  functions: [helper, journey],

  async run(t) {
    const [run] = await t.waitForRuns(await t.send('probe/ob-03.start'));
    await t.ledger.waitFor('waiting');
    await t.pause(500, 'let the wait register');
    await t.send('probe/ob-03.approved');
    const ended = await t.waitForEnd(run!.id);
    t.check('run completed', 'COMPLETED', ended.status);

    const spans = (await t.getTrace(run!.id)).children;
    const kinds = [...new Set(spans.map((s) => s.stepOp).filter(Boolean))].sort();
    t.check('every step kind is in the trace', ['INVOKE', 'RUN', 'SLEEP', 'WAIT_FOR_EVENT'], kinds);
    // One attempt span per attempt the step really made (the ledger counts them): a missing or duplicated span
    // fails. A step span with children holds its attempts; a step span without children is an attempt itself.
    const attemptsMade = t.ledger.entries('flaky call attempted').map((e) => (e.data as { attempt: number }).attempt);
    const attemptSpans = spans
      .filter((s) => s.name === 'flaky call')
      .flatMap((s) => (s.children.length > 0 ? s.children.map((c) => `flaky call › ${c.name}: ${c.status}`) : [`flaky call: ${s.status}`]));
    t.check(
      'the retried step: attempt spans in the trace, against the attempts it made',
      `${attemptsMade.length} spans (one per attempt: FAILED, then COMPLETED)`,
      attemptSpans,
      attemptsMade.length === 2 && attemptSpans.length === attemptsMade.length && attemptSpans[0]!.endsWith('FAILED') && attemptSpans[1]!.endsWith('COMPLETED'),
    );
    const everySpan = (list: typeof spans): typeof spans => list.flatMap((s) => [s, ...everySpan(s.children)]);
    const untimed = everySpan(spans).filter((s) => !s.startedAt || !s.endedAt).map((s) => s.name);
    t.check('spans without a start or end time', [], untimed);
    const sleep = spans.find((s) => s.stepOp === 'SLEEP');
    t.metric('sleep span duration (nominal 1 s)', 'ms', sleep?.durationMs ?? NaN);
    t.note(`Trace spans: ${spans.map((s) => `${s.name} (${s.stepOp ?? '-'}, ${s.status}, ${s.durationMs ?? '?'} ms, children ${s.children.length})`).join('; ')}`);
  },
});
