/**
 * OP-05 · Retention and cleanup
 *
 * Question: how much does each run leave behind in the server's stores, and does anything clean it up?
 *
 * How: the server runs self-hosted (`inngest start`) with run state in a Redis the runner can look into, and
 * history in SQLite files. The probe measures both stores before any run, while a group of runs sleeps
 * (in flight), after a burst of finished runs, and once the sleepers have finished too. Each finished run
 * carries three steps with a 1 KB output, like a small order workflow.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'op-05' });
const FINISHED = 200;
const SLEEPING = 50;
const SLEEP = '20s';
const KB = 'x'.repeat(1024);

const order = inngest.createFunction({ id: 'op-05-order', triggers: [{ event: 'probe/op-05.order' }] }, async ({ step }) => {
  const reserved = await step.run('reserve stock', () => ({ note: KB }));
  const charged = await step.run('charge card', () => ({ note: KB }));
  await step.run('send receipt', () => (record('order: done'), { note: KB }));
  return { ok: reserved.note.length + charged.note.length };
});

const sleeper = inngest.createFunction({ id: 'op-05-sleeper', triggers: [{ event: 'probe/op-05.sleeper' }] }, async ({ step }) => {
  await step.run('before the sleep', () => record('sleeper: sleeping'));
  await step.sleep('nap', SLEEP);
  await step.run('after the sleep', () => record('sleeper: done'));
});

export default defineProbe({
  id: 'OP-05',
  question: 'How much does each run leave in Redis and in the history database, and is any of it cleaned up?',
  budgetMs: 180_000,
  client: inngest,
  functions: [order, sleeper],

  async run(t) {
    if (!t.server.supports('self-hosted')) t.skip('self-hosted mode needs redis-server, which is not installed here');
    await t.server.restart({ mode: 'self-hosted' });
    const empty = await t.server.stores();

    // In flight: runs asleep hold their state in Redis.
    await t.sendBatch(Array.from({ length: SLEEPING }, () => ({ name: 'probe/op-05.sleeper' })));
    await t.ledger.waitFor('sleeper: sleeping', SLEEPING);
    await t.pause(1_000, 'let the sleeps be scheduled');
    const asleep = await t.server.stores();

    // Finished: a burst of short runs while the sleepers sleep.
    await t.sendBatch(Array.from({ length: FINISHED }, () => ({ name: 'probe/op-05.order' })));
    await t.ledger.waitFor('order: done', FINISHED, { timeoutMs: 60_000 });
    await t.pause(2_000, 'let the server finish writing history');
    const finished = await t.server.stores();

    // Everything done.
    await t.ledger.waitFor('sleeper: done', SLEEPING, { timeoutMs: 60_000 });
    await t.pause(2_000, 'let the server finish writing history');
    const drained = await t.server.stores();

    const redis = (s: typeof empty) => s.redis ?? { keys: NaN, expiringKeys: NaN, averageTtlMs: NaN, usedMemoryBytes: NaN };
    t.metric('Redis keys per sleeping run', 'keys', (redis(asleep).keys - redis(empty).keys) / SLEEPING);
    t.metric('Redis memory per sleeping run', 'bytes', (redis(asleep).usedMemoryBytes - redis(empty).usedMemoryBytes) / SLEEPING);
    t.metric('Redis keys left per finished run', 'keys', (redis(finished).keys - redis(asleep).keys) / FINISHED);
    t.metric('Redis keys left per finished run that expire', 'keys', (redis(finished).expiringKeys - redis(asleep).expiringKeys) / FINISHED);
    t.metric('Redis memory left per finished run', 'bytes', (redis(finished).usedMemoryBytes - redis(asleep).usedMemoryBytes) / FINISHED);
    t.metric('SQLite history per finished run', 'bytes', (finished.sqliteBytes - asleep.sqliteBytes) / FINISHED);
    t.metric('Redis keys after every run finished, minus before the first', 'keys', redis(drained).keys - redis(empty).keys);
    t.metric('SQLite history after every run finished', 'bytes', drained.sqliteBytes);
    t.metric('Average time to live of the keys finished runs leave in Redis', 'h', redis(drained).averageTtlMs / 3_600_000);

    t.check('sleeping runs hold state in Redis: keys before, while asleep', 'more while asleep', { before: redis(empty).keys, asleep: redis(asleep).keys }, redis(asleep).keys > redis(empty).keys);
    t.check('when the sleepers finish, their run state leaves Redis: keys then, after', 'fewer after', { whileSleepersAsleep: redis(finished).keys, afterTheyFinished: redis(drained).keys }, redis(drained).keys < redis(finished).keys);
    t.check('every key finished runs leave in Redis expires', redis(drained).keys - redis(empty).keys, redis(drained).expiringKeys - redis(empty).expiringKeys);
    t.check(`history in SQLite grows with finished runs: bytes before, after ${FINISHED}`, 'more after', { before: asleep.sqliteBytes, after: finished.sqliteBytes }, finished.sqliteBytes > asleep.sqliteBytes);
    t.check('no history is removed once runs finish: bytes then, after every run finished', 'no fewer after', { then: finished.sqliteBytes, after: drained.sqliteBytes }, drained.sqliteBytes >= finished.sqliteBytes);
    t.note('`inngest start --help` offers no retention or cleanup option, and nothing in this run deleted history: it grows until the database is cleaned by hand.');
  },
});
