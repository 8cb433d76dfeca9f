/**
 * VR-02 · Incompatible-change detection
 *
 * Question: when a redeploy changes a workflow incompatibly under running runs, does anything say so, at run
 * time (run status, error, trace, SDK log) or before deploying (static checks)?
 *
 * How: at run time, three runs sleep after completing their first steps; the worker is redeployed with code
 * in which a completed step was renamed, removed, or had a new step inserted before it. The probe collects
 * every signal the platform gives: final status, error, trace span statuses, and what the SDK printed. For
 * static checks it runs Inngest's ESLint plugin (all three of its rules) on a sample with such a change and
 * with the mistakes the rules target.
 */
import { Inngest } from 'inngest';
import { Linter } from 'eslint';
import inngestPlugin from '@inngest/eslint-plugin';
import tsParser from '@typescript-eslint/parser';
import { defineProbe, deployment, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'vr-02' });
const CHANGES = ['renamed', 'removed', 'inserted'] as const;
type Change = (typeof CHANGES)[number];

const invoice = inngest.createFunction({ id: 'vr-02-send-invoice', triggers: [{ event: 'probe/vr-02.invoice' }], retries: 0 }, async ({ event, step }) => {
  const change = event.data.change as Change;
  const v2 = deployment() === 'v2';
  if (v2 && change === 'inserted') await step.run('apply discount', () => record(`${change}: discount applied`));
  if (!(v2 && change === 'removed')) {
    await step.run(v2 && change === 'renamed' ? 'render invoice PDF' : 'render invoice', () => record(`${change}: invoice rendered`));
  }
  await step.sleep('wait for month end', '5s');
  await step.run('email invoice', () => record(`${change}: invoice emailed`));
});

/** A v2 of a function as a developer might write it: a renamed step, a nested step, an un-awaited send. */
const SAMPLE = `
import { Inngest } from 'inngest';
const inngest = new Inngest({ id: 'billing' });
export const sendInvoice = inngest.createFunction({ id: 'send-invoice', triggers: [{ event: 'invoice/due' }] }, async ({ step }) => {
  let pages = 0;
  await step.run('render invoice PDF', async () => {   // was 'render invoice' in v1
    pages = 2;
    await step.run('count pages', () => pages);       // a step inside a step
  });
  inngest.send({ name: 'invoice/rendered', data: {} }); // not awaited
});
`;

export default defineProbe({
  id: 'VR-02',
  question: 'Is an incompatible change under running runs detected at run time, or by static checks before deploying?',
  budgetMs: 60_000,
  client: inngest,
  functions: [invoice],

  async run(t) {
    // 1. Runs in flight, then an incompatible redeploy.
    const events = new Map<Change, string>();
    for (const change of CHANGES) events.set(change, await t.send('probe/vr-02.invoice', { change }));
    await t.ledger.waitFor('renamed: invoice rendered');
    await t.ledger.waitFor('removed: invoice rendered');
    await t.ledger.waitFor('inserted: invoice rendered');
    await t.pause(500, 'let the sleeps be scheduled');
    const before = t.worker.output().length;
    await t.worker.kill();
    await t.worker.start({ PROBE_DEPLOYMENT: 'v2' });

    // 2. Every signal the platform gives about each run.
    for (const change of CHANGES) {
      const [run] = await t.waitForRuns(events.get(change)!);
      const ended = await t.waitForEnd(run!.id, { timeoutMs: 30_000 });
      const spans = (await t.getTrace(run!.id)).children;
      const unusual = spans.filter((s) => !['COMPLETED', 'RUNNING', 'WAITING'].includes(s.status)).map((s) => `${s.name}: ${s.status}`);
      t.check(
        `${change}: the run reports the change (status, error or trace)`,
        'a failure, error or warning',
        `status ${ended.status}, error ${JSON.stringify(ended.error ?? null)}, unusual spans ${JSON.stringify(unusual)}`,
        ended.status !== 'COMPLETED' || ended.error != null || unusual.length > 0,
      );
    }
    const sdkSaid = t.worker.sdkLines(/warn|error|step|determin|mismatch/i, before);
    t.check('the SDK logged something about the changed steps', 'a warning or error line', sdkSaid[0]?.slice(0, 160) ?? 'nothing', sdkSaid.length > 0);
    t.metric('effects repeated by the rename', 'effects', t.ledger.count('renamed: invoice rendered') - 1);

    // 3. Static checks: Inngest's ESLint plugin, every rule on, on the v2 sample.
    const rules = Object.keys(inngestPlugin.rules);
    const findings = new Linter({ configType: 'flat' }).verify(SAMPLE, [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { '@inngest': inngestPlugin },
        rules: Object.fromEntries(rules.map((r) => [`@inngest/${r}`, 'error'])),
      },
    ], 'sample.ts');
    t.note(`Rules in @inngest/eslint-plugin: ${rules.join(', ')}`);
    const sampleLine = (n: number) => SAMPLE.split('\n')[n - 1]?.trim().slice(0, 60);
    for (const f of findings) t.note(`lint ${f.ruleId} at \`${sampleLine(f.line)}\`: ${f.message}`);
    const flagged = [...new Set(findings.map((f) => f.ruleId))].sort();
    t.check('lint flags the nested step: rules that fired', 'includes @inngest/no-nested-steps', flagged, flagged.includes('@inngest/no-nested-steps'));
    t.check('lint flags the un-awaited send: rules that fired', 'includes @inngest/await-inngest-send', flagged, flagged.includes('@inngest/await-inngest-send'));
    const renamedLine = SAMPLE.split('\n').findIndex((l) => l.includes('render invoice PDF')) + 1;
    const onRename = findings.find((f) => f.line === renamedLine);
    t.check('lint flags the renamed step id', 'a finding on the renamed step', onRename?.message ?? 'no finding', onRename !== undefined);
  },
});
