/**
 * VR-04 · Schema evolution
 *
 * Question: how do event payload changes play out with typed event schemas? Old-shape and new-shape events side
 * by side, a missing required field, an extra field: what is rejected, where (compiler, client, function), and
 * with which message?
 *
 * How: the event "user signed up" gets a schema (zod, through the SDK's `eventType`) in its new shape, with a
 * new optional `locale`. The probe sends old-shape and new-shape events through the typed client, tries one with
 * a missing field (the client should refuse it), sends that same broken event around the client straight to the
 * server (does the function refuse it?), and one with an unknown extra field. A `@ts-expect-error` line shows the
 * compiler catching the missing field too.
 */
import { eventType, Inngest } from 'inngest';
import { z } from 'zod';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'vr-04' });

/** The new shape: `locale` is new and optional, so old-shape events remain valid. */
const signedUp = eventType('probe/vr-04.signed-up', {
  schema: z.object({ email: z.string().email(), plan: z.enum(['free', 'pro']), locale: z.string().optional() }),
});

const welcome = inngest.createFunction({ id: 'vr-04-welcome', triggers: [signedUp], retries: 0 }, async ({ event, step }) => {
  await step.run('greet', () => record('greeted', { email: event.data.email, locale: event.data.locale ?? 'default', keys: Object.keys(event.data).sort() }));
});

/** Never called: the compiler must reject a payload without `plan`; the directive fails the build if it does not. */
const typeOnly = () =>
  // @ts-expect-error `plan` is required by the schema
  signedUp.create({ email: 'x@example.com' });
void typeOnly;

export default defineProbe({
  id: 'VR-04',
  question: 'With typed event schemas, which old, new, incomplete and extended payloads are accepted, and where are the others rejected?',
  budgetMs: 45_000,
  client: inngest,
  functions: [welcome],

  async run(t) {
    const greeted = (email: string) => t.ledger.entries('greeted').find((e) => (e.data as { email: string }).email === email)?.data as { locale: string; keys: string[] } | undefined;

    // 1. Old shape and new shape, through the typed client.
    await inngest.send(signedUp.create({ email: 'old@example.com', plan: 'free' }));
    await inngest.send(signedUp.create({ email: 'new@example.com', plan: 'pro', locale: 'ja-JP' }));
    await t.ledger.waitFor('greeted', 2);
    t.check('old-shape event (no locale) accepted', 'default', greeted('old@example.com')?.locale ?? 'not run');
    t.check('new-shape event (with locale) accepted', 'ja-JP', greeted('new@example.com')?.locale ?? 'not run');

    // 2. A missing field: the typed client refuses to send it.
    const broken = { email: 'broken@example.com' } as unknown as { email: string; plan: 'free' };
    const clientSaid = await inngest.send(signedUp.create(broken)).then(() => 'sent', (e: Error) => e.message);
    t.check('missing field: the client refuses to send, naming the field', 'an error naming "plan"', clientSaid, clientSaid !== 'sent' && clientSaid.includes('plan'));

    // 3. The same broken event sent around the client, straight to the server.
    const rawId = await t.send('probe/vr-04.signed-up', { email: 'raw@example.com' });
    const [rawRun] = await t.waitForRuns(rawId);
    const rawEnd = await t.waitForEnd(rawRun!.id);
    t.check('missing field, sent raw: the function refuses it before any step', { status: 'FAILED', greeted: false }, { status: rawEnd.status, greeted: greeted('raw@example.com') !== undefined });
    t.note(`The function's error for the raw broken event: ${JSON.stringify(rawEnd.error).slice(0, 300)}`);

    // 4. An unknown extra field.
    await inngest.send(signedUp.create({ email: 'extra@example.com', plan: 'free', referrer: 'ad' } as never));
    await t.ledger.waitFor('greeted', 3);
    const extraKeys = greeted('extra@example.com')?.keys ?? [];
    t.check('extra field: accepted, and passed through to the function: the keys it saw', 'includes referrer', extraKeys, extraKeys.includes('referrer'));
  },
});
