import type { GapKind } from '../../core/compliance.js';
import { todayInVietnam } from '../../core/dates.js';
import { checkAccess, requireAccess, requireCadreReach } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { actorScopeKey, answerCacheOf } from '../cache/answer-cache.js';
import type { AppContext } from '../context.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { presentPerson, presentSummary, presentUnit } from './compliance.presenter.js';
import { type AssessmentScope, ComplianceRepository, type PersonStatusCode } from './compliance.repository.js';
import { explainPosts, type Explanation } from './explain.js';

export interface SummaryQuery {
  unitId?: string;
  asOf?: string;
  keyOnly: boolean;
}

export interface PeopleQuery extends SummaryQuery {
  status?: PersonStatusCode;
  gap?: GapKind;
  page: number;
  pageSize: number;
}

type Summary = ReturnType<typeof presentSummary>;
/** One per unit, date and scope asked for; each is a few kilobytes. */
const SUMMARY_CACHE_ENTRIES = 200;

export class ComplianceService {
  private readonly compliance = new ComplianceRepository();

  constructor(private readonly context: AppContext) {}

  /** Each key post a person holds on the date, judged against its standard, with every gap. */
  async ofCadre(actor: Actor, cadreId: string, asOfQuery: string | undefined) {
    const db = this.context.db;
    const asOf = asOfQuery ?? todayInVietnam();
    const reach = await requireCadreReach(db, actor, cadreId);
    const keyPosts = await this.compliance.keyPostsOf(db, cadreId, asOf);
    // A former unit judges only the posts the person held in its own units.
    const ownUnits = reach === 'full' ? null : await checkAccess(db, { actor, permission: 'unit.read', ids: keyPosts.map((post) => post.unitId) });
    const explanation = await explainPosts(
      db,
      keyPosts.filter((post) => ownUnits === null || ownUnits.has(post.unitId)).map((post) => post.id),
      asOf,
    );
    const entry = explanation.people.get(cadreId) ?? {
      person: (await this.compliance.personBasics(db, [cadreId]))[0]!,
      levels: { professional: null, politicalTheory: null, stateManagement: null },
      posts: [],
    };
    return { asOf, ...presentPerson(entry, explanation, await this.unitNames(explanation, asOf), asOf) };
  }

  /** The figures of a unit's subtree on a date, and of each unit of the next level down, in one SQL statement. */
  async summary(actor: Actor, query: SummaryQuery) {
    const rootId = query.unitId ?? actor.unitId;
    const asOf = query.asOf ?? todayInVietnam();
    // The access check runs on every request; only what follows it is cached.
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [rootId] });
    const key = JSON.stringify([actorScopeKey(actor), rootId, asOf, query.keyOnly]);
    return answerCacheOf<Summary>(this.context.db, 'compliance.summary', SUMMARY_CACHE_ENTRIES).get(key, async () => {
      const scope = await this.compliance.scope(this.context.db, { actor, rootId, asOf, keyOnly: query.keyOnly });
      const withMajor = await this.compliance.rulesNeedFieldOfStudy(this.context.db);
      const [rows, names] = await Promise.all([
        this.compliance.summary(this.context.db, scope, { withMajor }),
        unitNamesAsOf(this.context.db, [scope.rootId], scope.asOf),
      ]);
      return presentSummary({ unit: presentUnit(names.get(scope.rootId), scope.rootId), asOf: scope.asOf, keyOnly: scope.keyOnly, rows });
    });
  }

  /** People of the subtree with their status in SQL, and the gaps of the page's people explained by core. */
  async people(actor: Actor, query: PeopleQuery) {
    const scope = await this.scopeOf(actor, query);
    const db = this.context.db;
    const withMajor = await this.compliance.rulesNeedFieldOfStudy(db);
    const rows = await this.compliance.people(
      db,
      scope,
      { status: query.status ?? null, gap: query.gap ?? null, withMajor },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    );
    const explanation = await explainPosts(
      db,
      rows.flatMap((row) => row.post_ids),
      scope.asOf,
    );
    const units = await this.unitNames(explanation, scope.asOf);
    return {
      asOf: scope.asOf,
      scope: scope.keyOnly ? ('key' as const) : ('all' as const),
      total: rows[0]?.total ?? (query.page > 1 ? await this.countPeople(actor, query) : 0),
      page: query.page,
      pageSize: query.pageSize,
      items: rows.flatMap((row) => {
        const entry = explanation.people.get(row.cadre_id);
        return entry ? [{ ...presentPerson(entry, explanation, units, scope.asOf), status: row.status }] : [];
      }),
    };
  }

  /** A page past the end has no row to carry the total. */
  private async countPeople(actor: Actor, query: PeopleQuery): Promise<number> {
    const first = await this.people(actor, { ...query, page: 1, pageSize: 1 });
    return first.total;
  }

  private async scopeOf(actor: Actor, query: SummaryQuery): Promise<AssessmentScope> {
    const rootId = query.unitId ?? actor.unitId;
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [rootId] });
    return this.compliance.scope(this.context.db, { actor, rootId, asOf: query.asOf ?? todayInVietnam(), keyOnly: query.keyOnly });
  }

  private unitNames(explanation: Explanation, asOf: string) {
    const unitIds = [...explanation.people.values()].flatMap((entry) => entry.posts.map((p) => p.post.unitId));
    return unitNamesAsOf(this.context.db, unitIds, asOf);
  }
}
