import { type Transaction, sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { unitInScope } from '../access/access.js';
import type { Database, Db } from '../db/database.js';
import { PARTY_TITLES } from '../compliance/assessment.js';
import type { ProposalDecision, ProposalReasonCode, ReviewStatus, TrainingFocusTable } from './training-review.tables.js';

type Conn = Db | Transaction<Database>;

export interface ReviewRow {
  id: string;
  unit_id: string;
  year: number;
  as_of: string;
  version: number;
  previous_id: string | null;
  status: ReviewStatus;
  focus_fields: unknown;
  note: string | null;
  returned_note: string | null;
  created_at: Date;
  created_by_name: string | null;
  submitted_at: Date | null;
  submitted_by_name: string | null;
  approved_at: Date | null;
  approved_by_name: string | null;
  latest_version: number;
  total: number;
  pending: number;
  accepted: number;
  rejected: number;
}

export interface ProposalTraining {
  status: 'enrolled' | 'certified';
  class_id: string;
  class_name: string;
}

export interface ProposalRow {
  id: string;
  review_id: string;
  cadre_id: string;
  full_name: string;
  birth_date: string | null;
  birth_date_precision: 'day' | 'year' | null;
  unit_id: string;
  course_type: string;
  reason: ProposalReasonCode;
  reason_text: string;
  reason_text_en: string;
  priority: number;
  title_codes: string[];
  decision: ProposalDecision;
  decision_reason: string | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  added_by_name: string | null;
  /** Already in (or certified by) a class of the proposal's course type. */
  training: ProposalTraining | null;
}

export interface NewProposal {
  cadre_id: string;
  unit_id: string;
  course_type: string;
  reason: ProposalReasonCode;
  reason_text: string;
  reason_text_en: string;
  priority: number;
  title_codes: string[];
  decision: ProposalDecision;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  added_by: string | null;
}

export type FocusRow = Pick<TrainingFocusTable, 'field_code' | 'course_type' | 'title_codes'> & { unit_id: string };

function reviewQuery(db: Conn) {
  return db
    .selectFrom('training_review as r')
    .leftJoin('app_user as cu', 'cu.id', 'r.created_by')
    .leftJoin('app_user as su', 'su.id', 'r.submitted_by')
    .leftJoin('app_user as au', 'au.id', 'r.approved_by')
    .select([
      'r.id',
      'r.unit_id',
      'r.year',
      'r.as_of',
      'r.version',
      'r.previous_id',
      'r.status',
      'r.focus_fields',
      'r.note',
      'r.returned_note',
      'r.created_at',
      'cu.full_name as created_by_name',
      'r.submitted_at',
      'su.full_name as submitted_by_name',
      'r.approved_at',
      'au.full_name as approved_by_name',
      sql<number>`(select max(o.version) from training_review o where o.unit_id = r.unit_id and o.year = r.year)`.as('latest_version'),
      sql<number>`(select count(*)::int from training_proposal p where p.review_id = r.id)`.as('total'),
      sql<number>`(select count(*)::int from training_proposal p where p.review_id = r.id and p.decision = 'pending')`.as('pending'),
      sql<number>`(select count(*)::int from training_proposal p where p.review_id = r.id and p.decision = 'accepted')`.as('accepted'),
      sql<number>`(select count(*)::int from training_proposal p where p.review_id = r.id and p.decision = 'rejected')`.as('rejected'),
    ]);
}

export class TrainingReviewRepository {
  // --- Focus fields -----------------------------------------------------------------------

  /** The year's focus fields set for the unit or any unit above it (provinces set them; lineage included). */
  focusAbove(db: Conn, unitId: string, year: number): Promise<FocusRow[]> {
    return db
      .selectFrom('training_focus')
      .select(['unit_id', 'field_code', 'course_type', 'title_codes'])
      .where('year', '=', year)
      .where((eb) => eb.or([eb('unit_id', '=', unitId), eb('unit_id', 'in', eb.selectFrom('unit_scope').select('root_id').where('unit_id', '=', unitId))]))
      .orderBy('field_code')
      .orderBy('unit_id')
      .execute();
  }

  focusOf(db: Conn, unitId: string, year: number): Promise<FocusRow[]> {
    return db
      .selectFrom('training_focus')
      .select(['unit_id', 'field_code', 'course_type', 'title_codes'])
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .orderBy('field_code')
      .execute();
  }

  async replaceFocus(db: Conn, unitId: string, year: number, rows: readonly Omit<FocusRow, 'unit_id'>[], userId: string): Promise<void> {
    await db.deleteFrom('training_focus').where('unit_id', '=', unitId).where('year', '=', year).execute();
    if (rows.length === 0) return;
    await db
      .insertInto('training_focus')
      .values(
        rows.map((row) => ({
          unit_id: unitId,
          year,
          field_code: row.field_code,
          course_type: row.course_type,
          title_codes: sql<string[]>`${row.title_codes}::text[]`,
          updated_by: userId,
        })),
      )
      .execute();
  }

  // --- Reviews ----------------------------------------------------------------------------

  list(db: Conn, actor: Actor, filter: { year: number | null; unitId: string | null; status: ReviewStatus | null }): Promise<ReviewRow[]> {
    return reviewQuery(db)
      .where(unitInScope(actor, 'r.unit_id'))
      .$if(filter.year !== null, (qb) => qb.where('r.year', '=', filter.year!))
      .$if(filter.unitId !== null, (qb) => qb.where('r.unit_id', '=', filter.unitId!))
      .$if(filter.status !== null, (qb) => qb.where('r.status', '=', filter.status!))
      .orderBy('r.year', 'desc')
      .orderBy('r.unit_id')
      .orderBy('r.version', 'desc')
      .limit(500)
      .execute();
  }

  /** A review by id; locked for the rest of the transaction when asked. Whether the caller may see it is the policy's question. */
  async find(db: Conn, id: string, options: { forUpdate?: boolean } = {}): Promise<ReviewRow | undefined> {
    if (options.forUpdate) {
      const locked = await db.selectFrom('training_review as r').select('r.id').where('r.id', '=', id).forUpdate().executeTakeFirst();
      if (!locked) return undefined;
    }
    return reviewQuery(db).where('r.id', '=', id).executeTakeFirst();
  }

  async anyForUnitYear(db: Conn, unitId: string, year: number): Promise<{ id: string; status: ReviewStatus; version: number }[]> {
    return db
      .selectFrom('training_review')
      .select(['id', 'status', 'version'])
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .orderBy('version')
      .execute();
  }

  async insertReview(
    db: Conn,
    values: {
      unit_id: string;
      year: number;
      as_of: string;
      version: number;
      previous_id: string | null;
      focus_fields: unknown;
      note: string | null;
      created_by: string;
    },
  ): Promise<string> {
    const row = await db
      .insertInto('training_review')
      .values({ ...values, focus_fields: JSON.stringify(values.focus_fields) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async setStatus(
    db: Conn,
    id: string,
    changes: {
      status: ReviewStatus;
      submitted_by?: string | null;
      submitted_at?: Date | null;
      approved_by?: string;
      approved_at?: Date;
      returned_note?: string | null;
    },
  ): Promise<void> {
    await db
      .updateTable('training_review')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  // --- Proposals --------------------------------------------------------------------------

  proposals(db: Conn, reviewId: string, options: { decision?: ProposalDecision } = {}): Promise<ProposalRow[]> {
    return db
      .selectFrom('training_proposal as p')
      .innerJoin('cadre as c', 'c.id', 'p.cadre_id')
      .leftJoin('app_user as du', 'du.id', 'p.decided_by')
      .leftJoin('app_user as au', 'au.id', 'p.added_by')
      .select([
        'p.id',
        'p.review_id',
        'p.cadre_id',
        'c.full_name',
        'c.birth_date',
        'c.birth_date_precision',
        'p.unit_id',
        'p.course_type',
        'p.reason',
        'p.reason_text',
        'p.reason_text_en',
        'p.priority',
        'p.title_codes',
        'p.decision',
        'p.decision_reason',
        'p.decided_at',
        'du.full_name as decided_by_name',
        'au.full_name as added_by_name',
        // The person's class of this course type: linked to the place, or held in the plan's year, or already certified.
        sql<ProposalTraining | null>`(
          select json_build_object(
            'status', case when ct.id is not null then 'certified' else 'enrolled' end,
            'class_id', k.id::text, 'class_name', k.name)
          from training_enrolment e
          join training_class k on k.id = e.class_id
          join training_programme g on g.id = k.programme_id
          left join training_certificate ct on ct.enrolment_id = e.id and ct.revoked_at is null
          where e.cadre_id = p.cadre_id
            and (e.plan_proposal_id = p.id
              or (g.course_type = p.course_type
                and (ct.id is not null or extract(year from k.start_date) = (select r.year from training_review r where r.id = p.review_id))))
          order by (ct.id is not null) desc, k.start_date desc, e.id desc
          limit 1)`.as('training'),
      ])
      .where('p.review_id', '=', reviewId)
      .$if(options.decision !== undefined, (qb) => qb.where('p.decision', '=', options.decision!))
      .orderBy('p.priority')
      .orderBy(sql`c.given_name collate "vi-VN-x-icu"`)
      .orderBy(sql`c.full_name collate "vi-VN-x-icu"`)
      .orderBy('p.cadre_id')
      .orderBy('p.id')
      .execute();
  }

  async findProposal(db: Conn, reviewId: string, proposalId: string): Promise<ProposalRow | undefined> {
    return (await this.proposals(db, reviewId)).find((proposal) => proposal.id === proposalId);
  }

  async insertProposals(db: Conn, reviewId: string, rows: readonly NewProposal[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('training_proposal')
      .values(rows.map((row) => ({ ...row, review_id: reviewId, title_codes: sql<string[]>`${row.title_codes}::text[]` })))
      .execute();
  }

  async decide(db: Conn, proposalId: string, decision: ProposalDecision, reason: string | null, userId: string): Promise<void> {
    await db
      .updateTable('training_proposal')
      .set({
        decision,
        decision_reason: reason,
        decided_by: decision === 'pending' ? null : userId,
        decided_at: decision === 'pending' ? null : sql<Date>`now()`,
      })
      .where('id', '=', proposalId)
      .execute();
  }

  /** When each person first held a party-committee post (secretary or deputy): a first term starts that year. */
  async firstPartyPostStart(db: Conn, cadreIds: readonly string[]): Promise<Map<string, string>> {
    if (cadreIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('cadre_post')
      .select(['cadre_id', sql<string>`min(start_date)`.as('first_start')])
      .where('cadre_id', '=', sql<string>`any(${[...cadreIds]}::bigint[])`)
      .where('title_code', '=', sql<string>`any(${[...PARTY_TITLES]}::text[])`)
      .groupBy('cadre_id')
      .orderBy('cadre_id')
      .execute();
    return new Map(rows.map((row) => [row.cadre_id, row.first_start]));
  }

  /**
   * Course types each person is already taken care of in: a certificate in force,
   * or a class of that type still running in or after the review's year.
   */
  async courseTypesInTraining(db: Conn, cadreIds: readonly string[], year: number): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (cadreIds.length === 0) return result;
    const rows = await db
      .selectFrom('training_enrolment as e')
      .innerJoin('training_class as k', 'k.id', 'e.class_id')
      .innerJoin('training_programme as g', 'g.id', 'k.programme_id')
      .leftJoin('training_certificate as ct', (join) => join.onRef('ct.enrolment_id', '=', 'e.id').on('ct.revoked_at', 'is', null))
      .select(['e.cadre_id', 'g.course_type'])
      .distinct()
      .where('e.cadre_id', '=', sql<string>`any(${[...cadreIds]}::bigint[])`)
      .where('g.course_type', 'is not', null)
      .where((eb) => eb.or([eb('ct.id', 'is not', null), eb('k.end_date', '>=', `${year}-01-01`)]))
      .orderBy('e.cadre_id')
      .orderBy('g.course_type')
      .execute();
    for (const row of rows) result.set(row.cadre_id, [...(result.get(row.cadre_id) ?? []), row.course_type!]);
    return result;
  }

  /** The people who on `asOf` hold a party-committee post an officer marked as their first term. */
  async markedFirstTerm(db: Conn, cadreIds: readonly string[], asOf: string): Promise<Set<string>> {
    if (cadreIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('cadre_post')
      .select('cadre_id')
      .distinct()
      .where('cadre_id', '=', sql<string>`any(${[...cadreIds]}::bigint[])`)
      .where('title_code', '=', sql<string>`any(${[...PARTY_TITLES]}::text[])`)
      .where('first_party_committee_term', '=', true)
      .where('start_date', '<=', asOf)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
      .orderBy('cadre_id')
      .execute();
    return new Set(rows.map((row) => row.cadre_id));
  }
}
