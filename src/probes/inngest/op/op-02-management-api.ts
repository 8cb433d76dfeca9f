/**
 * OP-02 · Workflow management API
 *
 * Question: can an operator manage runs through the server's API: list, get, read the trace, cancel, cancel in
 * bulk, and rerun? Each call is exercised against the real server, with its response time, and the probe notes
 * which calls this server lacks or stubs.
 *
 * How: a few runs of a sleeping function and one failing run give the API something to act on. Every call goes
 * through the harness's raw API access, so the probe sees status codes and bodies as an operator's script would.
 */
import { Inngest } from 'inngest';
import { defineProbe } from '../harness/index.ts';

const inngest = new Inngest({ id: 'op-02' });

const nap = inngest.createFunction({ id: 'op-02-nap', triggers: [{ event: 'probe/op-02.nap' }] }, async ({ step }) => {
  await step.run('before', () => 'ok');
  await step.sleep('long nap', '60s');
});
const broken = inngest.createFunction({ id: 'op-02-broken', triggers: [{ event: 'probe/op-02.broken' }], retries: 0 }, async () => {
  throw new Error('always fails');
});

export default defineProbe({
  id: 'OP-02',
  question: 'Do list, get, trace, cancel, bulk cancel and rerun all work through the API, and how fast?',
  budgetMs: 60_000,
  client: inngest,
  functions: [nap, broken],

  async run(t) {
    const timed = async (name: string, method: string, path: string, body?: unknown) => {
      const started = performance.now();
      const res = await t.callApi(method, path, body);
      t.metric(`${name}: response time`, 'ms', performance.now() - started);
      return res;
    };
    const ok = (status: number) => status >= 200 && status < 300;
    /** A response body as JSON, or null when it is not JSON. */
    const parsed = (body: string): Record<string, unknown> | null => {
      try {
        return JSON.parse(body) as Record<string, unknown>;
      } catch {
        return null;
      }
    };
    /** The run status a v2 run response reports (`data.status`), read from the parsed body. */
    const statusOf = (body: string) => ((parsed(body)?.data as { status?: string } | undefined)?.status ?? 'no status in the response');

    const [sleeping] = await t.waitForRuns(await t.send('probe/op-02.nap'));
    const [other] = await t.waitForRuns(await t.send('probe/op-02.nap'));
    const [failed] = await t.waitForRuns(await t.send('probe/op-02.broken'));
    await t.waitForEnd(failed!.id);
    await t.pause(1_000, 'let the sleeps start');

    const list = await timed('list runs', 'GET', '/api/v2/runs?limit=50');
    const listed = (parsed(list.body)?.data as { id: string }[] | undefined)?.map((r) => r.id) ?? [];
    t.check('list runs (GET /api/v2/runs)', '2xx listing our sleeping run', { http: list.status, listsOurRun: listed.includes(sleeping!.id), runsListed: listed.length }, ok(list.status) && listed.includes(sleeping!.id));
    const get = await timed('get a run', 'GET', `/api/v2/runs/${sleeping!.id}`);
    const getStatus = statusOf(get.body);
    t.check('get a run (GET /api/v2/runs/{id})', '2xx, RUNNING', `HTTP ${get.status}, ${getStatus}`, ok(get.status) && getStatus === 'RUNNING');
    t.note(`The same sleeping run as GraphQL reports it: ${(await t.getRun(sleeping!.id)).status}.`);
    const trace = await timed('read the trace', 'GET', `/api/v2/runs/${sleeping!.id}/trace`);
    const spanNames = (parsed(trace.body)?.data as { rootSpan?: { children?: { name: string }[] } } | undefined)?.rootSpan?.children?.map((c) => c.name) ?? [];
    t.check('trace (GET /api/v2/runs/{id}/trace)', '2xx with the sleep "long nap"', { http: trace.status, spans: spanNames }, ok(trace.status) && spanNames.includes('long nap'));

    // Cancel one run, then read its status back from the server: the response alone does not say it was cancelled.
    const cancel = await timed('cancel a run', 'POST', `/api/v2/runs/${sleeping!.id}/cancel`, {});
    const afterCancel = await t.waitForEnd(sleeping!.id, { timeoutMs: 15_000 }).then((r) => r.status, (e: Error) => e.message);
    const v2AfterCancel = statusOf((await t.callApi('GET', `/api/v2/runs/${sleeping!.id}`)).body);
    t.check(
      'cancel (POST /api/v2/runs/{id}/cancel), then the run is CANCELLED',
      { http: '2xx', runStatus: 'CANCELLED' },
      { http: cancel.status, body: cancel.body.slice(0, 200), runStatus: afterCancel, v2Status: v2AfterCancel },
      ok(cancel.status) && afterCancel === 'CANCELLED',
    );

    // The bulk endpoint: cancel every run of a function started in a time window.
    const bulk = await timed('bulk cancel', 'POST', '/v1/cancellations', {
      app_id: 'op-02', function_id: 'op-02-op-02-nap', started_after: new Date(Date.now() - 120_000).toISOString(), started_before: new Date().toISOString(),
    });
    t.check('bulk cancel (POST /v1/cancellations)', '2xx', `HTTP ${bulk.status}: ${bulk.body.slice(0, 200).trim()}`, ok(bulk.status));
    await t.cancel(other!.id);
    const rerun = await timed('rerun a failed run', 'POST', `/api/v2/runs/${failed!.id}/rerun`, {});
    const newRunId = (parsed(rerun.body)?.data as { runId?: string } | undefined)?.runId;
    t.check('rerun (POST /api/v2/runs/{id}/rerun)', '2xx with a new run id', { http: rerun.status, runId: newRunId ?? null }, ok(rerun.status) && typeof newRunId === 'string' && newRunId !== failed!.id);
    const webhooks = await timed('list webhooks', 'GET', '/api/v2/env/webhooks');
    t.note(`Other management routes on this server: GET /api/v2/env/webhooks answered HTTP ${webhooks.status}.`);
  },
});
