/**
 * Durability under crashes · Temporal
 *
 * Question: when a process of a Temporal deployment crashes (the worker running the activities, the server, or
 * both at once), what happens to the workflows it caught: are acknowledged starts lost, do workflows never
 * complete, are completed activities executed again, how late do timers fire?
 *
 * How: one workflow, `order` (in `durability.workflows.ts`), whose shape depends on the moment the crash should
 * catch it: in the middle of a three-second activity, asleep on a four-second durable timer, waiting for a signal,
 * or just started (the start acknowledged by the server, no activity run yet). The runner starts several workflows
 * of every shape, crashes the deployment while they are all at their moment, brings it back, sends the awaited
 * signals, and reads the ledger that every activity writes (started, completed) to count what was lost or done twice.
 * The server is `temporal server start-dev` with its state in a SQLite file: the only persistent store it offers.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { SLEEP_MS, STEP_MS, STEPS, work, type FaultScenario } from '../core.ts';

/** The activities: each is one step of the scenario, recording its start and completion in the ledger. */
export const activities = {
  reserveStock: (tag: string) => work(tag, STEPS.first),
  chargeCard: (tag: string) => work(tag, STEPS.long, STEP_MS),
  shipOrder: (tag: string) => work(tag, STEPS.last),
};

/** The workflow code the worker runs. */
export const workflows = new URL('./durability.workflows.ts', import.meta.url);

/** The runner's side: start, signal and look up `order` workflows on the deployment's task queue. */
export function scenario(taskQueue: string): FaultScenario<Client, { tag: string }> {
  return {
    async begin(client, tag, moment) {
      // `start` resolves once the server has recorded the workflow: the acknowledgement a caller relies on.
      await client.workflow.start('order', { taskQueue, workflowId: tag, args: [tag, moment, SLEEP_MS] });
      return { tag };
    },
    async release(client, { tag }) {
      await client.workflow.getHandle(tag).signal('approved');
    },
    async view(client, { tag }) {
      try {
        return (await client.workflow.getHandle(tag).describe()).status.name;
      } catch (e) {
        if (e instanceof WorkflowNotFoundError) return 'absent';
        throw e;
      }
    },
  };
}
