import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeReply, encodeCommand, parseInfo, sqliteBytes } from '../../runner/core/stores.ts';

describe('Redis wire protocol', () => {
  test('encodes a command as an array of bulk strings, counting bytes not characters', () => {
    expect(encodeCommand(['INFO', 'keyspace'])).toBe('*2\r\n$4\r\nINFO\r\n$8\r\nkeyspace\r\n');
    expect(encodeCommand(['ECHO', 'é'])).toBe('*2\r\n$4\r\nECHO\r\n$2\r\né\r\n');
  });

  test('decodes integers, simple strings and bulk strings, and waits for a bulk string to be complete', () => {
    expect(decodeReply(Buffer.from(':42\r\n'))).toEqual({ value: 42, bytes: 5 });
    expect(decodeReply(Buffer.from('+OK\r\n'))).toEqual({ value: 'OK', bytes: 5 });
    expect(decodeReply(Buffer.from('$5\r\nhel'))).toBeNull();
    expect(decodeReply(Buffer.from('$5\r\nhello\r\n'))).toEqual({ value: 'hello', bytes: 11 });
    expect(decodeReply(Buffer.from('$-1\r\n'))).toEqual({ value: null, bytes: 5 });
  });

  test('turns an error reply into an exception', () => {
    expect(() => decodeReply(Buffer.from('-ERR unknown command\r\n'))).toThrow(/unknown command/);
  });

  test('reads INFO fields, skipping section headers', () => {
    const info = parseInfo('# Keyspace\r\ndb0:keys=12,expires=3,avg_ttl=86000\r\ndb1:keys=1,expires=0,avg_ttl=0\r\n');
    expect(info).toEqual({ db0: 'keys=12,expires=3,avg_ttl=86000', db1: 'keys=1,expires=0,avg_ttl=0' });
  });
});

describe('sqliteBytes()', () => {
  test('adds up database files and their journals in nested folders, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stores-test-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'main.db'), Buffer.alloc(100));
    writeFileSync(join(dir, 'main.db-wal'), Buffer.alloc(30));
    writeFileSync(join(dir, 'nested', 'other.db'), Buffer.alloc(7));
    writeFileSync(join(dir, 'redis.log'), Buffer.alloc(1000));
    expect(sqliteBytes(dir)).toBe(137);
  });
});
