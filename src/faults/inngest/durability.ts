/**
 * Durability under crashes · Inngest
 *
 * Question: when a process of a self-hosted Inngest deployment crashes (the worker serving the functions, the
 * server, its Redis, its PostgreSQL, or all of them at once), what happens to the runs it caught: are acknowledged
 * triggers lost, do runs never complete, are completed steps executed again, how late do timers fire?
 *
 * How: one function, `order`, whose shape depends on the moment the crash should catch it: in the middle of a
 * three-second step, asleep on a four-second `step.sleep`, waiting in `step.waitForEvent`, or just triggered (the
 * event acknowledged by the server, no step run yet). The runner starts several runs of every shape, crashes the
 * deployment while they are all at their moment, brings it back, sends the awaited events, and reads the ledger
 * that every step writes (started, completed) to count what was lost or done twice.
 * The function allows many retries, and the server runs with `--retry-interval 1`, so a step that failed because
 * its worker was down is tried again within a second instead of after Inngest's default backoff.
 */
import { Inngest } from 'inngest';
import { SLEEP_MS, STEP_MS, STEPS, work, type FaultScenario, type Moment } from '../core.ts';

const inngest = new Inngest({ id: 'faults' });

/** The trigger, and the event a run of the `event` moment waits for (matched on the run's tag). */
const PLACED = 'faults/order.placed';
const APPROVED = 'faults/order.approved';

const order = inngest.createFunction(
  { id: 'faults-order', retries: 20, triggers: [{ event: PLACED }] },
  async ({ event, step }) => {
    const { tag, moment } = event.data as { tag: string; moment: Moment };
    // 1. A quick first step: completed before any crash, except for runs crashed right after their trigger.
    await step.run(STEPS.first, () => work(tag, STEPS.first));
    // 2. The moment the crash catches: a long step, a sleep, or a wait for an event.
    if (moment === 'step') await step.run(STEPS.long, () => work(tag, STEPS.long, STEP_MS));
    if (moment === 'sleep') await step.sleep('cool off', `${SLEEP_MS / 1000}s`);
    if (moment === 'event') {
      const approval = await step.waitForEvent('wait for approval', { event: APPROVED, match: 'data.tag', timeout: '10m' });
      if (!approval) return { tag, approved: false };
    }
    // 3. The last step: once it has completed, the run's work is done.
    await step.run(STEPS.last, () => work(tag, STEPS.last));
    return { tag };
  },
);

/** What the worker serves. */
export default { id: 'faults', client: inngest, functions: [order] };

/** The server's event and run APIs, as the runner offers them for this deployment. */
export interface InngestFaultClient {
  send(name: string, data: Record<string, unknown>): Promise<string>;
  /** Status of each run an event started (empty when it started none the server knows of). */
  runStatuses(eventId: string): Promise<string[]>;
  /** Whether the server has the event itself. */
  eventStored(eventId: string): Promise<boolean>;
}

/** The runner's side: trigger, release and look up runs of `order`. A run is known by its trigger's event id. */
export const scenario: FaultScenario<InngestFaultClient, { tag: string; eventId: string }> = {
  async begin(client, tag, moment) {
    // The server answers once it has accepted the event: the acknowledgement a producer relies on.
    return { tag, eventId: await client.send(PLACED, { tag, moment }) };
  },
  async release(client, { tag }) {
    await client.send(APPROVED, { tag });
  },
  async view(client, { eventId }) {
    const statuses = await client.runStatuses(eventId);
    if (statuses.length) return statuses.join(',');
    // No run: say whether the server still has the acknowledged event itself.
    return (await client.eventStored(eventId)) ? 'absent: the event is stored, no run' : 'absent: neither event nor run';
  },
};
