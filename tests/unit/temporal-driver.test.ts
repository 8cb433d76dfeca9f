import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { summariseEvent } from '../../runner/drivers/temporal/context.ts';
import { BIN_ENV, findBinary, maskFlags, parseVersion, serverArgs, TOOLS_BIN, versionLabel, type ServerPorts } from '../../runner/drivers/temporal/driver.ts';

const ports: ServerPorts = { grpc: 42001, http: 42002, metrics: 42003, ui: 42004 };

describe('serverArgs()', () => {
  test('the state-file baseline: start-dev headless on loopback, every port named, a private state file', () => {
    const args = serverArgs('state-file', [], ports);
    expect(args.slice(0, 5)).toEqual(['server', 'start-dev', '--headless', '--ip', '127.0.0.1']);
    for (const [flag, port] of [['--port', 42001], ['--http-port', 42002], ['--metrics-port', 42003], ['--ui-port', 42004]] as const) {
      expect(args[args.indexOf(flag) + 1]).toBe(String(port));
    }
    expect(args[args.indexOf('--db-filename') + 1]).toBe('<state-file>');
  });
  test('in-memory is the dev default: no state file; extra flags come last', () => {
    const args = serverArgs('in-memory', ['--dynamic-config-value', 'limit.blobSize.error=1024'], ports);
    expect(args).not.toContain('--db-filename');
    expect(args.slice(-2)).toEqual(['--dynamic-config-value', 'limit.blobSize.error=1024']);
  });
});

describe('maskFlags()', () => {
  test('masks the four ports and nothing else', () => {
    const masked = maskFlags(serverArgs('state-file', [], ports), ports);
    expect(masked.join(' ')).not.toMatch(/4200\d/);
    expect(masked.filter((f) => f === '<free port>')).toHaveLength(4);
    expect(masked).toContain('<state-file>');
  });
});

describe('parseVersion()', () => {
  test('reads the CLI, server and UI versions', () => {
    expect(parseVersion('temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)')).toEqual({ cli: '1.5.1', server: '1.29.1', ui: '2.42.1' });
    expect(versionLabel('temporal version 0.0.0-DEV (Server 1.29.1, UI 2.42.1)')).toBe('1.29.1 (temporal CLI 0.0.0-DEV)');
  });
  test('refuses output it does not recognise, rather than recording a wrong version', () => {
    expect(() => parseVersion('temporal 2.0')).toThrow(/unrecognised/);
  });
});

describe('findBinary()', () => {
  const executable = (dir: string) => {
    const path = join(dir, 'temporal');
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  };
  test('TEMPORAL_BIN first, then PATH, then the project .tools/bin; none is null', () => {
    const root = mkdtempSync(join(tmpdir(), 'temporal-find-'));
    const onPath = mkdtempSync(join(tmpdir(), 'temporal-path-'));
    expect(findBinary({ PATH: '/nonexistent' }, root)).toBeNull();
    mkdirSync(join(root, '.tools', 'bin'), { recursive: true });
    const built = executable(join(root, '.tools', 'bin'));
    expect(findBinary({ PATH: '/nonexistent' }, root)).toEqual({ path: built, via: 'tools' });
    expect(built.endsWith(TOOLS_BIN)).toBe(true);
    const fromPath = executable(onPath);
    expect(findBinary({ PATH: onPath }, root)).toEqual({ path: fromPath, via: 'path' });
    expect(findBinary({ PATH: onPath, [BIN_ENV]: built }, root)).toEqual({ path: built, via: 'env' });
    expect(() => findBinary({ [BIN_ENV]: join(root, 'missing') }, root)).toThrow(/not an executable/);
  });
});

describe('summariseEvent()', () => {
  test('names the event type without its prefix, with the activity, attempt and time', () => {
    const started = summariseEvent({ eventId: 7 as never, eventType: 11, eventTime: { seconds: 1_700_000_000, nanos: 250_000_000 } as never, activityTaskStartedEventAttributes: { attempt: 2 } });
    expect(started).toEqual({ eventId: 7, type: 'ACTIVITY_TASK_STARTED', time: 1_700_000_000_250, attempt: 2 });
    const scheduled = summariseEvent({ eventId: 5 as never, eventType: 10, activityTaskScheduledEventAttributes: { activityType: { name: 'chargeCard' } } });
    expect(scheduled).toMatchObject({ type: 'ACTIVITY_TASK_SCHEDULED', name: 'chargeCard' });
  });
});

describe('the Temporal driver without a CLI', () => {
  test('locate() says how to get the server (the runner prints it and exits non-zero, as for Inngest)', async () => {
    const { temporalDriver } = await import('../../runner/drivers/temporal/driver.ts');
    const empty = mkdtempSync(join(tmpdir(), 'no-temporal-'));
    const located = temporalDriver.locate({ PATH: empty }, empty);
    expect(located.found).toBe(false);
    const howToGet = located.found ? '' : located.howToGet;
    expect(howToGet).toMatch(/No `temporal` CLI was found/);
    expect(howToGet).toMatch(/go install github\.com\/temporalio\/cli\/cmd\/temporal@v1\.5\.1/);
    expect(howToGet).toMatch(/TEMPORAL_BIN=/);
  });
});
