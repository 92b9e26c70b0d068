import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { BriefingTable } from './grassroots.tables.js';

export type BriefingRow = Awaited<ReturnType<BriefingsRepository['byIds']>>[number];

/** Briefings and the issues raised at them. Kysely only. */
export class BriefingsRepository {
  private select(db: Db) {
    return db.selectFrom('briefing as b').innerJoin('cadre as c', 'c.id', 'b.chair_cadre_id').selectAll('b').select('c.full_name as chair_name');
  }

  byIds(db: Db, ids: readonly string[]) {
    return this.select(db)
      .where('b.id', 'in', ids.length > 0 ? ids : ['0'])
      .execute();
  }

  /** A unit's subtree (null: the whole country), newest first. */
  list(db: Db, filter: { scopeRootId: string | null; from: string; to: string }) {
    let query = this.select(db).where('b.held_on', '>=', filter.from).where('b.held_on', '<=', filter.to);
    if (filter.scopeRootId !== null) {
      query = query.where(sql<SqlBool>`b.commune_id = any(array(select s.unit_id from unit_scope s where s.root_id = ${filter.scopeRootId}))`);
    }
    return query.orderBy('b.held_on', 'desc').orderBy('b.id', 'desc').limit(500).execute();
  }

  async insert(db: Db, values: Insertable<BriefingTable>, issues: readonly string[]): Promise<string> {
    const id = (await db.insertInto('briefing').values(values).returning('id').executeTakeFirstOrThrow()).id;
    if (issues.length > 0) {
      await db
        .insertInto('briefing_issue')
        .values(issues.map((content, position) => ({ briefing_id: id, position, content })))
        .execute();
    }
    return id;
  }

  async lock(db: Db, id: string): Promise<void> {
    await db.selectFrom('briefing').select('id').where('id', '=', id).forUpdate().execute();
  }

  async update(db: Db, id: string, values: Updateable<BriefingTable>): Promise<void> {
    await db.updateTable('briefing').set(values).where('id', '=', id).execute();
  }

  /** Replaces the issues not registered as problems by `issues`, after the registered ones. */
  async replaceOpenIssues(db: Db, id: string, issues: readonly string[]): Promise<void> {
    await db.deleteFrom('briefing_issue').where('briefing_id', '=', id).where('problem_id', 'is', null).execute();
    if (issues.length === 0) return;
    const last = await db
      .selectFrom('briefing_issue')
      .select(sql<number>`coalesce(max(position), -1)::int`.as('position'))
      .where('briefing_id', '=', id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('briefing_issue')
      .values(issues.map((content, index) => ({ briefing_id: id, position: last.position + 1 + index, content })))
      .execute();
  }

  async remove(db: Db, id: string): Promise<void> {
    await db.deleteFrom('briefing').where('id', '=', id).execute();
  }

  async hasRegisteredIssue(db: Db, id: string): Promise<boolean> {
    return (
      (await db.selectFrom('briefing_issue').select('id').where('briefing_id', '=', id).where('problem_id', 'is not', null).executeTakeFirst()) !== undefined
    );
  }

  lockedIssue(db: Db, briefingId: string, issueId: string) {
    return db.selectFrom('briefing_issue').selectAll().where('id', '=', issueId).where('briefing_id', '=', briefingId).forUpdate().executeTakeFirst();
  }

  async linkProblem(db: Db, issueId: string, problemId: string): Promise<void> {
    await db.updateTable('briefing_issue').set({ problem_id: problemId }).where('id', '=', issueId).execute();
  }

  issuesOf(db: Db, briefingIds: readonly string[]) {
    if (briefingIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('briefing_issue as i')
      .leftJoin('grassroots_problem as g', 'g.id', 'i.problem_id')
      .select(['i.id', 'i.briefing_id', 'i.content', 'i.problem_id', 'g.status'])
      .where('i.briefing_id', 'in', briefingIds)
      .orderBy('i.briefing_id')
      .orderBy('i.position')
      .execute();
  }
}
