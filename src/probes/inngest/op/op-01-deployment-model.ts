/**
 * OP-01 · Deployment model
 *
 * Question: which ways of deploying functions does Inngest support, and what does each need? The same function
 * is served over HTTP (`serve()`, the serverless model: the server calls your endpoint), through the SDK's
 * persistent-connection worker (`connect()`: your process dials out, no inbound port), and against the same
 * binary started in self-hosted mode (`inngest start`, with a signing key and an event key).
 *
 * How: for each deployment the probe starts the worker, sends an event and times the run to completion. The notes
 * record what each one needed.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'op-01' });

const hello = inngest.createFunction({ id: 'op-01-hello', triggers: [{ event: 'probe/op-01.hello' }] }, async ({ event, step }) => {
  return step.run('say hello', () => (record('hello', { via: event.data.via }), `hello via ${event.data.via}`));
});

export default defineProbe({
  id: 'OP-01',
  question: 'Does the same function run over HTTP serve(), a connect() worker, and a self-hosted server, and what does each need?',
  budgetMs: 90_000,
  client: inngest,
  functions: [hello],

  async run(t) {
    const deployments = [
      { via: 'serve() on the dev server', mode: 'dev' as const, transport: 'serve' as const, needs: 'an HTTP endpoint the server can reach, and a sync (PUT) after each deploy' },
      { via: 'connect() on the dev server', mode: 'dev' as const, transport: 'connect' as const, needs: 'only an outbound connection to the server; no inbound port, no sync call' },
      { via: 'serve() on inngest start', mode: 'self-hosted' as const, transport: 'serve' as const, needs: 'the server started with a signing key and an event key; the app configured with both' },
    ];
    for (const d of deployments) {
      if (!t.server.supports(d.mode)) {
        t.note(`${d.via}: not run here (needs redis-server).`);
        continue;
      }
      if (t.server.mode !== d.mode) await t.server.restart({ mode: d.mode });
      await t.worker.kill();
      const started = performance.now();
      await t.worker.start({}, d.transport);
      const ready = performance.now() - started;
      const [run] = await t.waitForRuns(await t.send('probe/op-01.hello', { via: d.via }));
      const ended = await t.waitForEnd(run!.id);
      t.metric(`${d.via}: worker start to ready`, 'ms', ready);
      t.check(`${d.via}: the function runs`, `hello via ${d.via}`, ended.output);
      t.note(`${d.via} needs ${d.needs}.`);
    }
  },
});
