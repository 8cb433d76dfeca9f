/** Stand-ins for external services that probes need (a failing payments API, say): never an Inngest API. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dependency } from '../src/probes/harness/probe.ts';

/** Starts a loopback HTTP stand-in for an external service that answers `status` and counts calls; `close` ends it. */
export async function startDependency(status: number): Promise<Dependency & { close(): Promise<void> }> {
  const calls: number[] = [];
  let answer = status;
  const server = createServer((req, res) => {
    calls.push(Date.now());
    req.resume();
    res.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify({ status: answer }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    setStatus: (s) => (answer = s),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

