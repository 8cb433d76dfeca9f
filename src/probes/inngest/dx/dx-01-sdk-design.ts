/**
 * DX-01 · SDK design
 *
 * Question: how much does the TypeScript SDK's type system catch before anything runs, and how large is the API
 * a developer has to learn?
 *
 * How: a small compile-time test suite. Each case below is a few lines of ordinary SDK use, marked with whether
 * the TypeScript compiler should reject it; the probe compiles them all with the compiler API (against the
 * installed SDK) and compares. It then counts the SDK's exports and step tools, and runs a typed function for
 * real to show the types and the runtime agree.
 */
import { eventType, Inngest } from 'inngest';
import * as sdk from 'inngest';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'dx-01' });
const orderPlaced = eventType('probe/dx-01.order-placed', { schema: z.object({ orderId: z.string(), total: z.number() }) });

const confirm = inngest.createFunction({ id: 'dx-01-confirm', triggers: [orderPlaced] }, async ({ event, step }) => {
  const total = await step.run('add tax', () => event.data.total * 1.1);
  record('confirmed', { orderId: event.data.orderId, total });
  return total;
});

/** Compile-time cases: the code, and whether the compiler must reject it. */
const CASES: { name: string; rejects: boolean; code: string }[] = [
  { name: 'a well-typed event is accepted', rejects: false, code: `orderPlaced.create({ orderId: 'A1', total: 10 });` },
  { name: 'an event missing a field is rejected', rejects: true, code: `orderPlaced.create({ orderId: 'A1' });` },
  { name: 'an event field of the wrong type is rejected', rejects: true, code: `orderPlaced.create({ orderId: 'A1', total: '10' });` },
  { name: "a step's output type is inferred", rejects: false, code: `fnWith(async ({ step }) => { const n: number = await step.run('x', () => 1); return n; });` },
  { name: 'using a step output as the wrong type is rejected', rejects: true, code: `fnWith(async ({ step }) => { const s: string = await step.run('x', () => 1); return s; });` },
  { name: "the trigger's event data is typed in the handler", rejects: false, code: `fnWith(async ({ event }) => event.data.orderId.toUpperCase());` },
  { name: 'reading a field the event does not have is rejected', rejects: true, code: `fnWith(async ({ event }) => event.data.customerId);` },
  { name: 'a Date returned from a step is typed as its JSON string', rejects: true, code: `fnWith(async ({ step }) => (await step.run('d', () => new Date())).getTime());` },
  { name: 'invoking a function with the wrong data is rejected', rejects: true, code: `fnWith(async ({ step }) => step.invoke('call', { function: target, data: { orderId: 1, total: 1 } }));` },
];

const PRELUDE = `
import { eventType, Inngest } from 'inngest';
import { z } from 'zod';
const inngest = new Inngest({ id: 'fixture' });
const orderPlaced = eventType('order/placed', { schema: z.object({ orderId: z.string(), total: z.number() }) });
const target = inngest.createFunction({ id: 'target', triggers: [orderPlaced] }, async () => 'ok');
const fnWith = (h: Parameters<typeof inngest.createFunction<[typeof orderPlaced], any>>[1]) => inngest.createFunction({ id: 'f', triggers: [orderPlaced] }, h);
`;

/** Compiles one case in memory, next to this file so the SDK resolves; returns the compiler's errors. */
function compile(code: string): string[] {
  const file = fileURLToPath(new URL('./__dx-01-case__.ts', import.meta.url));
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const source = ts.createSourceFile(file, `${PRELUDE}\n${code}\nexport {};\n`, ts.ScriptTarget.ES2022, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, ...rest) => (name === file ? source : getSourceFile(name, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 160));
}

export default defineProbe({
  id: 'DX-01',
  question: 'What does the type system catch before anything runs, and how big is the API surface?',
  budgetMs: 120_000,
  client: inngest,
  functions: [confirm],

  async run(t) {
    // 1. The compile-time suite.
    const baseline = compile('');
    if (baseline.length) throw new Error(`the fixture itself does not compile: ${baseline[0]}`);
    const started = performance.now();
    for (const c of CASES) {
      const errors = compile(c.code);
      t.check(`types: ${c.name}`, c.rejects ? 'rejected' : 'accepted', errors.length ? `rejected: ${errors[0]}` : 'accepted', (errors.length > 0) === c.rejects);
    }
    t.metric('compile time per case', 'ms', (performance.now() - started) / CASES.length);

    // 2. The API surface in numbers.
    t.metric('runtime exports of the inngest package', 'exports', Object.keys(sdk).length);

    // 3. The typed function, for real.
    await inngest.send(orderPlaced.create({ orderId: 'A-1', total: 100 }));
    const [done] = await t.ledger.waitFor('confirmed');
    t.check('the typed function runs with the typed payload', { orderId: 'A-1', total: 110.00000000000001 }, done!.data);
  },
});
