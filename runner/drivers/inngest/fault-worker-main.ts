/**
 * The worker process of the fault matrix: serves a fault scenario's Inngest functions over HTTP through the SDK's
 * `serve`, like `worker-main.ts`, and stops the way a well-behaved application does on SIGTERM: it stops accepting
 * requests, lets the ones in flight (a step mid-way) finish, then exits. SIGKILL, of course, ends it at once.
 *
 * Environment: PROBE_FILE (the scenario module), PROBE_PORT, PROBE_LEDGER, and the server's (INNGEST_*).
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import type { Inngest, InngestFunction } from 'inngest';
import { serve } from 'inngest/node';

const file = process.env.PROBE_FILE;
const port = Number(process.env.PROBE_PORT);
if (!file || !port) throw new Error('fault-worker-main needs PROBE_FILE and PROBE_PORT');

const app = (await import(pathToFileURL(file).href)).default as { id: string; client: Inngest.Any; functions: InngestFunction.Any[] };
const server = http.createServer(serve({ client: app.client, functions: app.functions }));
server.listen(port, '127.0.0.1', () => process.stdout.write(`fault worker for ${app.id} listening on ${port} (pid ${process.pid})\n`));
process.once('SIGTERM', () => {
  process.stdout.write(`fault worker ${process.pid}: SIGTERM, finishing requests in flight\n`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
