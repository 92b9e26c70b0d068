import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import { escapeLike } from '../db/like.js';
import type { GrassrootsProblemTable } from './grassroots.tables.js';

export type ProblemRow = Awaited<ReturnType<GrassrootsRepository['byIds']>>[number];

export interface ProblemFilter {
  /** Communes of this unit's subtree (with those merged into it); null for the whole country. */
  scopeRootId: string | null;
  year?: number;
  status?: string;
  fieldCode?: string;
  folded?: string;
  limit: number;
  offset: number;
}

/** Communes of a subtree as an array an index can take (see petitions' receivedWithin). */
function communesWithin(rootId: string, column = 'g.commune_id') {
  return sql<SqlBool>`${sql.ref(column)} = any(array(select s.unit_id from unit_scope s where s.root_id = ${rootId}))`;
}

/** The register of grassroots problems. Kysely only: the services ask the policy. */
export class GrassrootsRepository {
  async insert(db: Db, values: Insertable<GrassrootsProblemTable>): Promise<string> {
    return (await db.insertInto('grassroots_problem').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(db: Db, id: string, values: Updateable<GrassrootsProblemTable>): Promise<void> {
    await db
      .updateTable('grassroots_problem')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async lock(db: Db, id: string): Promise<void> {
    await db.selectFrom('grassroots_problem').select('id').where('id', '=', id).forUpdate().execute();
  }

  /** Villages, petitions and dialogues linked to a problem, replaced as a whole. */
  async replaceLinks(
    db: Db,
    problemId: string,
    links: { villageIds: readonly string[]; petitionIds: readonly string[]; dialogueIds: readonly string[] },
  ): Promise<void> {
    await db.deleteFrom('grassroots_problem_village').where('problem_id', '=', problemId).execute();
    await db.deleteFrom('grassroots_problem_petition').where('problem_id', '=', problemId).execute();
    await db.deleteFrom('grassroots_problem_dialogue').where('problem_id', '=', problemId).execute();
    if (links.villageIds.length > 0) {
      await db
        .insertInto('grassroots_problem_village')
        .values(links.villageIds.map((villageId) => ({ problem_id: problemId, village_id: villageId })))
        .execute();
    }
    if (links.petitionIds.length > 0) {
      await db
        .insertInto('grassroots_problem_petition')
        .values(links.petitionIds.map((petitionId) => ({ problem_id: problemId, petition_id: petitionId })))
        .execute();
    }
    if (links.dialogueIds.length > 0) {
      await db
        .insertInto('grassroots_problem_dialogue')
        .values(links.dialogueIds.map((dialogueId) => ({ problem_id: problemId, dialogue_id: dialogueId })))
        .execute();
    }
  }

  async links(db: Db, problemId: string) {
    const [villages, petitions, dialogues] = await Promise.all([
      db
        .selectFrom('grassroots_problem_village as l')
        .innerJoin('village as v', 'v.id', 'l.village_id')
        .select(['v.id', 'v.name'])
        .where('l.problem_id', '=', problemId)
        .orderBy(sql`v.name collate "vi-VN-x-icu"`)
        .execute(),
      db
        .selectFrom('grassroots_problem_petition as l')
        .innerJoin('petition as p', 'p.id', 'l.petition_id')
        .select(['p.id', 'p.number', 'p.subject', 'p.unit_id'])
        .where('l.problem_id', '=', problemId)
        .orderBy('p.received_on')
        .execute(),
      db
        .selectFrom('grassroots_problem_dialogue as l')
        .innerJoin('dialogue as d', 'd.id', 'l.dialogue_id')
        .select(['d.id', 'd.held_on', 'd.topic'])
        .where('l.problem_id', '=', problemId)
        .orderBy('d.held_on')
        .execute(),
    ]);
    return { villages, petitions, dialogues };
  }

  async addUpdate(db: Db, update: { problemId: string; on: string; status: GrassrootsProblemTable['status']; note: string; userId: string }): Promise<void> {
    await db
      .insertInto('grassroots_problem_update')
      .values({ problem_id: update.problemId, occurred_on: update.on, status: update.status, note: update.note, user_id: update.userId })
      .execute();
  }

  async updates(db: Db, problemId: string) {
    return db
      .selectFrom('grassroots_problem_update as u')
      .innerJoin('app_user as a', 'a.id', 'u.user_id')
      .select(['u.occurred_on', 'u.status', 'u.note', 'a.full_name'])
      .where('u.problem_id', '=', problemId)
      .orderBy('u.occurred_on')
      .orderBy('u.id')
      .execute();
  }

  byIds(db: Db, ids: readonly string[]) {
    return this.selectProblems(db)
      .where('g.id', 'in', ids.length > 0 ? ids : ['0'])
      .execute();
  }

  private selectProblems(db: Db) {
    return db
      .selectFrom('grassroots_problem as g')
      .innerJoin('cadre as c', 'c.id', 'g.lead_cadre_id')
      .innerJoin('petition_field as f', 'f.code', 'g.field_code')
      .leftJoin('grassroots_problem as carried', 'carried.id', 'g.carried_from_id')
      .leftJoin('grassroots_problem as next', 'next.carried_from_id', 'g.id')
      .selectAll('g')
      .select([
        'c.full_name as lead_name',
        'f.name as field_name',
        'carried.year as carried_from_year',
        'next.id as carried_to_id',
        'next.year as carried_to_year',
      ]);
  }

  async list(db: Db, filter: ProblemFilter): Promise<{ total: number; rows: ProblemRow[] }> {
    const conditions: ReturnType<typeof sql<SqlBool>>[] = [sql<SqlBool>`true`];
    if (filter.scopeRootId !== null) conditions.push(communesWithin(filter.scopeRootId));
    if (filter.year !== undefined) conditions.push(sql<SqlBool>`g.year = ${filter.year}`);
    if (filter.status) conditions.push(sql<SqlBool>`g.status = ${filter.status}`);
    if (filter.fieldCode) conditions.push(sql<SqlBool>`g.field_code = ${filter.fieldCode}`);
    if (filter.folded) conditions.push(sql<SqlBool>`g.title_folded like ${`%${escapeLike(filter.folded)}%`}`);
    const where = sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
    const [total, rows] = await Promise.all([
      db.selectFrom('grassroots_problem as g').select(sql<number>`count(*)::int`.as('count')).where(where).executeTakeFirstOrThrow(),
      this.selectProblems(db)
        .where(where)
        .orderBy(sql`g.status in ('registered', 'in_progress') desc`)
        .orderBy('g.target_on')
        .orderBy('g.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
    ]);
    return { total: total.count, rows };
  }

  /** The problems a person led and the briefings they chaired, newest first: their practical record. */
  async practiceOf(db: Db, cadreId: string) {
    const [problems, briefings] = await Promise.all([
      this.selectProblems(db).where('g.lead_cadre_id', '=', cadreId).orderBy('g.year', 'desc').orderBy('g.registered_on', 'desc').orderBy('g.id').execute(),
      db
        .selectFrom('briefing as b')
        .select([
          'b.id',
          'b.commune_id',
          'b.held_on',
          'b.attendees',
          sql<number>`(select count(*)::int from briefing_issue i where i.briefing_id = b.id)`.as('issues'),
        ])
        .where('b.chair_cadre_id', '=', cadreId)
        .orderBy('b.held_on', 'desc')
        .orderBy('b.id')
        .execute(),
    ]);
    return { problems, briefings };
  }

  /** Who may be put in charge: people holding a key post of the commune on the day (its standing members). */
  async standingMembers(db: Db, communeId: string, on: string) {
    return db
      .selectFrom('cadre_post as p')
      .innerJoin('cadre as c', 'c.id', 'p.cadre_id')
      .select(['c.id', 'c.full_name', 'p.title_code'])
      .where('p.unit_id', '=', communeId)
      .where('p.is_key', '=', true)
      .where('p.start_date', '<=', on)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', on)]))
      .orderBy(sql`c.full_name collate "vi-VN-x-icu"`)
      .execute();
  }

  async villagesOf(db: Db, communeId: string) {
    return db.selectFrom('village').select(['id', 'name']).where('commune_id', '=', communeId).orderBy(sql`name collate "vi-VN-x-icu"`).execute();
  }

  async attachments(db: Db, problemId: string) {
    return db.selectFrom('grassroots_problem_attachment').select(['id', 'file_name', 'size_bytes']).where('problem_id', '=', problemId).orderBy('id').execute();
  }

  async attachment(db: Db, problemId: string, attachmentId: string) {
    return db.selectFrom('grassroots_problem_attachment').selectAll().where('problem_id', '=', problemId).where('id', '=', attachmentId).executeTakeFirst();
  }

  async insertAttachment(
    db: Db,
    values: {
      problem_id: string;
      file_name: string;
      content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
      size_bytes: number;
      content: Buffer;
      uploaded_by: string;
    },
  ): Promise<void> {
    await db.insertInto('grassroots_problem_attachment').values(values).execute();
  }

  /**
   * A year's problems of a unit's subtree counted by how they ended, in
   * groups by field and by the child unit (each child's own subtree, with
   * the communes merged into it): one pass over the year's problems.
   */
  /** A year's outcomes in a subtree (null: the country), by field and by commune. */
  async rates(db: Db, query: { scopeRootId: string | null; year: number }) {
    const scope = query.scopeRootId === null ? sql<SqlBool>`true` : communesWithin(query.scopeRootId);
    const counts = sql`count(*)::int as registered,
      (count(*) filter (where g.status = 'resolved'))::int as resolved,
      (count(*) filter (where g.status = 'partly_resolved'))::int as partly_resolved,
      (count(*) filter (where g.status = 'not_resolved'))::int as not_resolved,
      (count(*) filter (where g.status = 'carried_over'))::int as carried_over,
      (count(*) filter (where g.status in ('registered', 'in_progress')))::int as open`;
    type Counts = { registered: number; resolved: number; partly_resolved: number; not_resolved: number; carried_over: number; open: number };
    const [byField, byCommune] = await Promise.all([
      sql<
        Counts & { field_code: string }
      >`select g.field_code, ${counts} from grassroots_problem g where ${scope} and g.year = ${query.year} group by g.field_code`.execute(db),
      sql<
        Counts & { commune_id: string }
      >`select g.commune_id, ${counts} from grassroots_problem g where ${scope} and g.year = ${query.year} group by g.commune_id`.execute(db),
    ]);
    return { byField: byField.rows, byCommune: byCommune.rows };
  }
}
