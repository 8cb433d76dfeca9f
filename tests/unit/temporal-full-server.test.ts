/**
 * The full Temporal server's configuration as the fault matrix writes it: PostgreSQL for both stores, every service
 * on loopback on the ports it was given, membership ports the SQL schema can store, and binaries found the usual ways.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findFullServerBinary, freeMembershipPort, fullServerArgs, fullServerConfig, HOW_TO_GET_THE_FULL_SERVER } from '../../runner/drivers/temporal/full-server.ts';

const ports = { frontend: 41001, http: 41002, history: 41003, matching: 41004, worker: 41005, frontendMembership: 21001, historyMembership: 21002, matchingMembership: 21003, workerMembership: 21004, metrics: 41006 };
const store = { host: '127.0.0.1', port: 45432, user: 'postgres', database: 'temporal', visibilityDatabase: 'temporal_visibility' };

describe('fullServerConfig', () => {
  const yaml = fullServerConfig(ports, store);
  test('puts history and visibility on PostgreSQL 12+, in their own databases, at the given address', () => {
    expect(yaml).toContain('defaultStore: postgres-default');
    expect(yaml).toContain('visibilityStore: postgres-visibility');
    expect(yaml.match(/pluginName: "postgres12"/g)).toHaveLength(2);
    expect(yaml).toContain('databaseName: "temporal"');
    expect(yaml).toContain('databaseName: "temporal_visibility"');
    expect(yaml.match(/connectAddr: "127\.0\.0\.1:45432"/g)).toHaveLength(2);
  });
  test('gives every service its gRPC and membership port, bound to loopback', () => {
    for (const [service, grpc, membership] of [['frontend', 41001, 21001], ['history', 41003, 21002], ['matching', 41004, 21003], ['worker', 41005, 21004]] as const) {
      expect(yaml).toMatch(new RegExp(`  ${service}:\\n    rpc:\\n      grpcPort: ${grpc}\\n      membershipPort: ${membership}\\n      bindOnLocalHost: true`));
    }
    expect(yaml).toContain('httpPort: 41002');
    expect(yaml).toContain('listenAddress: "127.0.0.1:41006"');
    expect(yaml).toContain('rpcAddress: "127.0.0.1:41001"');
  });
  test('starts every service from that file', () => {
    expect(fullServerArgs('/srv/t')).toEqual(['--root', '/srv/t', '--config', 'config', '--env', 'development', '--allow-no-auth', 'start']);
  });
});

describe('freeMembershipPort', () => {
  test('answers ports the schema stores as smallint (below 32768), and free', async () => {
    const seen = await Promise.all(Array.from({ length: 5 }, () => freeMembershipPort()));
    for (const port of seen) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
    }
  });
});

describe('findFullServerBinary', () => {
  test('takes the variable first, then PATH, then .tools/bin, and says how to get one otherwise', () => {
    const root = mkdtempSync(join(tmpdir(), 'full-server-'));
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const onPath = join(bin, 'temporal-server');
    writeFileSync(onPath, '#!/bin/sh\n');
    chmodSync(onPath, 0o755);
    expect(findFullServerBinary('server', { TEMPORAL_SERVER_BIN: onPath }, root)).toBe(onPath);
    expect(findFullServerBinary('server', { TEMPORAL_SERVER_BIN: join(root, 'missing') }, root)).toBeNull();
    expect(findFullServerBinary('server', { PATH: bin }, root)).toBe(onPath);
    expect(findFullServerBinary('sqlTool', { PATH: bin }, root)).toBeNull();
    mkdirSync(join(root, '.tools', 'bin'), { recursive: true });
    writeFileSync(join(root, '.tools', 'bin', 'temporal-sql-tool'), '');
    expect(findFullServerBinary('sqlTool', { PATH: bin }, root)).toBe(join(root, '.tools', 'bin', 'temporal-sql-tool'));
    expect(HOW_TO_GET_THE_FULL_SERVER).toMatch(/temporal-server and temporal-sql-tool/);
  });
});
