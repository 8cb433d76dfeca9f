/**
 * DX-02 · Language support
 *
 * Question: which languages can use Inngest, at what parity, and do they interoperate (an event sent from one
 * language's app starting a function written in another; `step.invoke` across languages)?
 *
 * How: this project's harness runs TypeScript workers only, and this machine reaches no Python package index,
 * so the cross-language half cannot be observed here. The probe records what it can (the TypeScript SDK in use,
 * and that the server accepts events from any HTTP client, the basis of cross-language fan-out) and then reports
 * itself skipped with the reason; the rationale cites Inngest's SDK documentation for the rest.
 */
import { Inngest } from 'inngest';
import { version } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'dx-02' });

const anyLanguage = inngest.createFunction({ id: 'dx-02-from-anywhere', triggers: [{ event: 'probe/dx-02.ping' }] }, async ({ event }) => {
  record('received', { from: event.data.from });
});

export default defineProbe({
  id: 'DX-02',
  question: 'Which SDKs exist, at what parity, and do functions interoperate across languages?',
  budgetMs: 20_000,
  client: inngest,
  functions: [anyLanguage],

  async run(t) {
    t.note(`TypeScript SDK in use: inngest ${version}.`);
    // Events are plain JSON over HTTP: any language's producer can start this TypeScript function.
    await t.send('probe/dx-02.ping', { from: 'a plain HTTP client, as any language would send it' });
    const [received] = await t.ledger.waitFor('received');
    t.note(`A raw HTTP event started the TypeScript function: ${JSON.stringify(received!.data)}.`);
    t.skip('Only TypeScript workers run in this harness, and Python packages cannot be installed on this machine; SDK parity and cross-language invoke are taken from Inngest\'s SDK documentation.');
  },
});
