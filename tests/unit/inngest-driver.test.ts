import { describe, expect, test } from 'vitest';
import { configurationFor, maskFlags, sameConfiguration, serverArgs, type ServerPorts } from '../../runner/drivers/inngest/driver.ts';

const ports: ServerPorts = { api: 41001, gateway: 41002, gatewayGrpc: 41003, executorGrpc: 41004 };

describe('serverArgs()', () => {
  test('dev: inngest dev on loopback, no discovery or polling, extra flags last', () => {
    const args = serverArgs('dev', ['--retry-interval', '1'], ports);
    expect(args.slice(0, 3)).toEqual(['dev', '--host', '127.0.0.1']);
    expect(args).toContain('--no-discovery');
    expect(args).not.toContain('--persist');
    expect(args.slice(-2)).toEqual(['--retry-interval', '1']);
  });
  test('dev-persist adds --persist', () => {
    expect(serverArgs('dev-persist', [], ports)).toContain('--persist');
  });
  test('self-hosted: inngest start with keys and SQLite, and the external Redis only when asked for', () => {
    const external = serverArgs('self-hosted', [], ports, 'redis://127.0.0.1:6390');
    expect(external[0]).toBe('start');
    expect(external).toEqual(expect.arrayContaining(['--signing-key', '<signing-key>', '--sqlite-dir', '<data-dir>', '--redis-uri', 'redis://127.0.0.1:6390']));
    expect(serverArgs('self-hosted-embedded-redis', [], ports)).not.toContain('--redis-uri');
  });
});

describe('maskFlags()', () => {
  test('masks the ports and a PostgreSQL URI, and lists the extra environment', () => {
    const args = serverArgs('self-hosted', ['--postgres-uri', 'postgres://postgres@127.0.0.1:5999/inngest'], ports);
    const masked = maskFlags(args, ports, { INNGEST_EXPERIMENTAL_PROM_METRICS: '1' });
    expect(masked.join(' ')).not.toMatch(/4100\d/);
    expect(masked.filter((f) => f === '<free port>')).toHaveLength(4);
    expect(masked).toContain('<postgres-uri>');
    expect(masked.at(-1)).toBe('env INNGEST_EXPERIMENTAL_PROM_METRICS=1');
  });
  test("masks the port of an app URL given with -u, so two trials' configurations compare equal", () => {
    const one = maskFlags(serverArgs('dev', ['-u', 'http://127.0.0.1:34431/api/inngest'], ports), ports, {});
    const two = maskFlags(serverArgs('dev', ['-u', 'http://127.0.0.1:40007/api/inngest'], ports), ports, {});
    expect(one).toContain('http://127.0.0.1:<free port>/api/inngest');
    expect(one).toEqual(two);
  });
});

describe('configurationFor() and sameConfiguration()', () => {
  test('nothing declared is the baseline: dev, no flags, no environment', () => {
    expect(configurationFor(undefined)).toEqual({ mode: 'dev', flags: [], env: {} });
    expect(sameConfiguration(configurationFor({}), configurationFor(undefined))).toBe(true);
  });
  test('a different mode, flag or environment value is another configuration', () => {
    const base = configurationFor(undefined);
    expect(sameConfiguration(configurationFor({ mode: 'self-hosted' }), base)).toBe(false);
    expect(sameConfiguration(configurationFor({ flags: ['--tick', '10'] }), base)).toBe(false);
    expect(sameConfiguration(configurationFor({ env: { A: '1' } }), base)).toBe(false);
  });
  test('environment order does not matter, flag order does', () => {
    expect(sameConfiguration(configurationFor({ env: { A: '1', B: '2' } }), configurationFor({ env: { B: '2', A: '1' } }))).toBe(true);
    expect(sameConfiguration(configurationFor({ flags: ['a', 'b'] }), configurationFor({ flags: ['b', 'a'] }))).toBe(false);
  });
});
