/**
 * DX-03 · Local development (Temporal)
 *
 * Question: how quick is the local loop? Starting `temporal server start-dev`, starting a worker, picking up a
 * code change, and seeing the first run complete.
 *
 * How: three rounds of: restart the dev server (stop, start, until its HTTP API answers for the namespace);
 * restart the worker (a process start until it polls); start a workflow and wait for its result. Bundling the
 * workflow code, which a worker does at start-up, is timed on its own. Then a code change: the worker restarts on
 * new code (bundled afresh) and the probe times until a run shows the new behaviour.
 */
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { defineProbe } from '../harness/index.ts';

export const activities = {
  async buildGreeting(greeting: string, name: string): Promise<string> {
    return `${greeting}, ${name}`;
  },
};

const ROUNDS = 3;
const WORKFLOWS = new URL('./dx-03-local-development.workflows.ts', import.meta.url);

export default defineProbe({
  id: 'DX-03',
  question: 'How long do server start, worker start, bundling, picking up a code change, and a first run take locally?',
  budgetMs: 150_000,
  exclusive: true, // measures time
  workflows: WORKFLOWS,
  deployments: { v2: new URL('./dx-03-local-development.v2.workflows.ts', import.meta.url) },
  activities,

  async run(t) {
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = performance.now();
      const value = await work();
      return [value, performance.now() - started];
    };
    const runOnce = (name: string) => t.client.workflow.execute('greet', { taskQueue: t.taskQueue, workflowId: t.workflowId(name), args: [name] });
    const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

    const serverRestarts: number[] = [];
    const workerStarts: number[] = [];
    const bundles: number[] = [];
    const firstRuns: number[] = [];
    let lastOutput: unknown = null;
    for (let round = 0; round < ROUNDS; round++) {
      serverRestarts.push((await timed(() => t.server.restart()))[1]);
      bundles.push((await timed(() => bundleWorkflowCode({ workflowsPath: fileURLToPath(WORKFLOWS), logger: quiet })))[1]);
      await t.worker.kill();
      workerStarts.push((await timed(() => t.worker.start()))[1]);
      const [output, ms] = await timed(() => runOnce(`round-${round}`));
      firstRuns.push(ms);
      lastOutput = output;
    }
    t.metric('dev server restart (stop, start, healthy)', 'ms', serverRestarts);
    t.metric('bundle the workflow code (what a worker does at start-up)', 'ms', bundles);
    t.metric('worker start (process spawn to polling, bundle ready)', 'ms', workerStarts);
    t.metric('first run after a worker start: start to result', 'ms', firstRuns);
    t.check('the first run after a fresh start completes', `Hello, round-${ROUNDS - 1}`, lastOutput);

    // A code change: the worker restarts on new code, bundled afresh, then the first run that shows it.
    const [changed, ms] = await timed(async () => {
      await t.worker.kill();
      await t.worker.start({ deployment: 'v2' });
      return runOnce('change');
    });
    t.metric('code change: re-bundle and restart to a run on the new code', 'ms', ms);
    t.check('the run after the change uses the new code', 'Hi, change', changed);
  },
});
