import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath, openBrowser } from '../../src/probes/core/browser.ts';

class Skipped extends Error {}

describe('the browser the UI probes drive', () => {
  const saved = process.env.PROBE_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.PROBE_CHROMIUM;
    else process.env.PROBE_CHROMIUM = saved;
  });

  it('takes PROBE_CHROMIUM first, then Debian’s Chromium where installed, else leaves the choice to Playwright', () => {
    expect(chromiumPath({ PROBE_CHROMIUM: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumPath({})).toBe(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  });

  it('ends the probe as skipped, naming the binary, when the browser cannot start', async () => {
    process.env.PROBE_CHROMIUM = '/nonexistent/chromium';
    const reasons: string[] = [];
    const t = {
      skip(reason: string): never {
        reasons.push(reason);
        throw new Skipped(reason);
      },
    };
    await expect(openBrowser(t)).rejects.toBeInstanceOf(Skipped);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('/nonexistent/chromium');
    expect(reasons[0]).toContain('PROBE_CHROMIUM');
  });
});
