/**
 * The worker process: serves one probe's Inngest functions over HTTP through the SDK's `serve`, the way an
 * application would. The runner starts it as a child process so probes can SIGKILL it and start it again.
 *
 * With PROBE_TRANSPORT=connect it uses the SDK's persistent-connection worker (`connect()`) instead: no HTTP
 * port; the worker dials the server's connect gateway and announces when the connection is active.
 *
 * Environment: PROBE_FILE (the probe module), PROBE_PORT, PROBE_TRANSPORT, INNGEST_DEV (the server URL),
 * PROBE_LEDGER.
 */
import http from 'node:http';
import { hostname } from 'node:os';
import { pathToFileURL } from 'node:url';
import { connect } from 'inngest/connect';
import { serve } from 'inngest/node';
import type { ProbeDefinition } from '../../../src/probes/inngest/harness/probe.ts';
import { CONNECTED_LINE } from './worker-protocol.ts';

const file = process.env.PROBE_FILE;
const port = Number(process.env.PROBE_PORT);
if (!file || !port) throw new Error('worker-main needs PROBE_FILE and PROBE_PORT');

const probe = (await import(pathToFileURL(file).href)).default as ProbeDefinition;
if (process.env.PROBE_TRANSPORT === 'connect') {
  // One instance id per process: by default it is the host name, which every worker on this machine shares.
  const connection = await connect({ apps: [{ client: probe.client, functions: probe.functions }], instanceId: `${hostname()}-${process.pid}` });
  process.stdout.write(`${CONNECTED_LINE} ${connection.connectionId} (pid ${process.pid})\n`);
} else {
  const server = http.createServer(serve({ client: probe.client, functions: probe.functions }));
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`worker for ${probe.id} listening on ${port} (pid ${process.pid})\n`);
  });
}
