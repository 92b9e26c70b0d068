import type { Readable } from 'node:stream';
import { addMonths, formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { foldVietnamese } from '../../core/text.js';
import { can, cadreReach, checkAccess, requireAccess } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import { actorScopeKey, answerCacheOf } from '../cache/answer-cache.js';
import type { AppContext } from '../context.js';
import { buildCadresWorkbook } from './cadres.export.js';
import { FULL_VIEW, presentListItem, type RecordView, UnitDirectory } from './cadres.presenter.js';
import { type CadreFilter, type CadreRow, CadresRepository, type PostRow } from './cadres.repository.js';
import { type Conn, type CadreListQuery, type KeyCadreOnDate, type ListPage, LIST_CACHE_ENTRIES, checkedLevel } from './cadres.shared.js';

/** The list of people as of a date, its spreadsheet, and the key cadres on a date for the standards. */
export class CadreListService {
  private readonly cadres: CadresRepository;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
  }

  async list(actor: Actor, query: CadreListQuery & { page: number; pageSize: number }) {
    const asOf = query.asOf ?? todayInVietnam();
    // The access check runs on every request; only what follows it is cached.
    const filter = await this.filterFor(actor, query, asOf);
    const paging = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
    const scope = actorScopeKey(actor);
    return answerCacheOf<ListPage>(this.context.db, 'cadres.list.page', LIST_CACHE_ENTRIES).get(JSON.stringify([scope, filter, paging]), async () => {
      const [rows, total] = await Promise.all([
        this.cadres.page(actor, filter, paging),
        // Per filter, not per page: paging through a list counts it once.
        answerCacheOf<number>(this.context.db, 'cadres.list.total', LIST_CACHE_ENTRIES).get(JSON.stringify([scope, filter]), () =>
          this.cadres.count(actor, filter),
        ),
      ]);
      const details = await this.detailsOn(this.context.db, actor, rows, asOf);
      return {
        items: rows.map((row) =>
          presentListItem(row, details.posts.get(row.id) ?? [], details.levels.get(row.id)?.levels, details.units, asOf, details.views.get(row.id)),
        ),
        total,
        page: query.page,
        pageSize: query.pageSize,
        asOf,
      };
    });
  }

  /** The filtered list as a spreadsheet in the import template's columns, so that it can be corrected and re-imported. */
  async exportXlsx(actor: Actor, query: CadreListQuery): Promise<{ fileName: string; stream: Readable }> {
    const asOf = query.asOf ?? todayInVietnam();
    const filter = await this.filterFor(actor, query, asOf);
    const ids = await this.cadres.listIds(actor, filter);
    await this.context.db
      .transaction()
      .execute((trx) =>
        writeAudit(trx, { actor, action: 'export', entity: 'cadre', summary: `Xuất danh sách ${ids.length} người, tính đến ${formatVietnameseDate(asOf)}` }),
      );
    const stream = buildCadresWorkbook({
      asOf,
      showSensitive: can(actor, 'personalData.read'),
      totalPeople: ids.length,
      loadSlice: async (from, to) => {
        const rows = await this.cadres.findByIds(this.context.db, ids.slice(from, to));
        const details = await this.detailsOn(this.context.db, actor, rows, asOf);
        return { rows, ...details };
      },
    });
    return { fileName: `danh-sach-can-bo-${asOf}.xlsx`, stream };
  }

  /**
   * Key cadres (cán bộ chủ chốt) holding a post on `asOf` in the unit's
   * subtree (or the actor's whole scope), with the highest level of each
   * qualification obtained by then. Two queries whatever the size, for the
   * standards feature.
   */
  async keyCadresOn(actor: Actor, query: { unitId?: string; asOf: string }): Promise<KeyCadreOnDate[]> {
    const db = this.context.db;
    const unitIds = query.unitId ? await this.subtreeInScope(db, actor, query.unitId, query.asOf) : null;
    const posts = await this.cadres.keyPostsHeldOn(db, actor, unitIds, query.asOf);
    const byPerson = new Map<string, typeof posts>();
    for (const post of posts) byPerson.set(post.cadre_id, [...(byPerson.get(post.cadre_id) ?? []), post]);
    const ids = [...byPerson.keys()];
    const [people, levels] = await Promise.all([this.cadres.findByIds(db, ids), this.cadres.levelsOn(db, ids, query.asOf)]);
    return people.map((person) => ({
      cadreId: person.id,
      fullName: person.full_name,
      sex: person.gender === 'nam' ? 'male' : person.gender === 'nu' ? 'female' : null,
      birthDate: person.birth_date,
      birthDatePrecision: person.birth_date_precision,
      keyPosts: (byPerson.get(person.id) ?? []).map((post) => ({
        postId: post.id,
        unitId: post.unit_id,
        titleCode: post.title_code,
        startDate: post.start_date,
        term: post.term,
        howObtained: post.how_obtained,
        concurrent: post.concurrent,
        firstOfTitle: post.first_of_title,
      })),
      levels: levels.get(person.id)?.levels ?? {},
      professionalMajor: levels.get(person.id)?.professionalMajor ?? null,
    }));
  }

  private async filterFor(actor: Actor, query: CadreListQuery, asOf: string): Promise<CadreFilter> {
    const unitIds = query.unitId ? await this.subtreeInScope(this.context.db, actor, query.unitId, asOf) : null;
    const q = query.q ? foldVietnamese(query.q) : '';
    const searchesPersonalId = /^\d{4,12}$/.test(q) && can(actor, 'personalData.read');
    return {
      asOf,
      unitIds,
      folded: q === '' || searchesPersonalId ? null : q,
      personalIdPrefix: searchesPersonalId ? q : null,
      titleCodes: query.title && query.title.length > 0 ? query.title : null,
      key: query.key ?? null,
      holding: query.status === 'holding',
      professionalLevel: checkedLevel('professional', query.professionalLevel, 'query.professionalLevel'),
      politicalTheoryLevel: checkedLevel('political_theory', query.politicalTheoryLevel, 'query.politicalTheoryLevel'),
      retiresFrom: !query.retiresWithin
        ? null
        : query.retiresWithin === 'reached'
          ? { after: null, upTo: asOf }
          : { after: asOf, upTo: addMonths(asOf, Number(query.retiresWithin)) },
    };
  }

  /** The unit and the units under it on `asOf`; a unit outside the actor's scope is "not found". Null for the whole country. */
  private async subtreeInScope(db: Conn, actor: Actor, unitId: string, asOf: string): Promise<string[] | null> {
    await requireAccess(db, { actor, permission: 'unit.read', ids: [unitId] });
    if ((await this.cadres.unitLevel(db, unitId)) === 'country') return null;
    return this.cadres.unitSubtree(db, unitId, asOf);
  }

  /**
   * Posts held on `asOf` and levels of a page of people, with how far the
   * caller reaches into each record: for a person the caller no longer
   * manages, only the posts in the caller's own units are kept.
   */
  private async detailsOn(db: Conn, actor: Actor, rows: readonly CadreRow[], asOf: string) {
    const ids = rows.map((row) => row.id);
    const [heldPosts, levels, reach] = await Promise.all([
      this.cadres.postsHeldOn(db, ids, asOf),
      this.cadres.levelsOn(db, ids, asOf),
      cadreReach(db, actor, ids),
    ]);
    const historyOnly = new Set(ids.filter((id) => reach.get(id) !== 'full'));
    const ownUnits =
      historyOnly.size === 0
        ? new Set<string>()
        : await checkAccess(db, {
            actor,
            permission: 'unit.read',
            ids: [
              ...rows.filter((row) => historyOnly.has(row.id)).map((row) => row.owning_unit_id),
              ...heldPosts.filter((post) => historyOnly.has(post.cadre_id)).map((post) => post.unit_id),
            ],
          });
    const posts = new Map<string, PostRow[]>();
    for (const post of heldPosts) {
      if (historyOnly.has(post.cadre_id) && !ownUnits.has(post.unit_id)) continue;
      posts.set(post.cadre_id, [...(posts.get(post.cadre_id) ?? []), post]);
    }
    const views = new Map<string, RecordView>(
      rows.map((row) => [row.id, historyOnly.has(row.id) ? { reach: 'history', owningUnitVisible: ownUnits.has(row.owning_unit_id) } : FULL_VIEW]),
    );
    const units = new UnitDirectory(await this.cadres.unitVersions(db, [...rows.map((row) => row.owning_unit_id), ...heldPosts.map((post) => post.unit_id)]));
    return { posts, levels, units, views };
  }
}
