/**
 * Temporal's full server, as its documentation describes a self-hosted deployment: the `temporal-server` binary
 * (frontend, history, matching and worker services; here all four in one process) on a SQL store, with the schema
 * set up by `temporal-sql-tool`. Both binaries ship in Temporal's server releases; from source, `go install
 * go.temporal.io/server/cmd/server@<version>` and `…/cmd/tools/sql@<version>` build them (named `server` and
 * `sql`: rename them, or point the variables below at them).
 *
 * Docs: https://docs.temporal.io/self-hosted-guide/deployment (what a deployment needs),
 * https://docs.temporal.io/references/configuration (the configuration file written here).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findOnPath } from '../../core/process.ts';

const run = promisify(execFile);

/** The environment variables that name the binaries, and the names looked up on PATH and in `.tools/bin`. */
export const FULL_SERVER_BINARIES = {
  server: { env: 'TEMPORAL_SERVER_BIN', name: 'temporal-server' },
  sqlTool: { env: 'TEMPORAL_SQL_TOOL_BIN', name: 'temporal-sql-tool' },
} as const;

export const HOW_TO_GET_THE_FULL_SERVER =
  'Temporal on PostgreSQL needs the full server: temporal-server and temporal-sql-tool (in every Temporal server release; ' +
  'or built with go install go.temporal.io/server/cmd/server@v1.29.1 and go.temporal.io/server/cmd/tools/sql@v1.29.1). ' +
  'Put them on PATH under those names, in .tools/bin, or name them with TEMPORAL_SERVER_BIN and TEMPORAL_SQL_TOOL_BIN.';

/** Finds one of the full server's binaries: its variable, then PATH, then `.tools/bin` of the project. */
export function findFullServerBinary(which: keyof typeof FULL_SERVER_BINARIES, env: NodeJS.ProcessEnv = process.env, root = process.cwd()): string | null {
  const { env: variable, name } = FULL_SERVER_BINARIES[which];
  const named = env[variable];
  if (named) return existsSync(named) ? named : null;
  const onPath = findOnPath(name, env);
  if (onPath) return onPath;
  const local = join(root, '.tools', 'bin', name);
  return existsSync(local) ? local : null;
}

/** The version `temporal-server --version` prints (`temporal-server version 1.29.1`), or `unknown`. */
export async function fullServerVersion(bin: string): Promise<string> {
  const out = await run(bin, ['--version']).then((r) => r.stdout + r.stderr, () => '');
  return /version\s+(\S+)/.exec(out)?.[1] ?? 'unknown';
}

/**
 * A free loopback port below 32768. The SQL schema stores each service's membership port in `cluster_membership`
 * as a `smallint` (https://github.com/temporalio/temporal/blob/v1.29.1/schema/postgresql/v12/temporal/schema.sql#L347), so a port from the operating system's ephemeral range
 * (32768 and up here) makes the server fail at start with `value "40943" is out of range for type smallint`:
 * Temporal's defaults (6933–6939) are far below it.
 */
export async function freeMembershipPort(): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.unref();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free loopback port between 20000 and 32000 for a Temporal membership port');
}

/** The ports one all-in-one server process listens on. */
export interface FullServerPorts {
  frontend: number;
  http: number;
  history: number;
  matching: number;
  worker: number;
  frontendMembership: number;
  historyMembership: number;
  matchingMembership: number;
  workerMembership: number;
  metrics: number;
}

/** The PostgreSQL the server stores its state in: history and visibility in two databases. */
export interface SqlStore {
  host: string;
  port: number;
  user: string;
  database: string;
  visibilityDatabase: string;
}

/**
 * The server's configuration file (`config/development.yaml` under its root), close to the server's own
 * `config/development-postgres12.yaml` at v1.29.1: PostgreSQL 12+ for state and visibility, four history shards,
 * every service on loopback on the given ports. No dynamic configuration file: every setting keeps its default.
 */
export function fullServerConfig(ports: FullServerPorts, store: SqlStore): string {
  const datastore = (database: string, conns: number) => [
    '      sql:',
    '        pluginName: "postgres12"',
    `        databaseName: "${database}"`,
    `        connectAddr: "${store.host}:${store.port}"`,
    '        connectProtocol: "tcp"',
    `        user: "${store.user}"`,
    '        password: ""',
    `        maxConns: ${conns}`,
    `        maxIdleConns: ${conns}`,
    '        maxConnLifetime: "1h"',
  ];
  const service = (name: string, grpc: number, membership: number, http?: number) => [
    `  ${name}:`,
    '    rpc:',
    `      grpcPort: ${grpc}`,
    `      membershipPort: ${membership}`,
    '      bindOnLocalHost: true',
    ...(http ? [`      httpPort: ${http}`] : []),
  ];
  return [
    'log:',
    '  stdout: true',
    '  level: warn',
    'persistence:',
    '  defaultStore: postgres-default',
    '  visibilityStore: postgres-visibility',
    '  numHistoryShards: 4',
    '  datastores:',
    '    postgres-default:',
    ...datastore(store.database, 20),
    '    postgres-visibility:',
    ...datastore(store.visibilityDatabase, 4),
    'global:',
    '  membership:',
    '    maxJoinDuration: 30s',
    '    broadcastAddress: "127.0.0.1"',
    '  metrics:',
    '    prometheus:',
    '      framework: "tally"',
    '      timerType: "histogram"',
    `      listenAddress: "127.0.0.1:${ports.metrics}"`,
    'services:',
    ...service('frontend', ports.frontend, ports.frontendMembership, ports.http),
    ...service('matching', ports.matching, ports.matchingMembership),
    ...service('history', ports.history, ports.historyMembership),
    ...service('worker', ports.worker, ports.workerMembership),
    'clusterMetadata:',
    '  enableGlobalNamespace: false',
    '  failoverVersionIncrement: 10',
    '  masterClusterName: "active"',
    '  currentClusterName: "active"',
    '  clusterInformation:',
    '    active:',
    '      enabled: true',
    '      initialFailoverVersion: 1',
    '      rpcName: "frontend"',
    `      rpcAddress: "127.0.0.1:${ports.frontend}"`,
    `      httpAddress: "127.0.0.1:${ports.http}"`,
    'dcRedirectionPolicy:',
    '  policy: "noop"',
    '',
  ].join('\n');
}

/** The command line that starts all four services in one process from the configuration under `root`. */
export function fullServerArgs(root: string): string[] {
  return ['--root', root, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'];
}

/**
 * Sets up both schemas the way Temporal's own setup scripts do: the versioning tables, then every versioned
 * migration embedded in the tool (`postgresql/v12/temporal`, `postgresql/v12/visibility`). Returns the commands run.
 */
export async function setUpSchemas(sqlTool: string, store: SqlStore): Promise<string[][]> {
  const base = ['--plugin', 'postgres12', '--endpoint', store.host, '--port', String(store.port), '--user', store.user];
  const done: string[][] = [];
  for (const [database, schema] of [[store.database, 'postgresql/v12/temporal'], [store.visibilityDatabase, 'postgresql/v12/visibility']] as const) {
    for (const step of [['setup-schema', '--version', '0.0'], ['update-schema', '--schema-name', schema]]) {
      const args = [...base, '--database', database, ...step];
      await run(sqlTool, args).catch((e: Error & { stderr?: string }) => {
        throw new Error(`temporal-sql-tool ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
      });
      done.push(['temporal-sql-tool', ...args.map((a) => (a === String(store.port) ? '<free port>' : a))]);
    }
  }
  return done;
}
