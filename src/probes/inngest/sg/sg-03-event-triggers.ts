/**
 * SG-03 · Event triggers
 *
 * Question: how flexible are event triggers? One event starting several functions, a trigger with an `if`
 * filter, a wildcard trigger, and one function with several triggers.
 *
 * How: three functions listen to "user signed up"; one of them only for the "pro" plan. A wildcard function
 * listens to every `probe/sg-03.billing.*` event. A function with two triggers runs for either. The ledger tells
 * which functions ran for which event.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'sg-03' });

const welcome = inngest.createFunction({ id: 'sg-03-send-welcome', triggers: [{ event: 'probe/sg-03.signed-up' }] }, async ({ event }) => {
  record('welcome sent', { user: event.data.user });
});
const crm = inngest.createFunction({ id: 'sg-03-add-to-crm', triggers: [{ event: 'probe/sg-03.signed-up' }] }, async ({ event }) => {
  record('added to CRM', { user: event.data.user });
});
const proOnboarding = inngest.createFunction(
  { id: 'sg-03-pro-onboarding', triggers: [{ event: 'probe/sg-03.signed-up', if: "event.data.plan == 'pro'" }] },
  async ({ event }) => {
    record('pro onboarding', { user: event.data.user });
  },
);
const billingAudit = inngest.createFunction({ id: 'sg-03-billing-audit', triggers: [{ event: 'probe/sg-03.billing.*' }] }, async ({ event }) => {
  record('billing audited', { name: event.name });
});
const syncAccount = inngest.createFunction(
  { id: 'sg-03-sync-account', triggers: [{ event: 'probe/sg-03.account.created' }, { event: 'probe/sg-03.account.updated' }] },
  async ({ event }) => {
    record('account synced', { name: event.name });
  },
);

export default defineProbe({
  id: 'SG-03',
  question: 'Does one event fan out to several functions, and do if filters, wildcards and multiple triggers work?',
  budgetMs: 45_000,
  client: inngest,
  functions: [welcome, crm, proOnboarding, billingAudit, syncAccount],

  async run(t) {
    await t.send('probe/sg-03.signed-up', { user: 'ann', plan: 'pro' });
    await t.send('probe/sg-03.signed-up', { user: 'bob', plan: 'free' });
    await t.send('probe/sg-03.billing.invoice-paid');
    await t.send('probe/sg-03.billing.card-expired');
    await t.send('probe/sg-03.account.created');
    await t.send('probe/sg-03.account.updated');

    await t.ledger.waitFor('welcome sent', 2);
    await t.ledger.waitFor('added to CRM', 2);
    await t.ledger.waitFor('account synced', 2);
    await t.pause(3_000, 'let filtered-out and wildcard runs show or not');

    const users = (effect: string) => t.ledger.entries(effect).map((e) => (e.data as { user: string }).user).sort();
    const names = (effect: string) => t.ledger.entries(effect).map((e) => (e.data as { name: string }).name).sort();
    t.check('one event starts every function listening to it', { welcome: ['ann', 'bob'], crm: ['ann', 'bob'] }, { welcome: users('welcome sent'), crm: users('added to CRM') });
    t.check("the if filter lets only the pro plan through", ['ann'], users('pro onboarding'));
    t.check('a wildcard trigger catches every matching event name', ['probe/sg-03.billing.card-expired', 'probe/sg-03.billing.invoice-paid'], names('billing audited'));
    t.check('a function with two triggers runs for each', ['probe/sg-03.account.created', 'probe/sg-03.account.updated'], names('account synced'));
  },
});
