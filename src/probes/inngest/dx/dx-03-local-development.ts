/**
 * DX-03 · Local development
 *
 * Question: how quick is the local loop? Starting the dev server, syncing an app, picking up a code change, and
 * seeing the first run complete.
 *
 * How: three rounds of: restart `inngest dev` (stop and start, until its health check answers); restart the
 * worker and sync it (a process start plus the SDK's registration); send an event and wait for the run to
 * complete. Then a code change: the worker restarts on new code and the probe times until a run shows the new
 * behaviour.
 */
import { Inngest } from 'inngest';
import { defineProbe, deployment } from '../harness/index.ts';

const inngest = new Inngest({ id: 'dx-03' });
const ROUNDS = 3;

const greet = inngest.createFunction({ id: 'dx-03-greet', triggers: [{ event: 'probe/dx-03.hello' }] }, async ({ event, step }) => {
  return step.run('build greeting', () => `${deployment() === 'v2' ? 'Hi' : 'Hello'}, ${event.data.name}`);
});

export default defineProbe({
  id: 'DX-03',
  question: 'How long do server start, app sync, picking up a code change, and a first run take locally?',
  budgetMs: 120_000,
  exclusive: true, // measures time
  client: inngest,
  functions: [greet],

  async run(t) {
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = performance.now();
      const value = await work();
      return [value, performance.now() - started];
    };
    const runOnce = async (name: string) => {
      const [run] = await t.waitForRuns(await t.send('probe/dx-03.hello', { name }));
      return t.waitForEnd(run!.id);
    };

    const serverRestarts: number[] = [];
    const workerSyncs: number[] = [];
    const firstRuns: number[] = [];
    let lastOutput: unknown = null;
    for (let round = 0; round < ROUNDS; round++) {
      serverRestarts.push((await timed(() => t.server.restart()))[1]);
      await t.worker.kill();
      workerSyncs.push((await timed(() => t.worker.start()))[1]);
      const [run, ms] = await timed(() => runOnce(`round ${round}`));
      firstRuns.push(ms);
      lastOutput = run.output;
    }
    t.metric('dev server restart (stop, start, healthy)', 'ms', serverRestarts);
    t.metric('worker start and app sync', 'ms', workerSyncs);
    t.metric('first run after sync: send to completed', 'ms', firstRuns);
    t.check('the first run after a fresh start completes', `Hello, round ${ROUNDS - 1}`, lastOutput);

    // A code change: new code deployed to the worker, then the first run that shows it.
    const [changed, ms] = await timed(async () => {
      await t.worker.kill();
      await t.worker.start({ PROBE_DEPLOYMENT: 'v2' });
      return runOnce('change');
    });
    t.metric('code change: restart and re-sync to a run on the new code', 'ms', ms);
    t.check('the run after the change uses the new code', 'Hi, change', changed.output);
  },
});
