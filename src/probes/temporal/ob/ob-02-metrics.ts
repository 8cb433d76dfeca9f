/**
 * OB-02 · Metrics (Temporal)
 *
 * Question: what do the server's and the SDK's Prometheus endpoints expose, and which series move when workflows
 * run — completions, failures, activity latencies?
 *
 * How: the dev server serves its metrics on `--metrics-port`; the worker serves the SDK's when its `Runtime` is
 * installed with a Prometheus bind address (`telemetryOptions.metrics.prometheus`), which this probe asks for by
 * restarting the worker with one. The probe scrapes both, runs a batch of three-activity workflows (one of them
 * failing), scrapes again and compares every series.
 */
import { createServer } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { defineProbe, record } from '../harness/index.ts';

const RUNS = 10;

export const activities = {
  async part(i: number, fail: boolean): Promise<number> {
    if (fail && i === 2) throw ApplicationFailure.nonRetryable('one run fails on purpose', 'Planned');
    return i;
  },
  async noteDone(): Promise<void> {
    record('worked');
  },
};

/** Parses Prometheus text: each sample line becomes series → value (the series includes its labels). */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** A free loopback port for the SDK's endpoint. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

const name = (series: string) => series.split('{')[0]!;
/** The sum of a metric's samples whose labels contain every fragment given (a counter may carry the suffix `_total`). */
const total = (m: Map<string, number>, metric: string, ...fragments: string[]) =>
  [...m].filter(([s]) => (name(s) === metric || name(s) === `${metric}_total`) && fragments.every((f) => s.includes(f))).reduce((a, [, v]) => a + v, 0);

export default defineProbe({
  id: 'OB-02',
  question: "What do the server's and the SDK's Prometheus endpoints expose, and which series move after workflows run?",
  budgetMs: 90_000,
  workflows: new URL('./ob-02-metrics.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. The worker again, now serving the SDK's metrics (Runtime.install with a Prometheus bind address).
    const sdkAddress = `127.0.0.1:${await freePort()}`;
    await t.worker.kill();
    await t.worker.start({ env: { PROBE_SDK_PROMETHEUS: sdkAddress } });
    const endpoints = { server: t.server.metricsUrl, sdk: `http://${sdkAddress}/metrics` };
    const scrape = async (url: string) => {
      const res = await fetch(url);
      return { status: res.status, body: await res.text() };
    };
    const before = { server: await scrape(endpoints.server), sdk: await scrape(endpoints.sdk) };

    // 2. A batch of workflows, one failing at its third activity.
    const handles = [];
    for (let i = 0; i < RUNS; i++) handles.push(await t.client.workflow.start('threeParts', { taskQueue: t.taskQueue, workflowId: t.workflowId(`run-${i}`), args: [i === 0] }));
    const outcomes = await Promise.all(handles.map((h) => h.result().then(() => 'COMPLETED', () => 'FAILED')));
    t.check('the batch ran: completed and failed workflows', { COMPLETED: RUNS - 1, FAILED: 1 }, { COMPLETED: outcomes.filter((o) => o === 'COMPLETED').length, FAILED: outcomes.filter((o) => o === 'FAILED').length });
    await t.pause(2_000, 'let the server and the SDK record the runs');

    for (const endpoint of ['server', 'sdk'] as const) {
      const after = await scrape(endpoints[endpoint]);
      const b = parse(before[endpoint].body);
      const a = parse(after.body);
      const moved = [...a].filter(([s, v]) => v !== (b.get(s) ?? 0)).map(([s]) => s);
      t.metric(`${endpoint}: series exposed`, 'series', a.size);
      t.metric(`${endpoint}: metric names exposed`, 'names', new Set([...a.keys()].map(name)).size);
      t.metric(`${endpoint}: series that moved after ${RUNS} workflows`, 'series', moved.length);
      t.note(`${endpoint}: metric names that moved: ${[...new Set(moved.map(name))].sort().join(', ')}`);
      t.check(`${endpoint}: /metrics answers in Prometheus text format`, 'HTTP 200 with # HELP or # TYPE lines', `HTTP ${after.status}`, after.status === 200 && /^# (HELP|TYPE) /m.test(after.body));
      if (endpoint === 'server') {
        const delta = (metric: string, ...f: string[]) => total(a, metric, ...f) - total(b, metric, ...f);
        t.check('server: workflow outcome counters moved with the runs', { workflow_success: RUNS - 1, workflow_failed: 1 }, { workflow_success: delta('workflow_success'), workflow_failed: delta('workflow_failed') });
        t.note(`server: a workflow_success series: ${[...a.keys()].find((s) => name(s) === 'workflow_success') ?? 'none'}`);
      } else {
        const tq = `task_queue="${t.taskQueue}"`;
        t.check('sdk: workflow outcome counters on this task queue', { temporal_workflow_completed: RUNS - 1, temporal_workflow_failed: 1 }, {
          temporal_workflow_completed: total(a, 'temporal_workflow_completed', tq), temporal_workflow_failed: total(a, 'temporal_workflow_failed', tq),
        });
        const latency = [...a.keys()].filter((s) => /^temporal_activity_execution_latency/.test(s)).map(name);
        t.check('sdk: activity latency histograms', 'temporal_activity_execution_latency and temporal_activity_schedule_to_start_latency', [...new Set([...a.keys()].map(name).filter((n) => /^temporal_activity_(execution|schedule_to_start)_latency/.test(n)))].sort(), latency.length > 0 && [...a.keys()].some((s) => name(s).startsWith('temporal_activity_schedule_to_start_latency')));
        const count = total(a, 'temporal_activity_execution_latency_count', tq) || total(a, 'temporal_activity_execution_latency_seconds_count', tq) || total(a, 'temporal_activity_execution_latency_milliseconds_count', tq);
        t.check('sdk: activity executions counted in the latency histogram (4 per completed run, 3 in the failed one)', (RUNS - 1) * 4 + 3, count);
        t.note(`sdk: an activity latency series: ${[...a.keys()].find((s) => /^temporal_activity_execution_latency.*_count/.test(s)) ?? 'none'}`);
      }
    }
  },
});
