/** Stand-ins for external services that probes need (a failing payments API, say): never an Inngest API. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dependency, ModelServer } from '../src/probes/harness/probe.ts';

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


/**
 * Starts a stand-in for an OpenAI-compatible model server on loopback (`POST /v1/chat/completions`). `fixed`
 * answers the same text every time; `random` answers a random number, so a repeated call is visible;
 * `tool-then-answer` plays an agent's model: asked with tools, it calls the first tool, and once a tool result is
 * in the conversation it answers with that result. The first `failFirst` calls are answered 429 (rate limited).
 */
export async function startModelServer(options: { mode: 'fixed' | 'random' | 'tool-then-answer'; failFirst?: number }): Promise<ModelServer & { close(): Promise<void> }> {
  const calls: { at: number; status: number; prompt: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body || '{}') as {
        messages?: { role?: string; content?: unknown }[];
        model?: string;
        tools?: { function: { name: string } }[];
      };
      const text = (c: unknown) => (typeof c === 'string' ? c : JSON.stringify(c ?? ''));
      const prompt = parsed.messages?.map((m) => text(m.content)).join('\n') ?? '';
      if (calls.length < (options.failFirst ?? 0)) {
        calls.push({ at: Date.now(), status: 429, prompt });
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ error: { message: 'rate limited', type: 'rate_limit' } }));
        return;
      }
      calls.push({ at: Date.now(), status: 200, prompt });
      const last = parsed.messages?.[parsed.messages.length - 1];
      const callTool = options.mode === 'tool-then-answer' && parsed.tools?.length && last?.role !== 'tool';
      const content =
        options.mode === 'fixed' ? 'The answer is 42.'
        : options.mode === 'random' ? `Lucky number ${Math.floor(Math.random() * 1_000_000)}`
        : `Answer from the tool: ${text(last?.content)}`;
      const message = callTool
        ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${calls.length}`, type: 'function', function: { name: parsed.tools![0]!.function.name, arguments: JSON.stringify({ orderId: '7' }) } }] }
        : { role: 'assistant', content };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${calls.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: parsed.model ?? 'stand-in',
          choices: [{ index: 0, message, finish_reason: callTool ? 'tool_calls' : 'stop' }],
          usage: { prompt_tokens: prompt.length, completion_tokens: content.length, total_tokens: prompt.length + content.length },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1/`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
