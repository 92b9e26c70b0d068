import { performance } from 'node:perf_hooks';
import type { Db } from '../src/server/db/database.js';
import { ensureOfficialTerritoryLoaded } from '../src/server/territory/territory.service.js';

/**
 * Loading every official list (2023, 01/03/2025, 01/07/2025 with the conversion table)
 * into an empty, migrated database, then serving the tree of 3,321 communes and 34
 * provinces as a signed-in user sees it.
 */

export const TERRITORY_TARGETS = { loadMs: 30_000, treeRequestMs: 50 } as const;

export interface TerritoryBenchTarget {
  /** A freshly migrated database without territory. */
  db: Db;
  /** A GET through the app as a signed-in user, e.g. the `inject` of test/helpers' `asUser`. */
  get: (url: string) => Promise<{ statusCode: number; payload: string }>;
}

export interface TerritoryBenchResult {
  loadMs: number;
  treeItems: number;
  treeRequestMs: { median: number; p95: number; max: number };
  targets: typeof TERRITORY_TARGETS;
  withinTargets: boolean;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

export async function benchTerritory(target: TerritoryBenchTarget, options: { requests?: number; warmup?: number } = {}): Promise<TerritoryBenchResult> {
  const started = performance.now();
  await ensureOfficialTerritoryLoaded(target.db, { info: () => undefined, warn: () => undefined });
  const loadMs = performance.now() - started;

  const url = '/api/units/tree?asOf=2025-07-01';
  let treeItems = 0;
  const timings: number[] = [];
  const warmup = options.warmup ?? 3;
  const requests = options.requests ?? 30;
  for (let index = 0; index < warmup + requests; index += 1) {
    const before = performance.now();
    const response = await target.get(url);
    const elapsed = performance.now() - before;
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.payload.slice(0, 200)}`);
    if (index >= warmup) timings.push(elapsed);
    treeItems = (JSON.parse(response.payload) as { items: unknown[] }).items.length;
  }
  timings.sort((a, b) => a - b);
  const treeRequestMs = { median: percentile(timings, 0.5), p95: percentile(timings, 0.95), max: timings.at(-1) ?? 0 };
  return {
    loadMs,
    treeItems,
    treeRequestMs,
    targets: TERRITORY_TARGETS,
    withinTargets: loadMs <= TERRITORY_TARGETS.loadMs && treeRequestMs.median <= TERRITORY_TARGETS.treeRequestMs,
  };
}
