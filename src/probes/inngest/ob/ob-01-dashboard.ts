/**
 * OB-01 · Dashboard / UI
 *
 * Question: what does the server's dashboard show for a run? Where the UI is bundled in the binary (release
 * binaries bundle it; a server built from source has it only if its front end was built first), the probe opens
 * it in a browser as a person would; where it is not, it says so. Either way it examines the API the dashboard
 * is built on: the run list, a run's trace with timings and attempts, and the output of each step.
 *
 * How: one run with a step, a sleep and a step that fails once. A headless Chromium (Debian's, here), driven by
 * Playwright, opens the dashboard's runs list and the run's page, and the probe reads the text they render; a
 * screenshot of the run's page is kept for the rationale. Then the probe issues the GraphQL queries the
 * dashboard makes and checks what they return.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Inngest } from 'inngest';
import { defineProbe, openBrowser, record } from '../harness/index.ts';

/** Where the screenshot goes: the site's static files, so the rationale can show it. */
const SCREENSHOT = new URL('../../../../public/evidence/inngest/ob-01-run-page.png', import.meta.url);

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
    // The app's shell loads its scripts by <script src> or, in this UI's build, as module preloads.
    const bundled = page.status === 200 && /<script[^>]+src=|<link[^>]+rel="modulepreload"/i.test(page.body);
    t.check('GET / serves the dashboard app', "the app's page with its scripts", bundled ? "the app's page with its scripts" : `HTTP ${page.status} without the app's scripts`);
    if (!bundled) t.note(`The dashboard UI is not bundled in this server binary (GET / answered HTTP ${page.status} without the app's scripts); the checks below use the API the dashboard is built on.`);
    if (bundled) {
      const browser = await openBrowser(t);
      try {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const listedAt = Date.now();
        await tab.goto(`${t.server.url}/runs`);
        const listed = await tab.getByText('ob-01-order').first().waitFor({ timeout: 20_000 }).then(() => true, () => false);
        t.metric('runs list: page opened → the run shown', 'ms', Date.now() - listedAt);
        const listText = (await tab.locator('body').innerText()).replace(/\s+/g, ' ');
        t.check('runs list: the run is listed with its function and status', 'ob-01-order with Completed', listed ? 'listed' : 'not listed', listed && /Completed/i.test(listText));

        const openedAt = Date.now();
        await tab.goto(`${t.server.url}/run?runID=${run!.id}`);
        await tab.getByText('price the order').first().waitFor({ timeout: 20_000 }).catch(() => {});
        await tab.waitForLoadState('networkidle').catch(() => {});
        t.metric('run page: opened → steps shown', 'ms', Date.now() - openedAt);
        const text = (await tab.locator('body').innerText()).replace(/\s+/g, ' ');
        t.note(`Text of the run's page: ${text.slice(0, 1500)}`);
        const shows = (s: string | RegExp) => (typeof s === 'string' ? text.includes(s) : s.test(text));
        t.check('run page: shows the run id, function and status', { id: true, function: true, status: 'Completed' }, { id: shows(run!.id), function: shows('ob-01-order'), status: shows(/Completed/i) ? 'Completed' : 'not shown' });
        t.check('run page: every step is named', ['price the order', 'wait a moment', 'charge'], ['price the order', 'wait a moment', 'charge'].filter((name) => shows(name)));
        // The trace shows one row per step; its attempts open under it, as a person would click it.
        await tab.getByText('charge', { exact: true }).first().click().catch(() => {});
        await tab.waitForTimeout(1_000);
        const expanded = (await tab.locator('body').innerText()).replace(/\s+/g, ' ');
        t.note(`Text of the run's page after clicking the step "charge": ${expanded.slice(expanded.indexOf('Trace'), expanded.indexOf('Trace') + 600)}`);
        // The ledger counts the attempts the step made: the page should show one retry fewer.
        const retries = /charge (\d+) retr(?:y|ies)/.exec(expanded)?.[1];
        t.check("run page: the retried step's retries are shown (after clicking it)", `charge ${t.ledger.count('charge attempted') - 1} retry`, retries ? `charge ${retries} retry` : 'no retry count shown', Number(retries) === t.ledger.count('charge attempted') - 1);
        mkdirSync(fileURLToPath(new URL('.', SCREENSHOT)), { recursive: true });
        await tab.screenshot({ path: fileURLToPath(SCREENSHOT) });
      } finally {
        await browser.close();
      }
    }

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
