/**
 * OP-07 · Multi-tenant isolation
 *
 * Question: when one tenant floods the system, do other tenants' runs still start promptly? Inngest's tool for
 * this is a concurrency limit keyed by tenant.
 *
 * How: tenant A sends a burst of slow jobs, then tenant B sends a few. Each job records when it started, so B's
 * queue delay (send to start) can be measured. The same is done against a function with one shared concurrency
 * limit and against one whose limit is per tenant.
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'op-07' });
const FLOOD = 12;
const FEW = 3;
const WORK_MS = 1_000;

function importer(variant: string, concurrency: { limit: number; key?: string }) {
  return inngest.createFunction({ id: `op-07-import-${variant}`, triggers: [{ event: `probe/op-07.${variant}` }], concurrency }, async ({ event, step }) => {
    await step.run('import a file', async () => {
      record(`${variant}: started`, { tenant: event.data.tenant, sentAt: event.data.sentAt });
      await hold(WORK_MS);
    });
  });
}

export default defineProbe({
  id: 'OP-07',
  question: "When tenant A floods, how long do tenant B's runs wait, with a shared limit and with a per-tenant limit?",
  budgetMs: 120_000,
  exclusive: true, // measures queue delay, which neighbours would add to
  client: inngest,
  functions: [importer('shared', { limit: 2 }), importer('per-tenant', { limit: 2, key: 'event.data.tenant' })],

  async run(t) {
    for (const variant of ['shared', 'per-tenant'] as const) {
      for (let i = 0; i < FLOOD; i++) await t.send(`probe/op-07.${variant}`, { tenant: 'A', sentAt: Date.now() });
      for (let i = 0; i < FEW; i++) await t.send(`probe/op-07.${variant}`, { tenant: 'B', sentAt: Date.now() });
      await t.ledger.waitFor(`${variant}: started`, FLOOD + FEW, { timeoutMs: 60_000 });
      const delays = t.ledger.entries(`${variant}: started`).filter((e) => (e.data as { tenant: string }).tenant === 'B').map((e) => e.at - (e.data as { sentAt: number }).sentAt);
      t.metric(`${variant} limit: tenant B queue delay`, 'ms', delays);
      t.check(`${variant} limit: all of tenant B's runs started`, FEW, delays.length);
      const longest = Math.max(...delays);
      if (variant === 'per-tenant') {
        t.check("per-tenant limit: B's runs start within two work periods despite A's flood", `< ${2 * WORK_MS + 1_000} ms`, `${longest} ms`, longest < 2 * WORK_MS + 1_000);
      } else {
        t.check("shared limit: B's runs wait behind A's flood (at least half of it)", `> ${(FLOOD / 2 / 2) * WORK_MS} ms`, `${longest} ms`, longest > (FLOOD / 2 / 2) * WORK_MS);
      }
    }
  },
});
