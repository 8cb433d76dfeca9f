/**
 * DX-03 · Local development
 *
 * Question: how quick is the local loop? Starting the dev server, syncing an app, picking up a code change, and
 * seeing the first run complete.
 *
 * How: three rounds of: restart `inngest dev` (stop and start, until its health check answers); restart the
 * worker and sync it (a process start plus the SDK's registration); send an event and wait for the run to
 * complete. Then a code change: the worker restarts on new code and the probe times until a run shows the new
 * behaviour. Those rounds sync the app by hand (`PUT /api/inngest`, what a deploy hook does), on a dev server
 * started with `--no-discovery --no-poll` like every probe's.
 *
 * Then the loop the dev server offers for local work: it is restarted as `inngest dev -u <app URL>` with
 * discovery and polling back on and the default poll interval, and the worker is started without any sync. The
 * probe times how long until the server lists the app's functions by itself, and, after code changes that add
 * and then remove a function, how long until its list shows each change
 * (https://www.inngest.com/docs/dev-server#auto-discovery: the server polls the app's URL for changes).
 */
import { Inngest } from 'inngest';
import { defineProbe, deployment } from '../harness/index.ts';

const inngest = new Inngest({ id: 'dx-03' });
const ROUNDS = 3;

const greet = inngest.createFunction({ id: 'dx-03-greet', triggers: [{ event: 'probe/dx-03.hello' }] }, async ({ event, step }) => {
  return step.run('build greeting', () => `${deployment() === 'v2' ? 'Hi' : 'Hello'}, ${event.data.name}`);
});

/** A function that exists only in the `v2` code: the change the dev server has to notice by itself. */
const farewell = inngest.createFunction({ id: 'dx-03-farewell', triggers: [{ event: 'probe/dx-03.bye' }] }, async ({ event }) => `Bye, ${event.data.name}`);

/** Rounds of the discovery loop: each adds the function (v2), then takes it away (v1). */
const POLL_ROUNDS = 3;

export default defineProbe({
  id: 'DX-03',
  question: 'How long do server start, app sync, picking up a code change, and a first run take locally?',
  budgetMs: 180_000,
  exclusive: true, // measures time
  client: inngest,
  functions: deployment() === 'v2' ? [greet, farewell] : [greet],

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

    // The dev server's own loop: it is told the app's URL, and finds the app and its changes with no sync.
    const listed = async (): Promise<string[]> => {
      const res = await t.callApi('POST', '/v0/gql', { query: '{ functions { slug } }' });
      const data = JSON.parse(res.body) as { data?: { functions?: { slug: string }[] | null } };
      return (data.data?.functions ?? []).map((f) => f.slug).filter((slug) => slug.startsWith('dx-03-')).sort();
    };
    const until = async (want: (slugs: string[]) => boolean): Promise<[string[], number]> => {
      const started = performance.now();
      for (;;) {
        const slugs = await listed();
        const elapsed = performance.now() - started;
        if (want(slugs) || elapsed > 20_000) return [slugs, elapsed];
        await t.pause(100, 'poll the function list');
      }
    };
    await t.worker.kill();
    await t.server.restart({ flags: ['--no-discovery=false', '--no-poll=false', '-u', t.worker.serveUrl] });
    t.note(`Discovery loop: the dev server ran with ${t.server.flags.slice(t.server.flags.indexOf('--no-discovery=false')).join(' ')} (default poll interval).`);
    t.check('no functions listed while the app is down', '[]', JSON.stringify(await listed()));
    await t.worker.start({ PROBE_DEPLOYMENT: 'v1' }, 'serve', { sync: false });
    const [found, foundMs] = await until((slugs) => slugs.length > 0);
    t.metric('dev server -u: worker up to its functions listed, with no sync', 'ms', foundMs);
    t.check('the server found the app by itself', JSON.stringify(['dx-03-greet']), JSON.stringify(found.map((s) => s.replace(/^dx-03-dx-03-/, 'dx-03-'))));

    const added: number[] = [];
    const removed: number[] = [];
    const lists: string[] = [];
    for (let round = 0; round < POLL_ROUNDS; round++) {
      for (const [code, sink] of [['v2', added], ['v1', removed]] as const) {
        await t.worker.kill();
        await t.worker.start({ PROBE_DEPLOYMENT: code }, 'serve', { sync: false });
        const [slugs, ms] = await until((s) => s.some((slug) => slug.endsWith('farewell')) === (code === 'v2'));
        sink.push(ms);
        lists.push(`${code}: ${slugs.map((slug) => slug.replace(/^dx-03-dx-03-/, 'dx-03-')).join(', ') || 'none'}`);
      }
    }
    t.metric('code change adding a function: worker up to the server listing it', 'ms', added);
    t.metric('code change removing a function: worker up to the server dropping it', 'ms', removed);
    const expectedLists = Array.from({ length: POLL_ROUNDS }, () => ['v2: dx-03-farewell, dx-03-greet', 'v1: dx-03-greet']).flat();
    t.check('each change seen by the server with no sync (function list after each)', expectedLists.join(' · '), lists.join(' · '));
    // The loop is only useful if runs follow it: the function it found by polling runs.
    await t.worker.kill();
    await t.worker.start({ PROBE_DEPLOYMENT: 'v2' }, 'serve', { sync: false });
    await until((s) => s.some((slug) => slug.endsWith('farewell')));
    const [bye] = await t.waitForRuns(await t.send('probe/dx-03.bye', { name: 'poll' }));
    const byeRun = await t.waitForEnd(bye!.id);
    t.check('a run of the function found by polling', 'Bye, poll', byeRun.output);
  },
});
