/**
 * OP-03 · Storage backend
 *
 * Question: where does the server keep its state, and can it use a real database? By default `inngest dev`
 * keeps everything in memory; `inngest start` keeps queues and run state in Redis and history (apps, runs,
 * traces, events) in SQLite, or in PostgreSQL with `--postgres-uri`.
 *
 * How: a finished run and a sleeping run go through a server restart three times: on the dev server's defaults,
 * on `inngest start` with SQLite, and on `inngest start` pointed at a real PostgreSQL that the probe starts on
 * loopback. With PostgreSQL, the probe also looks at which tables filled up and whether SQLite stayed untouched.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';
import type { ProbeContext, ServerMode } from '../harness/probe.ts';

const inngest = new Inngest({ id: 'op-03' });

const quick = inngest.createFunction({ id: 'op-03-quick', triggers: [{ event: 'probe/op-03.quick' }] }, async ({ event, step }) => {
  return step.run('work', () => `done on ${event.data.store}`);
});

const sleeper = inngest.createFunction({ id: 'op-03-sleeper', triggers: [{ event: 'probe/op-03.sleeper' }] }, async ({ event, step }) => {
  await step.run('before the sleep', () => record('sleeping', { store: event.data.store }));
  await step.sleep('across the restart', '8s');
  return step.run('after the sleep', () => `woke on ${event.data.store}`);
});

/**
 * A finished run and a sleeping run, then a restart: did the server keep them? `durable` says what the store
 * promises: the dev server's defaults keep nothing, the others should keep both.
 */
async function acrossRestart(t: ProbeContext, store: string, restart: { mode: ServerMode }, durable: boolean, whileAsleep?: () => Promise<void>) {
  const [finished] = await t.waitForRuns(await t.send('probe/op-03.quick', { store }));
  await t.waitForEnd(finished!.id);
  const sleepingBefore = t.ledger.count('sleeping');
  const [asleep] = await t.waitForRuns(await t.send('probe/op-03.sleeper', { store }));
  await t.ledger.waitFor('sleeping', sleepingBefore + 1);
  await t.pause(500, 'let the sleep be stored');
  await whileAsleep?.();

  await t.server.restart(restart);
  const kept = await t.getRun(finished!.id).then((r) => r.status, () => 'gone');
  t.check(`${store}: a finished run is ${durable ? 'still' : 'no longer'} in the history after a restart`, durable ? 'COMPLETED' : 'gone', kept, durable ? kept === 'COMPLETED' : kept !== 'COMPLETED');
  const woke = await t.waitForEnd(asleep!.id, { timeoutMs: 15_000 }).then((r) => r.output, () => 'never woke');
  t.check(`${store}: a sleeping run ${durable ? 'resumes' : 'is lost'} after a restart`, durable ? `woke on ${store}` : 'never woke', woke);
}

export default defineProbe({
  id: 'OP-03',
  question: 'Where does the server keep run state and history, and does it run on PostgreSQL across a restart?',
  budgetMs: 180_000,
  client: inngest,
  functions: [quick, sleeper],

  async run(t) {
    // 1. The dev server's defaults (where every probe starts): everything in memory.
    await acrossRestart(t, 'dev defaults (in memory)', { mode: 'dev' }, false);

    if (!t.server.supports('self-hosted')) t.skip('self-hosted mode needs redis-server, which is not installed here');
    // 2. Self-hosted with its defaults for history: SQLite files in the data directory, run state in Redis.
    await t.server.restart({ mode: 'self-hosted', flags: [] });
    await acrossRestart(t, 'inngest start with SQLite', { mode: 'self-hosted' }, true);

    // 3. Self-hosted with PostgreSQL for history.
    const pg = await t.startPostgres();
    await t.server.restart({ mode: 'self-hosted', flags: ['--postgres-uri', pg.uri] });
    const sqliteBefore = (await t.server.stores()).sqliteBytes;
    await acrossRestart(t, 'inngest start with PostgreSQL', { mode: 'self-hosted' }, true, async () => {
      const stores = await t.server.stores();
      t.metric('PostgreSQL mode, one run asleep: keys in Redis', 'keys', stores.redis?.keys ?? NaN);
    });
    const tables = await rowCounts(pg);
    const filled = Object.entries(tables).filter(([, n]) => n > 0);
    t.metric('PostgreSQL: tables the server created', 'tables', Object.keys(tables).length);
    t.metric('PostgreSQL: tables holding rows', 'tables', filled.length);
    t.note(`PostgreSQL tables with rows: ${filled.map(([name, n]) => `${name} (${n})`).join(', ')}.`);
    t.check('PostgreSQL: runs are recorded there (rows in function_runs)', '≥ 2', tables.function_runs ?? 0, (tables.function_runs ?? 0) >= 2);
    t.check('PostgreSQL: the app and its functions are recorded there (rows)', { apps: '≥ 1', functions: '≥ 2' }, { apps: tables.apps ?? 0, functions: tables.functions ?? 0 }, (tables.apps ?? 0) >= 1 && (tables.functions ?? 0) >= 2);
    t.check('PostgreSQL mode: SQLite files do not grow', sqliteBefore, (await t.server.stores()).sqliteBytes);

  },
});

/** Every table of the database with its exact row count. */
async function rowCounts(pg: { query(sql: string): Promise<string[][]> }): Promise<Record<string, number>> {
  const names = (await pg.query("select tablename from pg_tables where schemaname = 'public' order by tablename")).map((row) => row[0]!);
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = Number((await pg.query(`select count(*) from "${name}"`))[0]?.[0] ?? 0);
  return counts;
}
