/**
 * OB-06 · Logging
 *
 * Question: does the context logger write a line once per step, or again every time the SDK re-enters the
 * function? Inside steps and outside them.
 *
 * How: a function with three steps and two sleeps (each sleep ends a request) logs one line outside the steps at
 * the top, one inside each step, and one between steps. Checkpointing is off so the function is re-entered for
 * every step. The probe counts the lines in the worker's output.
 */
import { Inngest } from 'inngest';
import { defineProbe } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ob-06' });

const chatty = inngest.createFunction({ id: 'ob-06-chatty', triggers: [{ event: 'probe/ob-06.start' }], checkpointing: false }, async ({ step, logger }) => {
  logger.info('LOG-TOP: handler entered');
  await step.run('step one', () => logger.info('LOG-IN-STEP: step one ran'));
  logger.info('LOG-BETWEEN: after step one');
  await step.sleep('pause', '1s');
  await step.run('step two', () => logger.info('LOG-IN-STEP: step two ran'));
  await step.sleep('pause again', '1s');
  await step.run('step three', () => logger.info('LOG-IN-STEP: step three ran'));
});

export default defineProbe({
  id: 'OB-06',
  question: 'Is a log line written once per step, or repeated on every re-entry, inside and outside steps?',
  budgetMs: 30_000,
  client: inngest,
  functions: [chatty],

  async run(t) {
    const [run] = await t.waitForRuns(await t.send('probe/ob-06.start'));
    t.check('run completed', 'COMPLETED', (await t.waitForEnd(run!.id)).status);
    await t.pause(500, 'let the worker flush its output');
    const count = (tag: string) => t.worker.sdkLines(new RegExp(tag)).length;
    t.metric('lines logged at the top of the handler', 'lines', count('LOG-TOP'));
    t.metric('lines logged between steps', 'lines', count('LOG-BETWEEN'));
    t.check('inside steps: one line per step', 3, count('LOG-IN-STEP'));
    t.check('outside steps: the top line is logged once per run, not once per entry', 1, count('LOG-TOP'));
    t.check('between steps: logged once, not on every later entry', 1, count('LOG-BETWEEN'));
  },
});
