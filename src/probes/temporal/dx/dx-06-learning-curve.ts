/**
 * DX-06 · Learning curve (Temporal)
 *
 * Question: how much code and how many concepts does a typical durable workflow take?
 *
 * How: the canonical workflow (the Inngest probe's onboarding drip: welcome email, wait, wait for the first
 * project with a timeout, maybe nudge) is written as plainly as the SDK allows: the workflow in its module, the
 * activities below, each between two markers. The probe runs it on the server (once without the signal, once
 * with it), then measures it from the two files' own source: lines of code and distinct SDK concepts. It also
 * counts the concepts all of this project's Temporal probes needed. The worker and client set-up, which the
 * harness does here (as Inngest's harness serves its functions), is not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineProbe, record } from '../harness/index.ts';
import { projectCreated } from './dx-06-learning-curve.workflows.ts';

// canonical:start
export const activities = {
  async sendWelcome(email: string) {
    record('welcome sent', { to: email });
  },
  async sendNudge(email: string) {
    record('nudge sent', { to: email });
  },
};
// canonical:end

const here = fileURLToPath(import.meta.url);
const workflowFile = fileURLToPath(new URL('./dx-06-learning-curve.workflows.ts', import.meta.url));

/** SDK concepts a piece of source uses: workflow APIs, activity APIs, the split into modules, client calls, options. */
function concepts(source: string): string[] {
  const found = new Set<string>();
  const workflowApis = ['proxyActivities', 'proxyLocalActivities', 'defineSignal', 'defineQuery', 'defineUpdate', 'setHandler', 'condition', 'sleep', 'workflowInfo', 'patched', 'deprecatePatch', 'continueAsNew', 'executeChild', 'startChild', 'CancellationScope', 'proxySinks', 'uuid4', 'getExternalWorkflowHandle', 'ApplicationFailure', 'isCancellation'];
  for (const api of workflowApis) if (new RegExp(`\\b${api}\\b`).test(source)) found.add(api);
  for (const api of ['heartbeat', 'activityInfo', 'Context', 'cancellationSignal']) if (new RegExp(`\\b${api}\\b`).test(source) && /@temporalio\/activity/.test(source)) found.add(`activity ${api}`);
  if (/from '@temporalio\/workflow'/.test(source)) found.add('workflow module (sandboxed, deterministic)');
  if (/activities = \{/.test(source)) found.add('activities (plain functions, run by the worker)');
  for (const m of source.matchAll(/client\.workflow\.(\w+)\(/g)) found.add(`client.workflow.${m[1]}`);
  for (const m of source.matchAll(/handle\.(signal|query|executeUpdate|result|cancel|terminate|describe|fetchHistory)\(/g)) found.add(`handle.${m[1]}`);
  for (const key of ['startToCloseTimeout', 'scheduleToCloseTimeout', 'heartbeatTimeout', 'retry', 'taskQueue', 'workflowId', 'workflowIdReusePolicy', 'workflowIdConflictPolicy', 'maximumAttempts', 'nonRetryableErrorTypes', 'parentClosePolicy', 'cancellationType']) {
    if (new RegExp(`\\b${key}:`).test(source)) found.add(key);
  }
  return [...found].sort();
}

const canonical = (source: string) => source.slice(source.indexOf('// canonical:start'), source.indexOf('// canonical:end'));
const codeLines = (source: string) => source.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));

export default defineProbe({
  id: 'DX-06',
  question: 'How many lines and concepts does a canonical durable workflow take?',
  budgetMs: 30_000,
  workflows: new URL('./dx-06-learning-curve.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. The canonical workflow works as written: no project, then a nudge; and with the signal, none.
    const quiet = await t.client.workflow.execute('onboarding', { taskQueue: t.taskQueue, workflowId: t.workflowId('quiet'), args: ['ann@example.com'] });
    t.check('the canonical workflow runs: welcome, wait, no project, nudge', { nudged: true, nudges: 1 }, { nudged: quiet.nudged, nudges: t.ledger.count('nudge sent') });
    const busy = await t.client.workflow.start('onboarding', { taskQueue: t.taskQueue, workflowId: t.workflowId('busy'), args: ['bob@example.com'] });
    await busy.signal(projectCreated);
    t.check('with the project signal: no nudge', { nudged: false }, await busy.result());

    // 2. Measure it from the two files: the workflow module and the activities.
    const workflowPart = canonical(readFileSync(workflowFile, 'utf8'));
    const activityPart = canonical(readFileSync(here, 'utf8'));
    const lines = codeLines(workflowPart).length + codeLines(activityPart).length;
    const used = concepts(`${workflowPart}\n${activityPart}`);
    t.metric('canonical workflow: lines of code', 'lines', lines);
    t.metric('canonical workflow: lines of code, workflow module', 'lines', codeLines(workflowPart).length);
    t.metric('canonical workflow: SDK concepts', 'concepts', used.length);
    t.note(`Concepts in the canonical workflow: ${used.join(', ')}. To run it an application also needs a worker (a connection, a task queue, the workflows path, the activities) and a client that starts it with a task queue and a workflow id.`);
    t.check('a complete durable workflow fits in under 20 lines: its lines of code', '< 20', lines, lines < 20);

    // 3. What all the Temporal probes of this project needed.
    const probesRoot = dirname(dirname(here));
    const files = readdirSync(probesRoot, { recursive: true, encoding: 'utf8' }).filter((f) => /^[a-z]{2}\/[a-z]{2}-\d{2}-.+\.ts$/.test(f));
    const all = new Set(files.flatMap((f) => concepts(readFileSync(join(probesRoot, f), 'utf8'))));
    t.metric('concepts used across all probes of this project', 'concepts', all.size);
    t.note(`Across ${files.length} Temporal probe files and workflow modules: ${[...all].sort().join(', ')}`);
  },
});
