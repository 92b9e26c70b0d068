import { sql } from 'kysely';
import type { LatencyFigure, PetitionBenchTarget } from './petitions.bench.js';
import { figure } from './petitions.bench.js';

/**
 * Leadership practice at national scale, on the national seed (some 330,000
 * grassroots problems over five years; 100,000 party cells meeting monthly
 * since July 2025): the year's resolution rates of the province with most
 * communes, and its party-cell attendance coverage. Neither is served from
 * the answer cache; each is set beside Fastify answering the same JSON with
 * no database.
 */

export interface GrassrootsBenchResult {
  problems: number;
  meetings: number;
  provinceRates: LatencyFigure;
  provinceCoverage: LatencyFigure;
}

export async function benchGrassroots(target: PetitionBenchTarget, options: { requests: number }): Promise<GrassrootsBenchResult> {
  const problems = await target.db.selectFrom('grassroots_problem').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const meetings = await target.db.selectFrom('party_cell_meeting').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  // The province with most party cells: the heaviest coverage and (with most communes) the heaviest rates.
  const province = await target.db
    .selectFrom('party_organization as o')
    .innerJoin('unit_scope as s', 's.unit_id', 'o.commune_id')
    .innerJoin('admin_unit as u', 'u.id', 's.root_id')
    .select(['s.root_id', sql<number>`count(*)::int`.as('n')])
    .where('u.level', '=', 'province')
    .where('o.kind', '=', 'chi_bo')
    .groupBy('s.root_id')
    .orderBy(sql`count(*) desc`)
    .orderBy('s.root_id')
    .executeTakeFirstOrThrow();
  return {
    problems: problems.n,
    meetings: meetings.n,
    provinceRates: await figure(target, `/api/grassroots-problems/report?unitId=${province.root_id}&year=2025`, options.requests),
    provinceCoverage: await figure(target, `/api/cell-attendance/coverage?unitId=${province.root_id}&year=2025`, options.requests),
  };
}
