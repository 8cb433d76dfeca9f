/**
 * OP-03 · Storage backend (Temporal)
 *
 * Question: where does the Temporal server keep its state, which stores can it use, and does the state survive
 * restarts? A production Temporal Service keeps workflow state in PostgreSQL, MySQL or Cassandra and its
 * visibility records (what list queries read) in a SQL database or Elasticsearch; the dev server run here
 * (`temporal server start-dev`) has one store, SQLite, in memory by default or in a file with `--db-filename`.
 *
 * How: the probe asks the server what it runs on (`GetClusterInfo`), then puts finished workflows and a sleeping
 * one through a graceful restart (SIGTERM) and a SIGKILL of the server on its state file, and, as a control,
 * through a restart in memory. Before and after each restart it reads the SQLite files on disk (the database, and
 * the write-ahead log and shared-memory files SQLite keeps beside it in WAL mode) and asks the server what it
 * still knows.
 */
import { existsSync, statSync } from 'node:fs';
import { WorkflowNotFoundError } from '@temporalio/client';
import { defineProbe, record } from '../harness/index.ts';
import type { ProbeContext } from '../harness/index.ts';

const FINISHED = 30;
const NAP_MS = 5_000;

export const activities = {
  async ship(id: string) {
    record('shipped', { id });
    return `shipped ${id}`;
  },
};

/** The SQLite files of the state file, in KB (0 when absent). */
function onDisk(t: ProbeContext): Record<string, number> {
  const file = t.server.stateFile;
  if (!file) return {};
  const size = (path: string) => (existsSync(path) ? Math.round(statSync(path).size / 1024) : 0);
  return { db: size(file), wal: size(`${file}-wal`), shm: size(`${file}-shm`) };
}

export default defineProbe({
  id: 'OP-03',
  question: 'Which stores does the server use, what is on disk, and does state survive a graceful restart and a SIGKILL?',
  budgetMs: 120_000,
  workflows: new URL('./op-03-storage.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const info = await t.client.workflowService.getClusterInfo({});
    t.check('GetClusterInfo: persistence and visibility store', { persistenceStore: 'sqlite', visibilityStore: 'sqlite' }, { persistenceStore: info.persistenceStore, visibilityStore: info.visibilityStore });

    const cases = [
      { label: 'state file, graceful restart', restart: { kill: false }, durable: true },
      { label: 'state file, SIGKILL', restart: { kill: true }, durable: true },
      { label: 'in memory (dev default), restart', restart: { kill: false }, durable: false, mode: 'in-memory' as const },
    ];
    for (const c of cases) {
      if (c.mode && t.server.mode !== c.mode) await t.server.restart({ mode: c.mode });
      const slug = c.label.replace(/\W+/g, '-');

      // 1. Finished workflows and one asleep.
      const ids = Array.from({ length: FINISHED }, (_, i) => t.workflowId(`${slug}-${i}`));
      await Promise.all(ids.map((id) => t.client.workflow.execute('order', { taskQueue: t.taskQueue, workflowId: id, args: [id] })));
      const asleep = await t.client.workflow.start('sleeper', { taskQueue: t.taskQueue, workflowId: t.workflowId(`${slug}-asleep`), args: [slug, NAP_MS] });
      await t.pause(500, 'let the timer be stored');
      const before = onDisk(t);
      if (t.server.stateFile) t.note(`${c.label}: on disk before, KB: ${JSON.stringify(before)}`);

      // 2. The restart.
      await t.server.restart(c.restart);
      const after = onDisk(t);
      if (t.server.stateFile) {
        t.metric(`${c.label}: SQLite files on disk before the restart`, 'KB', (before.db ?? 0) + (before.wal ?? 0) + (before.shm ?? 0));
        t.note(`${c.label}: on disk after, KB: ${JSON.stringify(after)}`);
      }

      // 3. What the server still knows: each finished workflow, by id, and the sleeper.
      const statuses = await Promise.all(
        ids.map((id) => t.client.workflow.getHandle(id).describe().then((d) => d.status.name as string, (e) => (e instanceof WorkflowNotFoundError ? 'not found' : String(e)))),
      );
      const kept = statuses.filter((s) => s === 'COMPLETED').length;
      t.check(`${c.label}: finished workflows still there after the restart`, c.durable ? FINISHED : 0, kept);
      const woke = await Promise.race([
        t.client.workflow.getHandle(asleep.workflowId).result().then(String, (e: Error) => (e instanceof WorkflowNotFoundError ? 'not found' : e.message)),
        t.pause(NAP_MS + 10_000, 'wait for the sleeper').then(() => 'not ended'),
      ]);
      t.check(`${c.label}: the sleeping workflow ${c.durable ? 'finishes' : 'is gone'} after the restart`, c.durable ? `shipped ${slug}` : 'not found', woke);
    }
  },
});
