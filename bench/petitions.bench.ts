import { sql } from 'kysely';
import type { Db } from '../src/server/db/database.js';
import { startBareServer } from './bare-server.js';
import { measureLatency } from './http-load.js';

/**
 * The petition screens at national scale, on the national seed (about
 * 200,000 cases in the second half of 2025): a commune's and a province's
 * inbox (sorted by the deadline running, counted), and the period report
 * for the whole country. None of them is served from the answer cache, so
 * every request is computed; each is set beside Fastify answering the same
 * JSON with no database (the floor any answer pays).
 */

export interface PetitionBenchTarget {
  db: Db;
  get: (url: string) => Promise<{ statusCode: number; payload: string }>;
}

export interface LatencyFigure {
  url: string;
  p95: number;
  bareP95: number;
  items: number;
}

export interface PetitionBenchResult {
  cases: number;
  communeInbox: LatencyFigure;
  provinceInbox: LatencyFigure;
  countryReport: LatencyFigure;
}

/** The p95 of a GET computed each time, and of Fastify answering the same JSON with no database. */
export async function figure(target: PetitionBenchTarget, url: string, requests: number): Promise<LatencyFigure> {
  const first = await target.get(url);
  if (first.statusCode !== 200) throw new Error(`GET ${url} answered ${first.statusCode}: ${first.payload.slice(0, 200)}`);
  const body = JSON.parse(first.payload) as { total?: number; received?: number; registered?: number; cells?: number };
  const measured = await measureLatency(
    async () => {
      const response = await target.get(url);
      if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}`);
    },
    { requests },
  );
  const bare = await startBareServer({ '/same': first.payload });
  try {
    const baseline = await measureLatency(() => fetch(bare.url('/same')).then((response) => response.text()), { requests });
    return { url, p95: measured.p95Ms, bareP95: baseline.p95Ms, items: body.total ?? body.received ?? body.registered ?? body.cells ?? 0 };
  } finally {
    await bare.close();
  }
}

export async function benchPetitions(target: PetitionBenchTarget, options: { requests: number }): Promise<PetitionBenchResult> {
  const cases = await target.db.selectFrom('petition').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  // The busiest commune and the province with most cases: the heaviest inboxes a user opens.
  const commune = await target.db
    .selectFrom('petition as p')
    .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
    .select(['p.unit_id', sql<number>`count(*)::int`.as('n')])
    .where('u.level', '=', 'commune')
    .groupBy('p.unit_id')
    .orderBy(sql`count(*) desc`)
    .orderBy('p.unit_id')
    .executeTakeFirstOrThrow();
  const province = await target.db
    .selectFrom('petition as p')
    .innerJoin('unit_scope as s', 's.unit_id', 'p.unit_id')
    .innerJoin('admin_unit as u', 'u.id', 's.root_id')
    .select(['s.root_id', sql<number>`count(*)::int`.as('n')])
    .where('u.level', '=', 'province')
    .groupBy('s.root_id')
    .orderBy(sql`count(*) desc`)
    .orderBy('s.root_id')
    .executeTakeFirstOrThrow();
  const country = await target.db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow();
  const asOf = '2025-12-31';
  return {
    cases: cases.n,
    communeInbox: await figure(target, `/api/petitions?unitId=${commune.unit_id}&status=open&asOf=${asOf}&pageSize=20`, options.requests),
    provinceInbox: await figure(target, `/api/petitions?unitId=${province.root_id}&status=open&asOf=${asOf}&pageSize=20`, options.requests),
    countryReport: await figure(target, `/api/petitions/report?unitId=${country.id}&from=2025-07-01&to=2025-12-31`, options.requests),
  };
}
