/**
 * Looks inside the stores the server keeps its state in, so probes can say where state lives and how much of it
 * there is: a Redis (asked over its own protocol) and the SQLite files in the server's data directory.
 */
import { readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/** Encodes a command in RESP, Redis's wire protocol. */
export function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
}

/**
 * Decodes one RESP reply from `buffer`: the value and how many bytes it used, or `null` while it is incomplete.
 * Handles the reply types `INFO` and `DBSIZE` return (simple string, error, integer, bulk string).
 */
export function decodeReply(buffer: Buffer): { value: string | number | null; bytes: number } | null {
  const lineEnd = buffer.indexOf('\r\n');
  if (lineEnd < 0) return null;
  const head = buffer.subarray(1, lineEnd).toString();
  switch (String.fromCharCode(buffer[0]!)) {
    case '+':
      return { value: head, bytes: lineEnd + 2 };
    case '-':
      throw new Error(`Redis answered an error: ${head}`);
    case ':':
      return { value: Number(head), bytes: lineEnd + 2 };
    case '$': {
      const length = Number(head);
      if (length < 0) return { value: null, bytes: lineEnd + 2 };
      const end = lineEnd + 2 + length;
      if (buffer.length < end + 2) return null;
      return { value: buffer.subarray(lineEnd + 2, end).toString(), bytes: end + 2 };
    }
    default:
      throw new Error(`Unexpected Redis reply: ${buffer.subarray(0, 40).toString()}`);
  }
}

/** Sends one command to the Redis at `uri` (redis://host:port) and returns its reply. */
export function redisCommand(uri: string, ...args: string[]): Promise<string | number | null> {
  const { hostname, port } = new URL(uri);
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const socket = connect(Number(port), hostname, () => socket.write(encodeCommand(args)));
    socket.setTimeout(5_000, () => socket.destroy(new Error(`Redis at ${uri} did not answer ${args[0]} within 5 s`)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      try {
        const reply = decodeReply(received);
        if (reply) {
          socket.end();
          resolve(reply.value);
        }
      } catch (e) {
        socket.destroy();
        reject(e);
      }
    });
    socket.on('error', reject);
  });
}

/** Reads `field:value` lines of an `INFO` reply into a map. */
export function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1);
  }
  return fields;
}

/** Keys (over all databases; how many of them expire) and memory in use of the Redis at `uri`. */
export async function redisUsage(uri: string): Promise<{ keys: number; expiringKeys: number; averageTtlMs: number; usedMemoryBytes: number }> {
  const keyspace = Object.values(parseInfo(String(await redisCommand(uri, 'INFO', 'keyspace'))));
  // e.g. db0:keys=12,expires=3,avg_ttl=0
  const total = (field: string) => keyspace.reduce((sum, v) => sum + Number(new RegExp(`${field}=(\\d+)`).exec(v)?.[1] ?? 0), 0);
  const memory = parseInfo(String(await redisCommand(uri, 'INFO', 'memory')));
  // avg_ttl is Redis's estimate per database; weight it by the expiring keys of each.
  const ttl = keyspace.reduce((sum, v) => sum + Number(/avg_ttl=(\d+)/.exec(v)?.[1] ?? 0) * Number(/expires=(\d+)/.exec(v)?.[1] ?? 0), 0);
  const expiringKeys = total('expires');
  return { keys: total('keys'), expiringKeys, averageTtlMs: expiringKeys ? ttl / expiringKeys : 0, usedMemoryBytes: Number(memory.used_memory ?? 0) };
}

/** Total size of the SQLite files (`*.db`, with their `-wal` and `-shm` companions) under `dir`. */
export function sqliteBytes(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.db(-wal|-shm|-journal)?$/.test(entry.name)) total += statSync(path).size;
    }
  };
  walk(dir);
  return total;
}
