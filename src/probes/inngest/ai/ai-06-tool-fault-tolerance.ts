/**
 * AI-06 · Tool execution fault tolerance
 *
 * Question: when one tool in an agent's sequence fails and is retried, is that tool retried alone, or are the
 * tools that already succeeded called again?
 *
 * How: an agent-like workflow calls three tools in turn: look up the customer, check the weather, book the
 * flight. The booking tool fails on its first two attempts. In one version each tool call is a step; in the other
 * the tools are plain function calls in the handler. The ledger counts the calls of each tool.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ai-06' });

/** The tools. `bookFlight` fails on the first two attempts of a run. */
const tools = {
  lookupCustomer: (variant: string) => (record(`${variant}: lookup customer`), { customer: 'ann', tier: 'gold' }),
  checkWeather: (variant: string) => (record(`${variant}: check weather`), { city: 'Osaka', sky: 'clear' }),
  bookFlight: (variant: string, attempt: number) => {
    record(`${variant}: book flight`, { attempt });
    if (attempt < 2) throw new Error('airline API timed out');
    return { booking: 'QF-123' };
  },
};

const stepped = inngest.createFunction({ id: 'ai-06-tools-as-steps', triggers: [{ event: 'probe/ai-06.stepped' }], retries: 3 }, async ({ step, attempt }) => {
  const customer = await step.run('tool: lookup customer', () => tools.lookupCustomer('stepped'));
  const weather = await step.run('tool: check weather', () => tools.checkWeather('stepped'));
  const booking = await step.run('tool: book flight', () => tools.bookFlight('stepped', attempt));
  return { customer, weather, booking };
});

const plain = inngest.createFunction({ id: 'ai-06-plain-tools', triggers: [{ event: 'probe/ai-06.plain' }], retries: 3 }, async ({ attempt }) => {
  const customer = tools.lookupCustomer('plain');
  const weather = tools.checkWeather('plain');
  const booking = tools.bookFlight('plain', attempt);
  return { customer, weather, booking };
});

export default defineProbe({
  id: 'AI-06',
  question: 'Is a flaky tool retried alone, without redoing earlier tool calls, when tools are steps (and when they are not)?',
  budgetMs: 150_000,
  needs: { flags: ['--retry-interval', '1'] }, // a short linear retry interval on the server
  client: inngest,
  functions: [stepped, plain],

  async run(t) {
    for (const variant of ['stepped', 'plain'] as const) {
      const [run] = await t.waitForRuns(await t.send(`probe/ai-06.${variant}`));
      const ended = await t.waitForEnd(run!.id, { timeoutMs: 60_000 });
      const calls = { lookup: t.ledger.count(`${variant}: lookup customer`), weather: t.ledger.count(`${variant}: check weather`), booking: t.ledger.count(`${variant}: book flight`) };
      t.check(`${variant}: the run completes after the flaky tool recovers`, 'COMPLETED', ended.status);
      if (variant === 'stepped') t.check('tools as steps: only the flaky tool is retried', { lookup: 1, weather: 1, booking: 3 }, calls);
      else t.check('plain tools: every earlier tool is called again on each retry', { lookup: 3, weather: 3, booking: 3 }, calls);
    }
  },
});
