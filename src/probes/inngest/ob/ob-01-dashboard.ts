/**
 * OB-01 · Dashboard / UI
 *
 * Question: what does the server's dashboard show for a run? Where the UI is bundled in the binary, the probe
 * looks at it; where it is not (a server built from source without its front end, as here), it says so and
 * examines the API the dashboard is built on: the run list, a run's trace with timings and attempts, and the
 * output of each step.
 *
 * How: one run with a step, a sleep and a step that fails once. The probe requests the dashboard's page, then
 * issues the GraphQL queries a dashboard needs and checks what they return.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ob-01' });

const order = inngest.createFunction({ id: 'ob-01-order', triggers: [{ event: 'probe/ob-01.order' }], retries: 1 }, async ({ step, attempt }) => {
  const total = await step.run('price the order', () => ({ total: 1200, currency: 'JPY' }));
  await step.sleep('wait a moment', '1s');
  await step.run('charge', () => {
    record('charge attempted', { attempt });
    if (attempt === 0) throw new Error('card network busy');
    return 'charged';
  });
  return total;
});

export default defineProbe({
  id: 'OB-01',
  question: 'What does the dashboard (or, without it, the API behind it) show for a run?',
  budgetMs: 90_000,
  needs: { flags: ['--retry-interval', '1'] }, // a short linear retry interval on the server
  client: inngest,
  functions: [order],

  async run(t) {
    const [run] = await t.waitForRuns(await t.send('probe/ob-01.order'));
    t.check('the run completed', 'COMPLETED', (await t.waitForEnd(run!.id)).status);

    // 1. Is the dashboard in this binary?
    const page = await t.callApi('GET', '/');
    const bundled = page.status === 200 && /<script[^>]+src=/i.test(page.body);
    t.note(bundled ? 'The dashboard UI is bundled in this server binary.' : `The dashboard UI is not bundled in this server binary (GET / answered HTTP ${page.status} without the app's scripts); the checks below use the API the dashboard is built on.`);

    // 2. The runs list, as a dashboard would page it.
    const gql = async (query: string, variables: Record<string, unknown>) => JSON.parse((await t.callApi('POST', '/v0/gql', { query, variables })).body) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    const list = await gql(
      `query($from: Time!) { runs(first: 20, orderBy: [{ field: QUEUED_AT, direction: DESC }], filter: { from: $from }) { totalCount edges { node { id status } } } }`,
      { from: new Date(Date.now() - 10 * 60_000).toISOString() },
    );
    const edges = ((list.data?.runs as { edges?: { node: { id: string } }[] } | undefined)?.edges ?? []).map((e) => e.node.id);
    t.check('runs list (GraphQL runs): the run is listed', `lists ${run!.id}`, { listed: edges.length, includesTheRun: edges.includes(run!.id) }, edges.includes(run!.id));
    if (list.errors) t.note(`runs query errors: ${list.errors.map((e) => e.message).join('; ').slice(0, 200)}`);

    // 3. The run's trace: steps, attempts, timings, and a step's output.
    const traced = await gql(
      `query($id: String!) { runTrace(runID: $id) { name status duration childrenSpans { name status stepOp attempts duration outputID childrenSpans { name status attempts } } } }`,
      { id: run!.id },
    );
    type Span = { name: string; status: string; stepOp?: string; attempts?: number; duration?: number; outputID?: string; childrenSpans?: Span[] };
    const spans = ((traced.data?.runTrace as Span | undefined)?.childrenSpans ?? []);
    t.check('trace: every step with its kind', ['RUN', 'SLEEP', 'RUN'], spans.map((s) => s.stepOp ?? '-').slice(0, 3));
    // One attempt span per attempt the step made (the ledger counts them): a missing or duplicated one fails.
    const attemptSpans = spans
      .filter((s) => s.name === 'charge')
      .flatMap((s) => (s.childrenSpans?.length ? s.childrenSpans.map((c) => `charge › ${c.name}: ${c.status}`) : [`charge: ${s.status}`]));
    t.check('trace: the retried step shows each attempt, once', `${t.ledger.count('charge attempted')} attempt spans`, attemptSpans, attemptSpans.length === t.ledger.count('charge attempted'));
    const steps = [...new Set(spans.filter((s) => s.stepOp).map((s) => s.name))];
    const durations = Object.fromEntries(steps.map((name) => [name, spans.find((s) => s.name === name && typeof s.duration === 'number')?.duration ?? null]));
    t.check('trace: every step has a duration', 'a number of ms for each step', durations, steps.length > 0 && Object.values(durations).every((d) => typeof d === 'number'));
    t.note(`Trace as the dashboard's API returns it: ${JSON.stringify(spans.map((s) => ({ name: s.name, op: s.stepOp, status: s.status, attempts: s.attempts, duration: s.duration, children: s.childrenSpans?.map((c) => `${c.name}:${c.status}:${c.attempts}`) })))}`.slice(0, 900));
    const priced = spans.find((s) => s.name === 'price the order');
    const output = priced?.outputID ? await gql(`query($id: String!) { runTraceSpanOutputByID(outputID: $id) { data } }`, { id: priced.outputID }) : null;
    const outputText = JSON.stringify(output?.data ?? null);
    t.check("a step's output is readable", 'the output of "price the order" (containing 1200)', outputText.slice(0, 200), outputText.includes('1200'));
  },
});
