/**
 * OP-07 · Multi-tenant isolation (Temporal)
 *
 * Question: when one tenant floods the system, do other tenants' workflows still start promptly? Temporal offers
 * three tools: a namespace per tenant (workers, limits and retention apart; a worker polls one namespace), a task
 * queue per tenant (its own workers, so its own capacity), and, new in server 1.29 behind a dynamic-config switch,
 * fairness keys on one shared task queue: the matching service dispatches tasks of different keys in proportion
 * to their weights.
 *
 * How: tenant A starts a burst of slow jobs, then tenant B starts a few. Each job is a workflow with one activity
 * that records when it started, so B's queue delay (start request to activity start) can be measured. Workers run
 * LIMIT activities at a time. Three set-ups: one shared task queue (the control), a task queue per tenant with a
 * worker each, and one shared queue with the tenant as fairness key on a server started with
 * `matching.useNewMatcher=true` and `matching.enableFairness=true` (a fresh queue, with a worker of its own), with
 * the default four partitions per task queue and then with one.
 */
import { defineProbe, hold, record, type LedgerEntry } from '../harness/index.ts';

const FLOOD = 24;
const FEW = 3;
const WORK_MS = 1_000;
const LIMIT = 2;
const VARIANTS = ['shared task queue', 'task queue per tenant', 'fairness key per tenant', 'fairness key per tenant, one partition'] as const;
type Variant = (typeof VARIANTS)[number];
/** Fairness as the documentation says to switch it on for a self-hosted server (it also names the new matcher). */
const FAIRNESS = ['--dynamic-config-value', 'matching.useNewMatcher=true', '--dynamic-config-value', 'matching.enableFairness=true'];
/**
 * Fairness orders tasks within a task queue partition, and a queue has four partitions by default, over which the
 * server spreads tasks at random; with one partition the mechanism can be seen on its own.
 */
const ONE_PARTITION = ['--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1', '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1'];

/**
 * The two answers the question tells apart. Isolated, B's last job waits only for B's own slots: its few jobs at
 * the limit queue for ISOLATED_MS. Starved, it waits for A's whole flood to drain at the limit: STARVED_MS. A wait
 * is judged by which of the two it is nearer, i.e. against the point halfway between them.
 */
const ISOLATED_MS = (Math.ceil(FEW / LIMIT) - 1) * WORK_MS;
const STARVED_MS = Math.ceil(FLOOD / LIMIT) * WORK_MS;
const BOUND_MS = (ISOLATED_MS + STARVED_MS) / 2;
const HALFWAY = `halfway between ${ISOLATED_MS}, B's own queue, and ${STARVED_MS}, A's whole flood`;

export const activities = {
  async importFile(variant: string, tenant: string, sentAt: number) {
    record(`${variant}: started`, { tenant, sentAt });
    await hold(WORK_MS);
  },
};

const data = (e: LedgerEntry) => e.data as { tenant: string; sentAt: number };

export default defineProbe({
  id: 'OP-07',
  question: "When tenant A floods, how long do tenant B's workflows wait: on a shared task queue, on a queue of their own, and with fairness keys?",
  budgetMs: 180_000,
  exclusive: true, // measures queue delay, which neighbours would add to
  workflows: new URL('./op-07-multi-tenant.workflows.ts', import.meta.url),
  activities,
  worker: { maxConcurrentActivityTaskExecutions: LIMIT },

  async run(t) {
    const queueB = `${t.taskQueue}-tenant-b`;
    await t.worker.startExtra({ taskQueue: queueB });
    // Queues that have never held a task before fairness is on, so no backlog from before needs migrating.
    const fairQueue = (variant: Variant) => `${t.taskQueue}-${variant === 'fairness key per tenant' ? 'fair' : 'fair-one-partition'}`;

    const longestOf: Partial<Record<Variant, number>> = {};

    for (const variant of VARIANTS) {
      const fair = variant.startsWith('fairness');
      if (fair) {
        await t.server.restart({ flags: variant === 'fairness key per tenant' ? FAIRNESS : [...FAIRNESS, ...ONE_PARTITION] });
        await t.worker.startExtra({ taskQueue: fairQueue(variant) });
      }
      const queueOf = (tenant: string) =>
        fair ? fairQueue(variant) : variant === 'task queue per tenant' && tenant === 'B' ? queueB : t.taskQueue;
      const start = (tenant: string, i: number) =>
        t.client.workflow.start('importJob', {
          taskQueue: queueOf(tenant),
          workflowId: t.workflowId(`${variant.replace(/\W+/g, '-')}-${tenant}-${i}`),
          args: [variant, tenant, Date.now()],
          ...(fair ? { priority: { fairnessKey: `tenant-${tenant}` } } : {}),
        });
      // A's flood first, then B's few, as fast as the client can start them.
      for (let i = 0; i < FLOOD; i++) await start('A', i);
      for (let i = 0; i < FEW; i++) await start('B', i);
      await t.ledger.waitFor(`${variant}: started`, FLOOD + FEW, { timeoutMs: 60_000 });

      const starts = t.ledger.entries(`${variant}: started`).sort((a, b) => a.at - b.at);
      const delays = starts.filter((e) => data(e).tenant === 'B').map((e) => e.at - data(e).sentAt);
      const longest = Math.max(...delays);
      t.metric(`${variant}: tenant B queue delay`, 'ms', delays);
      t.metric(`${variant}: tenant A queue delay`, 'ms', starts.filter((e) => data(e).tenant === 'A').map((e) => e.at - data(e).sentAt));
      t.check(`${variant}: all of tenant B's jobs started`, FEW, delays.length);
      longestOf[variant] = longest;
      if (variant === 'shared task queue') {
        t.check(`${variant}: B's longest wait, in ms`, `> ${BOUND_MS} (${HALFWAY})`, Math.round(longest), longest > BOUND_MS);
      } else if (variant === 'fairness key per tenant') {
        // Over four partitions fairness holds within each, so B's jobs come earlier, not necessarily all early.
        const shared = Math.round(longestOf['shared task queue']!);
        t.check(`${variant}: B's longest wait, in ms`, `< ${shared} (the shared task queue's, same trial)`, Math.round(longest), longest < shared);
      } else {
        t.check(`${variant}: B's longest wait, in ms`, `< ${BOUND_MS} (${HALFWAY})`, Math.round(longest), longest < BOUND_MS);
      }
      // Where B's jobs started among all the jobs: behind A's flood, or among it.
      const places = starts.flatMap((e, i) => (data(e).tenant === 'B' ? [i + 1] : []));
      t.note(`${variant}: B's jobs started ${places.join(', ')} of ${starts.length}`);
    }
  },
});
