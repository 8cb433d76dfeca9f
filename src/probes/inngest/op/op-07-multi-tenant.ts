/**
 * OP-07 · Multi-tenant isolation
 *
 * Question: when one tenant floods the system, do other tenants' runs still start promptly? Inngest's tool for
 * this is a concurrency limit keyed by tenant.
 *
 * How: tenant A sends a burst of slow jobs, then tenant B sends a few. Each job records when it started, so B's
 * queue delay (send to start) can be measured. The same is done against functions with one shared concurrency
 * limit and against functions whose limit is per tenant. Each is played in several rounds side by side, each
 * round its own function (so its own queue), because one round's order can fall either way by the queue's timing:
 * the queue does not start runs in the order they were sent.
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record, type LedgerEntry } from '../harness/index.ts';

const inngest = new Inngest({ id: 'op-07' });
const FLOOD = 24;
const FEW = 3;
const WORK_MS = 1_000;
const LIMIT = 2;
const ROUNDS = 5;
const VARIANTS = ['shared', 'per-tenant'] as const;
type Variant = (typeof VARIANTS)[number];

/**
 * The two answers the question tells apart. Isolated, B's last run waits only for B's own slots: its few runs at
 * the limit queue for ISOLATED_MS. Starved, it waits for A's whole flood to drain at the limit: STARVED_MS. A wait is
 * judged by which of the two it is nearer, i.e. against the point halfway between them. The per-tenant limit must
 * keep B under it in every round; the shared limit, the control, places B's runs anywhere among A's, so B's last
 * run lands past it in most rounds, not all.
 */
const ISOLATED_MS = (Math.ceil(FEW / LIMIT) - 1) * WORK_MS;
const STARVED_MS = Math.ceil(FLOOD / LIMIT) * WORK_MS;
const BOUND_MS = (ISOLATED_MS + STARVED_MS) / 2;
const HALFWAY = `halfway between ${ISOLATED_MS}, B's own queue, and ${STARVED_MS}, A's whole flood`;

const concurrency: Record<Variant, { limit: number; key?: string }> = {
  shared: { limit: LIMIT },
  'per-tenant': { limit: LIMIT, key: 'event.data.tenant' },
};
const eventName = (variant: Variant, round: number) => `probe/op-07.${variant}.${round + 1}`;

function importer(variant: Variant, round: number) {
  return inngest.createFunction(
    { id: `op-07-import-${variant}-${round + 1}`, triggers: [{ event: eventName(variant, round) }], concurrency: concurrency[variant] },
    async ({ event, step }) => {
      await step.run('import a file', async () => {
        record(`${variant}: started`, { round, tenant: event.data.tenant, sentAt: event.data.sentAt });
        await hold(WORK_MS);
      });
    },
  );
}

const rounds = Array.from({ length: ROUNDS }, (_, round) => round);
const data = (e: LedgerEntry) => e.data as { round: number; tenant: string; sentAt: number };

export default defineProbe({
  id: 'OP-07',
  question: "When tenant A floods, how long do tenant B's runs wait, with a shared limit and with a per-tenant limit?",
  budgetMs: 150_000,
  exclusive: true, // measures queue delay, which neighbours would add to
  client: inngest,
  functions: VARIANTS.flatMap((variant) => rounds.map((round) => importer(variant, round))),

  async run(t) {
    for (const variant of VARIANTS) {
      // Every round gets the same burst at the same moment: A's flood first, then B's few, one event per round
      // in each request.
      const burst = async (tenant: string) =>
        t.sendBatch(rounds.map((round) => ({ name: eventName(variant, round), data: { tenant, sentAt: Date.now() } })));
      for (let i = 0; i < FLOOD; i++) await burst('A');
      for (let i = 0; i < FEW; i++) await burst('B');
      await t.ledger.waitFor(`${variant}: started`, (FLOOD + FEW) * ROUNDS, { timeoutMs: 60_000 });

      const starts = rounds.map((round) =>
        t.ledger
          .entries(`${variant}: started`)
          .filter((e) => data(e).round === round)
          .sort((a, b) => a.at - b.at),
      );
      const delays = starts.map((entries) => entries.filter((e) => data(e).tenant === 'B').map((e) => e.at - data(e).sentAt));
      const longest = delays.map((d) => Math.max(...d));
      t.metric(`${variant} limit: tenant B queue delay`, 'ms', delays.flat());
      t.check(`${variant} limit: all of tenant B's runs started`, FEW * ROUNDS, delays.flat().length);
      if (variant === 'per-tenant') {
        t.check(
          "per-tenant limit: B's longest wait per round, in ms",
          `< ${BOUND_MS} in all ${ROUNDS} rounds (${HALFWAY})`,
          longest,
          longest.every((ms) => ms < BOUND_MS),
        );
      } else {
        const past = longest.filter((ms) => ms > BOUND_MS).length;
        t.check(
          "shared limit: B's longest wait per round, in ms",
          `> ${BOUND_MS} in at least ${Math.floor(ROUNDS / 2) + 1} of ${ROUNDS} rounds (${HALFWAY})`,
          longest,
          past > ROUNDS / 2,
        );
      }
      // Where B's runs started among all the round's runs: behind A's flood, or among it.
      starts.forEach((entries, round) => {
        const places = entries.flatMap((e, i) => (data(e).tenant === 'B' ? [i + 1] : []));
        t.note(`${variant} limit, round ${round + 1}: B's runs started ${places.join(', ')} of ${entries.length}`);
      });
    }
  },
});
