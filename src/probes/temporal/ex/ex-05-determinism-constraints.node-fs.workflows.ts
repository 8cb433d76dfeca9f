/**
 * EX-05: a workflow module that imports a Node built-in (`node:fs`) to read a file. The probe only bundles it, to
 * show what the SDK's bundler says; no worker ever runs it.
 */
import { readFileSync } from 'node:fs';

export async function readsAFile(path: string): Promise<string> {
  return readFileSync(path, 'utf8');
}
