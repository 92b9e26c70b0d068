import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface ThroughputResult {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  bytesPerResponse: number;
}

export function percentile(sortedAscending: number[], fraction: number): number {
  if (sortedAscending.length === 0) return 0;
  return sortedAscending[Math.min(sortedAscending.length - 1, Math.ceil(fraction * sortedAscending.length) - 1)]!;
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** `concurrency` keep-alive clients requesting `url` back to back for `durationMs`: loopback only. */
export async function measureThroughput(
  url: string,
  options: { headers?: Record<string, string>; concurrency?: number; durationMs?: number } = {},
): Promise<ThroughputResult> {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('benchmarks only target this machine');
  const concurrency = options.concurrency ?? 32;
  const durationMs = options.durationMs ?? 5_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const timings: number[] = [];
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const before = performance.now();
      try {
        const response = await get(agent, target, options.headers ?? {});
        if (response.status !== 200) errors += 1;
        bytes = response.bytes;
      } catch {
        errors += 1;
      }
      timings.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  timings.sort((a, b) => a - b);
  return {
    requests: timings.length,
    errors,
    seconds,
    requestsPerSecond: timings.length / seconds,
    p50Ms: percentile(timings, 0.5),
    p95Ms: percentile(timings, 0.95),
    bytesPerResponse: bytes,
  };
}

/** Sequential timings of one request, after a warm-up. */
export async function measureLatency(run: () => Promise<unknown>, options: { requests?: number; warmup?: number } = {}) {
  const requests = options.requests ?? 30;
  for (let index = 0; index < (options.warmup ?? 3); index += 1) await run();
  const timings: number[] = [];
  for (let index = 0; index < requests; index += 1) {
    const before = performance.now();
    await run();
    timings.push(performance.now() - before);
  }
  timings.sort((a, b) => a - b);
  return { p50Ms: percentile(timings, 0.5), p95Ms: percentile(timings, 0.95), maxMs: timings.at(-1) ?? 0 };
}
