/**
 * AI-03 · Human-in-the-loop approval
 *
 * Question: can an AI workflow stop for a human's decision and continue on it: approval continues, rejection
 * takes the other path, and no answer before the deadline counts as a rejection? How fast does it react?
 *
 * How: three runs of a "publish the AI draft" workflow wait for a review event matched to their draft. One gets an
 * approval, one a rejection, one nothing within its 3 s deadline. The probe times each decision.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ai-03' });
const DEADLINE_MS = 3_000;

const publish = inngest.createFunction({ id: 'ai-03-publish-draft', triggers: [{ event: 'probe/ai-03.draft-ready' }] }, async ({ event, step }) => {
  await step.run('show the draft to a reviewer', () => record('awaiting review', { draft: event.data.draft }));
  const review = await step.waitForEvent('wait for the reviewer', { event: 'probe/ai-03.reviewed', timeout: `${DEADLINE_MS / 1000}s`, if: 'async.data.draft == event.data.draft' });
  if (review?.data.approved) await step.run('publish', () => record('decided', { draft: event.data.draft, path: 'published' }));
  else await step.run('send back to the model', () => record('decided', { draft: event.data.draft, path: review ? 'rejected' : 'timed out, rejected' }));
});

export default defineProbe({
  id: 'AI-03',
  question: 'Does approval continue, rejection and a missed deadline take the reject path, and how fast?',
  budgetMs: 45_000,
  client: inngest,
  functions: [publish],

  async run(t) {
    const decided = async (draft: string) => {
      for (;;) {
        const found = t.ledger.entries('decided').find((e) => (e.data as { draft: string }).draft === draft);
        if (found) return found;
        await t.pause(50, 'poll for the decision');
      }
    };
    for (const draft of ['approve me', 'reject me', 'ignore me']) await t.send('probe/ai-03.draft-ready', { draft });
    const waiting = await t.ledger.waitFor('awaiting review', 3);
    await t.pause(500, 'let the waits register');

    const approvedAt = Date.now();
    await t.send('probe/ai-03.reviewed', { draft: 'approve me', approved: true });
    const rejectedAt = Date.now();
    await t.send('probe/ai-03.reviewed', { draft: 'reject me', approved: false });

    const approved = await decided('approve me');
    const rejected = await decided('reject me');
    const ignored = await decided('ignore me');
    const askedIgnored = waiting.find((e) => (e.data as { draft: string }).draft === 'ignore me')!.at;

    t.check('approval continues to publish', 'published', (approved.data as { path: string }).path);
    t.check('rejection takes the reject path', 'rejected', (rejected.data as { path: string }).path);
    t.check('no answer before the deadline takes the reject path', 'timed out, rejected', (ignored.data as { path: string }).path);
    t.metric('approval sent → published', 'ms', approved.at - approvedAt);
    t.metric('rejection sent → sent back', 'ms', rejected.at - rejectedAt);
    t.metric(`no answer: asked → rejected (deadline ${DEADLINE_MS} ms)`, 'ms', ignored.at - askedIgnored);
  },
});
