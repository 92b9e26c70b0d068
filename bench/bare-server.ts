import Fastify, { type FastifyInstance } from 'fastify';

/** The baseline: Fastify answering the same JSON bytes with no database, auth or validation. */
export async function startBareServer(payloads: Record<string, string>): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const app: FastifyInstance = Fastify({ logger: false });
  for (const [path, body] of Object.entries(payloads)) {
    app.get(path, (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: (path) => `${address}${path}`, close: () => app.close() };
}
