/**
 * OB-05 · Alerting (Temporal)
 *
 * Question: without Temporal Cloud, how does a failed workflow reach someone, and how fast? The server has no
 * alerting of its own and no hook that calls out when a workflow fails; what it and the SDK offer are metrics,
 * for Prometheus alert rules to watch, and the workflow code itself, which can catch its failure and raise the
 * alert in an activity.
 *
 * How: a stand-in alert receiver (an HTTP server on loopback) plays a paging service. A nightly-report workflow
 * fails for good; its code catches the failure, posts the alert to the receiver in an activity, then fails. While
 * it runs, the probe polls the server's and the SDK's Prometheus endpoints every 100 ms and times when each
 * failure counter moves. A control workflow that fails without the catch shows the counters alone.
 */
import { createServer } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { defineProbe, record } from '../harness/index.ts';

export const activities = {
  async buildReport(): Promise<string> {
    record('report failed');
    throw ApplicationFailure.nonRetryable('database unreachable', 'DatabaseDown');
  },
  async pageOnCall(alertUrl: string, alert: { workflowId: string; error: string }): Promise<number> {
    const res = await fetch(alertUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alert) });
    return res.status;
  },
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** The innermost cause of a failure chain (workflow failure → activity failure → application failure). */
function rootCause(e: Error): Error {
  let c = e;
  while (c.cause instanceof Error) c = c.cause;
  return c;
}

/** The sum of a counter's samples (optionally only series whose labels contain `fragment`); it may carry the suffix `_total`. */
async function counter(url: string, metric: string, fragment = ''): Promise<number> {
  const text = await (await fetch(url)).text();
  return text.split('\n').filter((l) => [metric, `${metric}_total`].some((m) => l.startsWith(`${m}{`) || l.startsWith(`${m} `))).filter((l) => l.includes(fragment)).reduce((a, l) => a + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

export default defineProbe({
  id: 'OB-05',
  question: 'How does a failed workflow reach an alert without Temporal Cloud, and how fast: through metrics, or the workflow\'s own code?',
  budgetMs: 60_000,
  workflows: new URL('./ob-05-alerting.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const sdkAddress = `127.0.0.1:${await freePort()}`;
    await t.worker.kill();
    await t.worker.start({ env: { PROBE_SDK_PROMETHEUS: sdkAddress } });
    const pager = await t.startDependency({ status: 200 });
    const watch = {
      server: () => counter(t.server.metricsUrl, 'workflow_failed'),
      sdk: () => counter(`http://${sdkAddress}/metrics`, 'temporal_workflow_failed', `task_queue="${t.taskQueue}"`),
    };

    for (const variant of ['catches and pages', 'fails alone'] as const) {
      const baseline = { server: await watch.server(), sdk: await watch.sdk() };
      const handle = await t.client.workflow.start(variant === 'catches and pages' ? 'nightlyReport' : 'nightlyReportUnwatched', { taskQueue: t.taskQueue, workflowId: t.workflowId(variant.replace(/ /g, '-')), args: [pager.url] });
      // Poll both endpoints until each failure counter has moved (or 15 s have passed).
      const seenAt: { server?: number; sdk?: number } = {};
      const deadline = Date.now() + 15_000;
      while ((seenAt.server === undefined || seenAt.sdk === undefined) && Date.now() < deadline) {
        for (const endpoint of ['server', 'sdk'] as const) if (seenAt[endpoint] === undefined && (await watch[endpoint]()) > baseline[endpoint]) seenAt[endpoint] = Date.now();
        await t.pause(100, 'between scrapes');
      }
      const failed = await handle.result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${rootCause(e).message}`);
      const closedAt = (await handle.describe()).closeTime?.getTime() ?? NaN;
      t.check(`${variant}: the workflow failed`, 'FAILED: database unreachable', failed);
      t.check(`${variant}: the server's workflow_failed counter moved`, 'within 15 s', seenAt.server === undefined ? 'not within 15 s' : 'moved', seenAt.server !== undefined);
      t.check(`${variant}: the SDK's temporal_workflow_failed counter moved`, 'within 15 s', seenAt.sdk === undefined ? 'not within 15 s' : 'moved', seenAt.sdk !== undefined);
      if (seenAt.server !== undefined) t.metric(`${variant}: workflow closed → server counter seen (100 ms polling)`, 'ms', seenAt.server - closedAt);
      if (seenAt.sdk !== undefined) t.metric(`${variant}: workflow closed → SDK counter seen (100 ms polling)`, 'ms', seenAt.sdk - closedAt);
      if (variant === 'catches and pages') {
        t.check('the failure reached the webhook', 1, pager.calls.length);
        if (pager.calls.length) t.metric('failure → webhook call', 'ms', pager.calls[0]! - t.ledger.entries('report failed')[0]!.at);
      } else {
        t.check('without the catch, nothing calls the webhook', 1, pager.calls.length);
      }
    }
  },
});
