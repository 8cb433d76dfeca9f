/**
 * DX-05 · Error messages / debugging
 *
 * Question: when something goes wrong, what does the developer see? The shape of a thrown error in the run's
 * output (name, message, stack, cause), and the messages for common mistakes: calling `createFunction` the 3.x
 * way, nesting a step inside a step, and giving a step no id. Does each message say what to do?
 *
 * How: a function throws an error with a cause; others make the mistakes at run time. The probe reads each run's
 * stored error through the API, and catches what the SDK throws at definition time for the old signature.
 */
import { Inngest } from 'inngest';
import { defineProbe } from '../harness/index.ts';

const inngest = new Inngest({ id: 'dx-05' });

class PaymentDeclined extends Error {
  override name = 'PaymentDeclined';
}

const thrower = inngest.createFunction({ id: 'dx-05-charge', triggers: [{ event: 'probe/dx-05.charge' }], retries: 0 }, async ({ step }) => {
  await step.run('charge card', () => {
    throw new PaymentDeclined('card declined by issuer', { cause: new Error('insufficient funds') });
  });
});

const nested = inngest.createFunction({ id: 'dx-05-nested', triggers: [{ event: 'probe/dx-05.nested' }], retries: 0 }, async ({ step }) => {
  await step.run('outer step', async () => {
    await step.run('inner step', () => 'inside');
  });
});

const noId = inngest.createFunction({ id: 'dx-05-no-id', triggers: [{ event: 'probe/dx-05.no-id' }], retries: 0 }, async ({ step }) => {
  await step.run('' as string, () => 'anonymous');
});

/** Does a message point the developer at a fix (an instruction, or a link to the docs)? */
const actionable = (message: string) => /https?:\/\/|should|use |must|instead|make sure|ensure|belong|avoid/i.test(message);

export default defineProbe({
  id: 'DX-05',
  question: 'What does a thrown error look like in the run, and do common mistakes get messages that say what to do?',
  budgetMs: 45_000,
  client: inngest,
  functions: [thrower, nested, noId],

  async run(t) {
    /** The run an event started, once it ended, or as it stands after a while if it never does. */
    const failure = async (event: string) => {
      const [run] = await t.waitForRuns(await t.send(event));
      return t.waitForEnd(run!.id, { timeoutMs: 10_000 }).catch(async () => {
        const stuck = await t.getRun(run!.id);
        await t.cancel(run!.id);
        return { ...stuck, status: `${stuck.status} after 10 s (then cancelled)` };
      });
    };
    /** What the SDK logged in the worker about a problem. */
    const sdkLog = (pattern: RegExp) => t.worker.sdkLines(pattern).join(' ');

    // 1. The shape of a thrown error, as stored with the run.
    const charged = await failure('probe/dx-05.charge');
    const err = (charged.error ?? {}) as { name?: string; message?: string; stack?: string; cause?: unknown };
    t.check('thrown error: run status', 'FAILED', charged.status);
    t.check('thrown error: name and message kept', { name: 'PaymentDeclined', message: 'card declined by issuer' }, { name: err.name, message: err.message });
    const probeFrame = String(err.stack).split('\n').find((line) => line.includes('dx-05-error-messages.ts'));
    t.check('thrown error: stack kept, pointing at the probe file', 'a frame in dx-05-error-messages.ts', probeFrame?.trim().replace(/^.*\/src\/probes\//, 'src/probes/') ?? String(err.stack).split('\n').slice(0, 2).join(' / '), probeFrame !== undefined);
    t.check('thrown error: cause kept', 'insufficient funds', JSON.stringify(err.cause ?? null).includes('insufficient funds') ? 'insufficient funds' : JSON.stringify(err.cause ?? null));

    // 2. Common mistakes.
    const mistakes: [string, string][] = [];
    try {
      // The 3.x signature: triggers as a second argument.
      (inngest.createFunction as unknown as (...a: unknown[]) => unknown)({ id: 'dx-05-old-style' }, { event: 'probe/dx-05.old' }, async () => 'x');
      mistakes.push(['3.x createFunction signature', 'accepted without error']);
    } catch (e) {
      mistakes.push(['3.x createFunction signature', (e as Error).message]);
    }
    const nestedRun = await failure('probe/dx-05.nested');
    t.check('a step inside a step: the run ends (fails or completes)', 'ended', nestedRun.status, ['FAILED', 'COMPLETED'].includes(nestedRun.status));
    mistakes.push(['a step inside a step', `${nestedRun.status}; SDK log: ${sdkLog(/Nested step|NESTING_STEPS|action:|explanation:/) || 'nothing'}`]);
    const noIdRun = await failure('probe/dx-05.no-id');
    mistakes.push(['a step with an empty id', `${noIdRun.status}: ${JSON.stringify((noIdRun.error as { message?: string } | undefined)?.message ?? noIdRun.output)}`]);

    for (const [mistake, message] of mistakes) {
      t.check(`${mistake}: the message says what to do`, 'an error with an instruction or a docs link', message.slice(0, 400), message !== 'accepted without error' && !message.startsWith('COMPLETED') && actionable(message));
    }
  },
});
