/**
 * CP-02 · Partial resume
 *
 * Question: after a run fails at one step and the code is fixed, can the work resume from the failed step,
 * without redoing the steps that had completed? And after a worker crash, does a run pick up where it was?
 *
 * How: an import pipeline whose "load into warehouse" step fails in deployment v1. The probe deploys a fixed v2
 * and asks the server to rerun the failed run from that step (the API's rerun `fromStep`), then counts in the
 * ledger which steps ran again. Separately, it crashes a worker in the middle of a two-step run and restarts it.
 */
import { Inngest } from 'inngest';
import { defineProbe, deployment, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'cp-02' });

const importFile = inngest.createFunction(
  { id: 'cp-02-import-file', triggers: [{ event: 'probe/cp-02.import' }], retries: 0 },
  async ({ step }) => {
    const rows = await step.run('download file', () => (record('file downloaded'), [1, 2, 3]));
    const parsed = await step.run('parse rows', () => (record('rows parsed'), rows.map((r) => r * 10)));
    const loaded = await step.run('load into warehouse', () => {
      record('load attempted', { deployment: deployment() });
      if (deployment() === 'v1') throw new Error('warehouse rejected the rows: column "amount" missing');
      return parsed.length;
    });
    await step.run('notify team', () => record('team notified'));
    return { loaded, parsed };
  },
);

const crashy = inngest.createFunction(
  { id: 'cp-02-crash-midway', triggers: [{ event: 'probe/cp-02.crash' }], retries: 2 },
  async ({ step, attempt }) => {
    await step.run('first half', () => record('first half done'));
    await step.run('second half', async () => {
      record('second half started');
      if (attempt === 0) await hold(60_000); // the probe kills the worker here
    });
  },
);

export default defineProbe({
  id: 'CP-02',
  question: 'Does work resume from the failed step after a fix, and after a crash, without redoing completed steps?',
  budgetMs: 120_000,
  client: inngest,
  functions: [importFile, crashy],

  async run(t) {
    // 1. The import fails at its third step.
    const eventId = await t.send('probe/cp-02.import');
    const [failed] = await t.waitForRuns(eventId);
    t.check('v1: run fails at "load into warehouse"', 'FAILED', (await t.waitForEnd(failed!.id)).status);

    // 2. Deploy the fix, then rerun from the failed step.
    await t.worker.kill();
    await t.worker.start({ PROBE_DEPLOYMENT: 'v2' });
    const resumedId = await t.rerun(failed!.id, { fromStep: 'load into warehouse' });
    const resumed = await t.waitForEnd(resumedId);
    t.check('rerun from the step: completed', 'COMPLETED', resumed.status);
    t.check('rerun from the step: output built from the first run\'s step outputs', { loaded: 3, parsed: [10, 20, 30] }, resumed.output);
    t.check('"download file" ran once in all', 1, t.ledger.count('file downloaded'));
    t.check('"parse rows" ran once in all', 1, t.ledger.count('rows parsed'));
    t.check('"load into warehouse" attempts (v1, then v2)', ['v1', 'v2'], t.ledger.entries('load attempted').map((e) => (e.data as { deployment: string }).deployment));

    // 3. A crash in the middle of a run: kill the worker inside "second half", then restart it.
    const crashEvent = await t.send('probe/cp-02.crash');
    await t.ledger.waitFor('second half started');
    const crashedAt = Date.now();
    await t.worker.kill();
    await t.worker.start();
    const [crashRun] = await t.waitForRuns(crashEvent);
    const after = await t.waitForEnd(crashRun!.id, { timeoutMs: 75_000 });
    t.metric('crash to run completed', 'ms', Date.parse(after.endedAt ?? new Date().toISOString()) - crashedAt);
    t.check('after a crash: run completed', 'COMPLETED', after.status);
    t.check('after a crash: "first half" not redone', 1, t.ledger.count('first half done'));
    t.check('after a crash: only the interrupted step ran again', 2, t.ledger.count('second half started'));
  },
});
