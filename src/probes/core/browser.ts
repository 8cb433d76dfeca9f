/**
 * A headless Chromium for the probes that look at an engine's web UI (OB-01), and for the site's browser tests.
 *
 * Which browser: the one named by `PROBE_CHROMIUM`, else Debian's `/usr/bin/chromium` where it is installed, else
 * the one Playwright downloaded (`npx playwright install chromium`). On a machine with none of them the probe ends
 * as `skipped`, saying so, rather than failing the engine for a missing browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Headless, and quiet: no GPU, no sandbox (containers), no background traffic or updates while it measures. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium binary to drive, or `undefined` for the one Playwright manages. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PROBE_CHROMIUM) return env.PROBE_CHROMIUM;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/** Starts the browser; if none can start, ends the probe as skipped with the reason (`t.skip`). */
export async function openBrowser(t: { skip(reason: string): never }): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  } catch (error) {
    const why = String((error as Error).message).split('\n')[0];
    return t.skip(
      `No Chromium could be started to look at the UI (${executablePath ?? "Playwright's own browser"}: ${why}). Set PROBE_CHROMIUM to a Chromium binary, or run \`npx playwright install chromium\`.`,
    );
  }
}
