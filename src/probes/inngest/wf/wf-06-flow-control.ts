/**
 * WF-06 · Queue / flow control
 *
 * Question: do Inngest's flow-control options do what they say? Concurrency (global and per key), throttle,
 * rate limit, debounce, batching, priority and singleton, each observed from the outside.
 *
 * How: one function per option, each recording in the ledger when its work starts and ends. Events are sent in
 * bursts; from the ledger timestamps the probe computes how many ran at once, how many runs happened at all,
 * which events were merged, the batch sizes, and the order.
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record, type LedgerEntry } from '../harness/index.ts';

const inngest = new Inngest({ id: 'wf-06' });
const WORK_MS = 1_500;

/** A step that takes WORK_MS and records its start and end, labelled for the option under test. */
const work = (label: string, data: Record<string, unknown> = {}) => async () => {
  record(`${label}: start`, data);
  await hold(WORK_MS);
  record(`${label}: end`, data);
};

const concurrencyGlobal = inngest.createFunction(
  { id: 'wf-06-concurrency', triggers: [{ event: 'probe/wf-06.concurrency' }], concurrency: { limit: 2 } },
  async ({ step }) => step.run('work', work('concurrency')),
);
const concurrencyPerKey = inngest.createFunction(
  { id: 'wf-06-concurrency-key', triggers: [{ event: 'probe/wf-06.per-key' }], concurrency: { limit: 1, key: 'event.data.tenant' } },
  async ({ event, step }) => step.run('work', work('per-key', { tenant: event.data.tenant })),
);
const throttled = inngest.createFunction(
  { id: 'wf-06-throttle', triggers: [{ event: 'probe/wf-06.throttle' }], throttle: { limit: 2, period: '4s' } },
  async ({ step }) => step.run('start', () => record('throttle: start')),
);
const rateLimited = inngest.createFunction(
  { id: 'wf-06-rate-limit', triggers: [{ event: 'probe/wf-06.rate-limit' }], rateLimit: { limit: 1, period: '30s' } },
  async ({ step }) => step.run('start', () => record('rate-limit: start')),
);
const debounced = inngest.createFunction(
  { id: 'wf-06-debounce', triggers: [{ event: 'probe/wf-06.debounce' }], debounce: { period: '2s' } },
  async ({ event, step }) => step.run('start', () => record('debounce: start', { n: event.data.n })),
);
const batched = inngest.createFunction(
  { id: 'wf-06-batch', triggers: [{ event: 'probe/wf-06.batch' }], batchEvents: { maxSize: 5, timeout: '3s' } },
  async ({ events, step }) => step.run('start', () => record('batch: start', { size: events.length, ns: events.map((e) => e.data.n) })),
);
/** One slot per round (rounds run side by side), so each round queues its runs behind its own blocker. */
const prioritised = inngest.createFunction(
  { id: 'wf-06-priority', triggers: [{ event: 'probe/wf-06.priority' }], concurrency: { limit: 1, key: 'event.data.round' }, priority: { run: 'event.data.priority' } },
  async ({ event, step }) => step.run('work', work('priority', { name: event.data.name, round: event.data.round })),
);
/** Priority is judged over several rounds at once: one round's order can fall either way by the queue's timing. */
const PRIORITY_ROUNDS = 4;
const LOWS = ['low 1', 'low 2', 'low 3'];
const singleton = inngest.createFunction(
  { id: 'wf-06-singleton', triggers: [{ event: 'probe/wf-06.singleton' }], singleton: { key: 'event.data.job', mode: 'skip' } },
  async ({ event, step }) => step.run('work', work('singleton', { n: event.data.n })),
);

/** The most intervals [start, end] that overlap at any instant. */
function maxInFlight(starts: LedgerEntry[], ends: LedgerEntry[]): number {
  const edges = [...starts.map((e) => ({ at: e.at, d: 1 })), ...ends.map((e) => ({ at: e.at, d: -1 }))].sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (now += edge.d));
  return most;
}

export default defineProbe({
  id: 'WF-06',
  question: 'Do concurrency, throttle, rate limit, debounce, batching, priority and singleton behave as documented?',
  budgetMs: 120_000,
  client: inngest,
  functions: [concurrencyGlobal, concurrencyPerKey, throttled, rateLimited, debounced, batched, prioritised, singleton],

  async run(t) {
    const burst = async (name: string, n: number, data: (i: number) => Record<string, unknown> = () => ({})) => {
      for (let i = 0; i < n; i++) await t.send(`probe/wf-06.${name}`, { n: i, ...data(i) });
    };
    const data = <T>(e: LedgerEntry) => e.data as T;

    // Concurrency: 6 runs, limit 2.
    await burst('concurrency', 6);
    // Per key: 3 runs for each of two tenants, limit 1 per tenant.
    await burst('per-key', 6, (i) => ({ tenant: i % 2 ? 'acme' : 'globex' }));
    // Throttle: 6 starts, at most 2 per 4 s.
    await burst('throttle', 6);
    // Rate limit: 5 events, 1 run per 30 s.
    await burst('rate-limit', 5);
    // Batching: 12 events, batches of at most 5.
    await burst('batch', 12);
    // Singleton: 3 events for one job while the first runs.
    await burst('singleton', 3, () => ({ job: 'nightly-import' }));
    // Debounce: 5 events 200 ms apart; one run, 2 s after the last.
    for (let i = 0; i < 5; i++) {
      await t.send('probe/wf-06.debounce', { n: i });
      await t.pause(200, 'space the debounced events');
    }
    // Priority, in each round: a blocker takes the round's one slot, then three low and one high priority run
    // queue behind it.
    for (let round = 0; round < PRIORITY_ROUNDS; round++) await t.send('probe/wf-06.priority', { name: 'blocker', priority: 0, round });
    await t.ledger.waitFor('priority: start', PRIORITY_ROUNDS);
    for (let round = 0; round < PRIORITY_ROUNDS; round++) {
      for (const name of LOWS) await t.send('probe/wf-06.priority', { name, priority: 0, round });
      await t.send('probe/wf-06.priority', { name: 'urgent', priority: 600, round });
    }

    await t.ledger.waitFor('concurrency: end', 6);
    await t.ledger.waitFor('per-key: end', 6);
    await t.ledger.waitFor('throttle: start', 6, { timeoutMs: 40_000 });
    await t.ledger.waitFor('priority: end', PRIORITY_ROUNDS * (LOWS.length + 2), { timeoutMs: 40_000 });
    await t.ledger.waitFor('debounce: start');
    await t.pause(4_000, 'let late batches, debounces and skipped runs show');

    const concurrency = maxInFlight(t.ledger.entries('concurrency: start'), t.ledger.entries('concurrency: end'));
    t.check('concurrency limit 2: most runs at once', 2, concurrency);

    const tenants = ['acme', 'globex'].map((tenant) =>
      maxInFlight(
        t.ledger.entries('per-key: start').filter((e) => data<{ tenant: string }>(e).tenant === tenant),
        t.ledger.entries('per-key: end').filter((e) => data<{ tenant: string }>(e).tenant === tenant),
      ),
    );
    t.check('concurrency per key (limit 1): most at once per tenant', [1, 1], tenants);
    t.check('concurrency per key: tenants run side by side', 2, maxInFlight(t.ledger.entries('per-key: start'), t.ledger.entries('per-key: end')));

    const throttleStarts = t.ledger.entries('throttle: start').map((e) => e.at);
    const throttleSpan = Math.max(...throttleStarts) - Math.min(...throttleStarts);
    t.metric('throttle 2 per 4 s: first to last of 6 starts', 'ms', throttleSpan);
    t.check('throttle: every event ran, none dropped', 6, throttleStarts.length);
    // Six starts at two per period need three periods: the last starts at least two periods after the first.
    t.check('throttle: first to last of 6 starts, at 2 per 4 s', '≥ 7000 ms (two periods, less a second for scheduling)', `${throttleSpan} ms`, throttleSpan >= 7_000);

    t.check('rate limit 1 per 30 s: runs from 5 events (rest skipped)', 1, t.ledger.count('rate-limit: start'));

    const debounce = t.ledger.entries('debounce: start');
    t.check('debounce: 5 events became one run, with the last event', [4], debounce.map((e) => data<{ n: number }>(e).n));

    const batches = t.ledger.entries('batch: start').map((e) => data<{ size: number }>(e).size);
    t.check('batching max 5: every event in exactly one batch', 12, batches.reduce((a, b) => a + b, 0));
    t.check('batching max 5: the largest batch', '≤ 5', Math.max(...batches), Math.max(...batches) <= 5);
    t.note(`Batch sizes: ${JSON.stringify(batches)}`);

    // Per round: how many of the low runs queued before the urgent one did it overtake? First in, first out would
    // give 0 in every round; a priority that always wins, all of them.
    const orders = Array.from({ length: PRIORITY_ROUNDS }, (_, round) =>
      t.ledger.entries('priority: start').map((e) => data<{ name: string; round: number }>(e)).filter((d) => d.round === round).map((d) => d.name),
    );
    const overtaken = orders.map((order) => order.slice(order.indexOf('urgent') + 1).filter((name) => LOWS.includes(name)).length);
    t.check(
      `priority: earlier low runs the urgent run overtook, per round (first-in-first-out: 0 in every round)`,
      `more than 0 in total over ${PRIORITY_ROUNDS} rounds`,
      overtaken,
      overtaken.reduce((a, b) => a + b, 0) > 0,
    );
    t.check(
      `priority: rounds in which the urgent run started before every earlier low run`,
      `${PRIORITY_ROUNDS} of ${PRIORITY_ROUNDS}`,
      `${overtaken.filter((n) => n === LOWS.length).length} of ${PRIORITY_ROUNDS}`,
    );
    orders.forEach((order, round) => t.note(`Priority start order, round ${round + 1}: ${order.join(' → ')}`));

    t.check('singleton skip: one run while the job is running', 1, t.ledger.count('singleton: start'));
  },
});
