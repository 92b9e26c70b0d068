import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/database.js';
import { receivedWithin } from './petitions.repository.js';

export interface ReportPeriod {
  /** The unit whose subtree is counted; null for the whole country. */
  scopeRootId: string | null;
  from: string;
  to: string;
  /** The day overdue and done are judged on: the period's end, or today when it has not ended. */
  asOf: string;
}

/** The period report's statements. Kysely only: the service checks access and shapes the answer. */
export class PetitionReportRepository {
  async figures(db: Db, query: ReportPeriod) {
    const unitId = query.scopeRootId;
    const asOf = query.asOf;
    const inScope = (column: string) => (unitId === null ? sql<SqlBool>`true` : receivedWithin(unitId, column));
    const received = sql<SqlBool>`p.received_on between ${query.from} and ${query.to}`;
    const settled = sql<SqlBool>`p.handling = 'accepted' and p.settled_on between ${query.from} and ${query.to}`;
    const overdue = sql<SqlBool>`p.received_on <= ${asOf} and ((p.handling is null and p.processing_due_on < ${asOf})
      or (p.handling = 'accepted' and (p.settled_on is null or p.settled_on > ${asOf}) and p.settlement_due_on < ${asOf}))`;

    const [aggregates, fieldNames, overLevelByCommune, overLevelByYear, dialogues] = await Promise.all([
      // One pass over the unit's petitions into at most 4 × 5 × 10 groups; totals and breakdowns are summed from them.
      sql<{
        type: string;
        channel: string;
        field_code: string;
        received: number;
        within_authority: number;
        settled: number;
        settled_on_time: number;
        settled_agreed: number;
        overdue_open: number;
      }>`
        select p.type, p.channel, p.field_code,
          (count(*) filter (where ${received}))::int as received,
          (count(*) filter (where ${received} and p.handling = 'accepted'))::int as within_authority,
          (count(*) filter (where ${settled}))::int as settled,
          (count(*) filter (where ${settled} and (p.settlement_due_on is null or p.settled_on <= p.settlement_due_on)))::int as settled_on_time,
          (count(*) filter (where ${settled} and p.agreed))::int as settled_agreed,
          (count(*) filter (where ${overdue}))::int as overdue_open
        from petition p
        where ${inScope('p.unit_id')} and p.received_on <= ${query.to}
        group by p.type, p.channel, p.field_code
      `.execute(db),
      db.selectFrom('petition_field').select(['code', 'name', 'position']).orderBy('position').execute(),
      // Over-level petitions are received above the commune: they are counted by the commune they concern.
      db
        .selectFrom('petition as p')
        .select(['p.commune_id', sql<number>`count(*)::int`.as('count')])
        .where('p.over_level', '=', true)
        .where(inScope('p.commune_id'))
        .where('p.received_on', '>=', query.from)
        .where('p.received_on', '<=', query.to)
        .groupBy('p.commune_id')
        .orderBy(sql`count(*) desc`)
        .orderBy('p.commune_id')
        .execute(),
      db
        .selectFrom('petition as p')
        .select([sql<number>`extract(year from p.received_on)::int`.as('year'), sql<number>`count(*)::int`.as('count')])
        .where('p.over_level', '=', true)
        .where(inScope('p.commune_id'))
        .where('p.received_on', '<=', query.to)
        .groupBy(sql`extract(year from p.received_on)`)
        .orderBy(sql`extract(year from p.received_on)`)
        .execute(),
      db
        .selectFrom('dialogue as d')
        .leftJoin('dialogue_commitment as c', 'c.dialogue_id', 'd.id')
        .select([
          sql<number>`count(distinct d.id)::int`.as('held'),
          sql<number>`count(c.id)::int`.as('commitments'),
          sql<number>`count(c.id) filter (where c.done_on is not null and c.done_on <= ${asOf})::int`.as('done'),
          sql<number>`count(c.id) filter (where c.done_on is not null and c.done_on <= ${asOf} and c.done_on > c.due_on)::int`.as('done_late'),
          sql<number>`count(c.id) filter (where c.due_on < ${asOf} and (c.done_on is null or c.done_on > ${asOf}))::int`.as('overdue'),
        ])
        .where(inScope('d.commune_id'))
        .where('d.held_on', '>=', query.from)
        .where('d.held_on', '<=', query.to)
        .executeTakeFirstOrThrow(),
    ]);
    return { aggregates: aggregates.rows, fieldNames, overLevelByCommune, overLevelByYear, dialogues };
  }
}
