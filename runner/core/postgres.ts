/**
 * A real PostgreSQL for probes that run the server against it (Inngest's `inngest start --postgres-uri`, say): Debian's
 * `postgresql` package, initialised in a private directory and started on a free loopback port. Not an engine's
 * API; it is the database the server is pointed at, the way an operator would.
 */
import { execFile } from 'node:child_process';
import { chownSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Postgres } from '../../src/probes/core/context.ts';
import { findOnPath, freePort, halt, launch } from './process.ts';

const run = promisify(execFile);

/** The directory holding `initdb`, `postgres` and `psql`: where PATH's `initdb` really lives, else Debian's newest. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  const initdb = findOnPath('initdb', env);
  if (initdb) return dirname(realpathSync(initdb));
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(debian, versions[0], 'bin') : null;
}

/** The user to run PostgreSQL as: ourselves, unless we are root (which PostgreSQL refuses); then `postgres`. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:') || l.startsWith('nobody:'));
  if (!line) throw new Error('running as root, and there is no `postgres` user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Starts PostgreSQL with a database `inngest`; `close` stops it and removes its files. */
export async function startPostgres(logFile: string): Promise<Postgres & { close(): Promise<void> }> {
  const binDir = findPostgresBin();
  if (!binDir) throw new Error('PostgreSQL is not installed here (Debian: apt-get install postgresql)');
  const bin = (name: string) => join(binDir, name);
  const dir = mkdtempSync(join(tmpdir(), 'probe-postgres-'));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const log = createWriteStream(logFile, { flags: 'a' });
  await run(bin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...user, cwd: dir });
  const server = launch(bin('postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], dir, log, {}, user);
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const psql = async (uri: string, sql: string) => (await run(bin('psql'), ['-X', '-At', '-F', '\t', '-d', uri, '-c', sql])).stdout;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await psql(admin, 'select 1');
      break;
    } catch (e) {
      if (server.exitCode !== null) throw new Error(`postgres exited with code ${server.exitCode}; see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 30 s: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await psql(admin, 'create database inngest');
  const uri = `postgres://postgres@127.0.0.1:${port}/inngest?sslmode=disable`;
  return {
    uri,
    async query(sql) {
      const out = await psql(uri, sql);
      return out.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
    },
    async close() {
      await halt(server, 'SIGINT'); // PostgreSQL's "fast" shutdown
      log.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL cluster initialised in `dir` (with the given databases, `inngest` unless told) but not running: what fault injection needs
 * to start, SIGKILL and start it again on the same data directory and port. Unlike `startPostgres`, it keeps
 * PostgreSQL's default `fsync=on`: the matrix measures a database configured as one would run it.
 */
export async function preparePostgres(dir: string, databases: readonly string[] = ['inngest']): Promise<{ command: string; args: string[]; uri: string; port: number; as?: { uid: number; gid: number }; ready(): Promise<boolean> }> {
  const binDir = findPostgresBin();
  if (!binDir) throw new Error('PostgreSQL is not installed here (Debian: apt-get install postgresql)');
  const bin = (name: string) => join(binDir, name);
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  await run(bin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...user, cwd: dir });
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const uri = `postgres://postgres@127.0.0.1:${port}/${databases[0]}?sslmode=disable`;
  const psql = async (target: string, sql: string) => (await run(bin('psql'), ['-X', '-At', '-d', target, '-c', sql])).stdout;
  let created = false;
  return {
    command: bin('postgres'),
    args: ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
    uri,
    port,
    ...(user ? { as: user } : {}),
    async ready() {
      await psql(admin, 'select 1');
      if (!created) {
        for (const db of databases) if ((await psql(admin, `select 1 from pg_database where datname = '${db}'`)).trim() !== '1') await psql(admin, `create database ${db}`);
        created = true;
      }
      return true;
    },
  };
}
