#!/usr/bin/env node
/**
 * Makes sure the tests have what they need from the system.
 * On Debian without /usr/bin/chromium, installs Debian's `chromium` (Playwright cannot always download its own
 * browser there); installs `fonts-noto-cjk` when no "Noto Sans CJK" font is present; installs `redis-server`,
 * which the probes' self-hosted server mode uses, when missing. Where Go is present and no `temporal` CLI is found,
 * builds Temporal's CLI with `go install` into .tools/bin (ignored by git), so the integration tests can run the
 * Temporal probes on the real server. Says what it does.
 * Exits non-zero only when it cannot get a browser at all.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const log = (msg) => console.log(`[ensure-tools] ${msg}`);

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Playwright's own Chromium, if it has been downloaded. */
function playwrightChromium() {
  try {
    const out = execFileSync(process.execPath, ['-e', "console.log(require('playwright-core').chromium.executablePath())"], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out && existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

function hasCjkFont() {
  if (!has('fc-list')) return false;
  const r = spawnSync('sh', ['-c', 'fc-list | grep -i "Noto Sans CJK"'], { stdio: 'ignore' });
  return r.status === 0;
}

/** Runs apt-get with the given arguments, through sudo when not root. Returns whether it succeeded. */
function aptGet(args) {
  const [cmd, argv] = isRoot ? ['apt-get', args] : has('sudo') ? ['sudo', ['-n', 'apt-get', ...args]] : [null, null];
  if (!cmd) {
    log('not root and no sudo: cannot run apt-get.');
    return false;
  }
  log(`running: ${cmd} ${argv.join(' ')}`);
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/** The Temporal CLI release the probes were measured with; `go install` builds it from the Go module proxy. */
const TEMPORAL_CLI = 'v1.5.1';
const TOOLS_BIN = '.tools/bin';

function ensureTemporal() {
  if (process.env.TEMPORAL_BIN || has('temporal') || existsSync(`${TOOLS_BIN}/temporal`)) {
    log('a temporal CLI is present (TEMPORAL_BIN, PATH or .tools/bin).');
    return;
  }
  if (!has('go')) {
    log('no temporal CLI and no Go: the Temporal integration tests will skip (see the README for getting the CLI).');
    return;
  }
  log(`building the temporal CLI ${TEMPORAL_CLI} with go install into ${TOOLS_BIN} (minutes on a cold Go cache)…`);
  const r = spawnSync('go', ['install', '-ldflags', `-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI.slice(1)}`, `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI}`], {
    stdio: 'inherit',
    timeout: 20 * 60_000,
    env: { ...process.env, GOBIN: `${process.cwd()}/${TOOLS_BIN}`, GOFLAGS: '-mod=mod' },
  });
  log(r.status === 0 ? `built ${TOOLS_BIN}/temporal.` : 'could not build the temporal CLI; the Temporal integration tests will skip.');
}
ensureTemporal();

const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (!has('redis-server')) missing.push('redis-server');

if (missing.length === 0) {
  log(`${CHROMIUM}, Noto Sans CJK and redis-server are present; nothing to install.`);
  process.exit(0);
}

log(`missing: ${missing.join(', ')}`);
let installed = false;
if (has('apt-get')) {
  installed = aptGet(['update']) && aptGet(['install', '-y', ...missing]);
  log(installed ? `installed ${missing.join(', ')}.` : `could not install ${missing.join(', ')} with apt-get.`);
} else {
  log('apt-get not found (not Debian): not installing system packages.');
}

if (existsSync(CHROMIUM)) {
  if (!hasCjkFont()) log('warning: no "Noto Sans CJK" font; Japanese pages may render with fallback fonts.');
  process.exit(0);
}
const own = playwrightChromium();
if (own) {
  log(`using Playwright's own Chromium at ${own}.`);
  process.exit(0);
}
console.error(
  `[ensure-tools] no browser for the end-to-end tests: ${CHROMIUM} is missing and Playwright's Chromium is not installed.\n` +
    `  On Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk\n` +
    `  Elsewhere: npx playwright install chromium`,
);
process.exit(1);
