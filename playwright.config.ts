/**
 * End-to-end tests against the built site (`astro build` first), served by `astro preview` on a port of their own,
 * so they run beside `npm start` (port 4321) and never test a server they did not start.
 * Uses Debian's Chromium where it is installed (Playwright cannot always download its own browser there).
 */
import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from './src/probes/core/browser.ts';

/** A loopback port nothing listens on: the system picks it for a throwaway listener (in a child, as config loading is synchronous). */
function freeLoopbackPort(): number {
  const listen = "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });";
  return Number(execFileSync(process.execPath, ['-e', listen], { encoding: 'utf8' }).trim());
}

// Chosen once, by the main process: the workers load this file again and inherit the port through the environment.
// Set E2E_PORT to choose it yourself.
process.env.E2E_PORT ||= String(freeLoopbackPort());
const PORT = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${PORT}`;
const CHROMIUM = chromiumPath();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 120_000,
  use: {
    baseURL,
    ...devices['Desktop Chrome'],
    // The same browser and flags as the probes that look at an engine's UI (PROBE_CHROMIUM, Debian's, or Playwright's).
    launchOptions: CHROMIUM ? { executablePath: CHROMIUM, args: CHROMIUM_FLAGS } : {},
  },
  webServer: {
    // --ignore-lock: astro allows one preview per project unless told otherwise, and `npm start` may hold it.
    command: `npx astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `${baseURL}/`,
    // Only a server these tests started: a port already in use fails the run instead of testing someone else's.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
