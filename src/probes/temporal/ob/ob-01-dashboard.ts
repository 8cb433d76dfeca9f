/**
 * OB-01 · Dashboard / UI (Temporal)
 *
 * Question: what does Temporal's Web UI show a person about a workflow: is it listed, with its status, and does
 * its page show the event history — activities, the timer, the retried activity's attempts, inputs and outputs?
 *
 * How: the dev server serves the Web UI unless it is started `--headless`; this probe starts it with the UI on
 * (`--headless=false`). A workflow prices an order, charges the card (failing twice before it succeeds), sleeps a
 * second and ships. Then a headless Chromium (Debian's, here), driven by Playwright, opens the workflow list and the
 * workflow's page, as a person would, and the probe reads the text the pages render. A screenshot of the
 * workflow's page is kept for the rationale.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { activityInfo } from '@temporalio/activity';
import { defineProbe, openBrowser, record } from '../harness/index.ts';

/** Where the screenshot goes: the site's static files, so the rationale can show it. */
const SCREENSHOT = new URL('../../../../public/evidence/temporal/ob-01-workflow-page.png', import.meta.url);

export const activities = {
  async priceOrder(items: number): Promise<{ total: number }> {
    return { total: items * 1200 };
  },
  async chargeCard(total: number): Promise<string> {
    const { attempt } = activityInfo();
    record('charge attempted', { attempt });
    if (attempt < 3) throw new Error(`card processor unavailable (attempt ${attempt})`);
    return `charged ${total}`;
  },
  async shipOrder(): Promise<string> {
    return 'shipped';
  },
};

export default defineProbe({
  id: 'OB-01',
  question: 'What does the Web UI show for a workflow: listed with its status, its event history, retries, inputs and outputs?',
  budgetMs: 90_000,
  needs: { flags: ['--headless=false'] }, // the driver starts the dev server headless; this probe wants its UI
  workflows: new URL('./ob-01-dashboard.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. A workflow with a retried activity and a timer.
    const workflowId = t.workflowId('order');
    const handle = await t.client.workflow.start('order', { taskQueue: t.taskQueue, workflowId, args: [2] });
    t.check('the run completed', 'shipped', await handle.result());
    const runId = (await handle.describe()).runId;

    // 2. The UI in a browser: the list of workflows, then the workflow's page.
    const browser = await openBrowser(t);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const listedAt = Date.now();
      await page.goto(`${t.server.uiUrl}/namespaces/default/workflows`);
      const listed = await page.getByText(workflowId).first().waitFor({ timeout: 20_000 }).then(() => true, () => false);
      t.metric('workflow list: page opened → the workflow shown', 'ms', Date.now() - listedAt);
      const listText = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      t.check('workflows list: the workflow is listed with its status', `${workflowId} with Completed`, listed ? 'listed' : 'not listed', listed && listText.includes('Completed'));

      const openedAt = Date.now();
      await page.goto(`${t.server.uiUrl}/namespaces/default/workflows/${workflowId}/${runId}/history`);
      await page.getByText(/chargeCard/).first().waitFor({ timeout: 20_000 }).catch(() => {});
      await page.waitForLoadState('networkidle').catch(() => {});
      t.metric('workflow page: opened → history shown', 'ms', Date.now() - openedAt);
      const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      t.note(`Text of the workflow's page: ${text.slice(0, 1500)}`);
      const shows = (s: string | RegExp) => (typeof s === 'string' ? text.includes(s) : s.test(text));
      t.check('workflow page: shows the workflow id, type and status', { id: true, type: true, status: 'Completed' }, { id: shows(workflowId), type: shows('order'), status: shows('Completed') ? 'Completed' : 'not shown' });
      t.check('workflow page: the history names each activity', ['priceOrder', 'chargeCard', 'shipOrder'], ['priceOrder', 'chargeCard', 'shipOrder'].filter((a) => shows(a)));
      t.check('workflow page: the timer is in the history', 'a timer event', shows(/Timer/i) ? 'shown' : 'not shown', shows(/Timer/i));
      t.check("workflow page: the retried activity's attempt count is shown", 'the attempt (3) near chargeCard', (text.match(/[Aa]ttempt[^a-z]{0,20}\d+/g) ?? []).slice(0, 3), /[Aa]ttempt[^a-z]{0,20}3/.test(text));
      t.check('workflow page: the input and the result are readable', { input: true, result: true }, { input: shows('2'), result: shows('"shipped"') || shows('shipped') });

      mkdirSync(fileURLToPath(new URL('.', SCREENSHOT)), { recursive: true });
      await page.screenshot({ path: fileURLToPath(SCREENSHOT) });
    } finally {
      await browser.close();
    }
  },
});
