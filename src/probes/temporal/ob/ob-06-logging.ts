/**
 * OB-06 · Logging (Temporal)
 *
 * Question: workflow code runs again on every replay. Is a line logged from workflow code written once per run,
 * or once per replay? Which of the ways out of the sandbox — the SDK's workflow logger, `console.log`, a sink —
 * repeat on replay?
 *
 * How: the worker keeps no workflow cache (`maxCachedWorkflows: 0`), so each of the workflow's five workflow
 * tasks replays the code from the start. The workflow writes a marker line at its top and between its steps
 * through `log` from `@temporalio/workflow`, through `console.log`, through a sink of the probe's own (registered
 * with the SDK's defaults) and through the harness's ledger sink (registered with `callDuringReplay: true`,
 * which counts executions). Its activities log through `log` from `@temporalio/activity`. The probe counts the
 * markers in the worker's output and in the ledger.
 */
import { log as activityLog } from '@temporalio/activity';
import type { InjectedSinks } from '@temporalio/worker';
import { defineProbe, record } from '../harness/index.ts';
import type { AuditSinks } from './ob-06-logging.workflows.ts';

export const activities = {
  async reserveStock(): Promise<string> {
    activityLog.info('LOG-IN-ACTIVITY reserve stock');
    return 'reserved';
  },
  async sendReceipt(): Promise<string> {
    activityLog.info('LOG-IN-ACTIVITY send receipt');
    return 'sent';
  },
};

/** A sink as an application would register it: the SDK's default is not to call it during replay. */
const audit: InjectedSinks<AuditSinks> = {
  audit: { write: { fn: (_info, line) => record('audit sink', { line }) } },
};

export default defineProbe({
  id: 'OB-06',
  question: 'Is a line logged from workflow code written once per run, or again on every replay?',
  budgetMs: 60_000,
  workflows: new URL('./ob-06-logging.workflows.ts', import.meta.url),
  activities,
  worker: { maxCachedWorkflows: 0, sinks: audit },

  async run(t) {
    const handle = await t.client.workflow.start('checkout', { taskQueue: t.taskQueue, workflowId: t.workflowId('checkout') });
    t.check('run completed', 'done', await handle.result());
    await t.pause(500, 'the worker flushes its log lines');

    const count = (marker: string) => t.worker.sdkLines(new RegExp(marker)).length;
    const executions = t.ledger.count('workflow code ran (top)');
    const tasks = (await t.history(handle)).filter((e) => e.type === 'WORKFLOW_TASK_COMPLETED').length;
    t.metric('executions of the workflow code (first run and replays)', 'executions', executions);
    t.metric('workflow tasks in the history', 'tasks', tasks);
    t.check('the workflow code ran again on replays (the premise)', `${tasks} executions, one per workflow task`, executions, executions === tasks && executions > 1);
    t.check('workflow logger: the top line is logged once per run, not once per replay', 1, count('LOG-TOP'));
    t.check('workflow logger: between steps, logged once, not on every later replay', 1, count('LOG-BETWEEN'));
    t.check('console.log in workflow code: logged once, not on every replay', 1, count('CONSOLE-TOP'));
    t.check('a sink with the default options: called once per run', 1, t.ledger.count('audit sink'));
    t.check('a sink registered with callDuringReplay: called on every execution', executions, t.ledger.count('workflow code ran (top)'));
    t.check('activity logger: one line per activity', 2, count('LOG-IN-ACTIVITY'));
    const sample = t.worker.sdkLines(/LOG-TOP|LOG-IN-ACTIVITY reserve/);
    t.note(`How the worker printed the workflow's and an activity's line: ${sample.map((l) => l.slice(0, 300)).join(' | ')}`);
    t.note(`How the worker printed console.log: ${t.worker.sdkLines(/CONSOLE-TOP/).slice(0, 2).map((l) => l.slice(0, 300)).join(' | ') || 'not at all'}`);
  },
});
