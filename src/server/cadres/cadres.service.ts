import type { Readable } from 'node:stream';
import { type Transaction } from 'kysely';
import { compareIsoDates, formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { foldVietnamese } from '../../core/text.js';
import { isKeyTitle, isTitleCode, titleByCode, type TitleCode } from '../../core/titles.js';
import { cadreAbilities } from '../access/abilities.js';
import type { CadreReach } from '../access/access.repository.js';
import { can, cadreReach, checkAccess, requireAccess, requireCadreReach, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import { actorScopeKey, answerCacheOf } from '../cache/answer-cache.js';
import type { AppContext } from '../context.js';
import type { Database, Db } from '../db/database.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { dateWithPrecision, fullNameProblem, nameColumns, optionalText, parsePhone } from './cadre-values.js';
import { buildCadresWorkbook } from './cadres.export.js';
import {
  auditSnapshotOfCadre,
  auditSnapshotOfPost,
  FULL_VIEW,
  presentListItem,
  presentProfile,
  presentQualification,
  type RecordView,
  UnitDirectory,
} from './cadres.presenter.js';
import { type CadreFilter, type CadreRow, CadresRepository, type NewCadre, type PostRow } from './cadres.repository.js';
import { buildResume } from './cadres.resume.js';
import type { HowObtained, QualificationKind, QualificationSource, StudyMode } from './cadres.tables.js';
import { describePeriod, endWithinUnit, overlappingPeriods, planNewPeriod, type UnitPeriod, unitExistsOn } from './post-periods.js';
import { type LevelsByKind, SCALE_OF_KIND } from './qualification-scales.js';

type Conn = Db | Transaction<Database>;

export interface CadreListQuery {
  unitId?: string;
  asOf?: string;
  q?: string;
  title?: string[];
  key?: boolean;
  status: 'holding' | 'all';
  professionalLevel?: string;
  politicalTheoryLevel?: string;
}

export interface CadreInput {
  fullName: string;
  gender?: 'nam' | 'nu' | null;
  birthDate?: string | null;
  ethnicityCode?: string | null;
  religion?: string | null;
  homeTown?: string | null;
  personalId?: string | null;
  partyJoinedOn?: string | null;
  phone?: string | null;
  email?: string | null;
  discipline?: string | null;
  owningUnitId: string;
}

export interface PostInput {
  unitId: string;
  titleCode: string;
  startDate: string;
  endDate?: string | null;
  term?: string | null;
  howObtained?: HowObtained | null;
  concurrent: boolean;
  note?: string | null;
  firstTermInPartyCommittee?: boolean;
}

export interface PostChanges {
  startDate?: string;
  endDate?: string | null;
  term?: string | null;
  howObtained?: HowObtained | null;
  concurrent?: boolean;
  note?: string | null;
  firstTermInPartyCommittee?: boolean;
}

export interface QualificationInput {
  kind: QualificationKind;
  level: string;
  major?: string | null;
  institution?: string | null;
  studyMode?: StudyMode | null;
  language?: string | null;
  obtainedOn?: string | null;
  source: QualificationSource;
  sourceRef?: string | null;
  note?: string | null;
}

/** A key cadre on a date, as the standards (compliance) feature needs them. */
export interface KeyCadreOnDate {
  cadreId: string;
  fullName: string;
  /** In the terms of src/core/retirement.ts and compliance.ts. */
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  birthDatePrecision: 'day' | 'year' | null;
  keyPosts: {
    postId: string;
    unitId: string;
    titleCode: string;
    startDate: string;
    term: string | null;
    howObtained: HowObtained | null;
    concurrent: boolean;
    /** No earlier period of this title: a first appointment or election (the age rule applies on startDate). */
    firstOfTitle: boolean;
  }[];
  /** Highest level of each kind obtained by the date, as codes of src/core/qualifications.ts. */
  levels: LevelsByKind;
  /** Major of the highest professional level (compliance's professionalField). */
  professionalMajor: string | null;
}

interface ListPage {
  items: ReturnType<typeof presentListItem>[];
  total: number;
  page: number;
  pageSize: number;
  asOf: string;
}
/** Pages and totals kept in memory: a page of 50 is some 30 kB, so a few megabytes at most. */
const LIST_CACHE_ENTRIES = 500;

const SENSITIVE_FIELDS = ['personal_id', 'ethnicity_code', 'religion', 'discipline'] as const;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

export class CadresService {
  private readonly cadres: CadresRepository;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
  }

  // --- Reading ---------------------------------------------------------------------------

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

  /** A person's full record as of a date. Every view is written to the audit log (personal data law). */
  async profile(actor: Actor, id: string, asOfQuery: string | undefined) {
    const asOf = asOfQuery ?? todayInVietnam();
    return this.context.db.transaction().execute(async (trx) => {
      const reach = await requireCadreReach(trx, actor, id);
      const profile = await this.loadProfile(trx, actor, id, asOf, reach);
      await writeAudit(trx, {
        actor,
        action: 'view',
        entity: 'cadre',
        entityId: id,
        summary: `Xem hồ sơ tính đến ${formatVietnameseDate(asOf)}${reach === 'history' ? ' (quá trình công tác tại đơn vị)' : ''}`,
      });
      return profile;
    });
  }

  /** Sơ yếu lý lịch (form 2C layout) as a Word document; a view of the full record, so audited as one. */
  async resume(actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
    const asOf = todayInVietnam();
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'cadre.read', ids: [id] });
      const profile = await this.loadProfile(trx, actor, id, asOf, 'full');
      const photo = profile.hasPhoto ? await this.cadres.photo(trx, id) : undefined;
      await writeAudit(trx, { actor, action: 'view', entity: 'cadre', entityId: id, summary: 'Tải sơ yếu lý lịch (.docx)' });
      const content = await buildResume(profile, photo ? { content: photo.content, mediaType: photo.media_type } : null);
      return { fileName: `so-yeu-ly-lich-${foldVietnamese(profile.fullName).replace(/[^a-z0-9]+/g, '-')}.docx`, content };
    });
  }

  async photo(actor: Actor, id: string) {
    await requireAccess(this.context.db, { actor, permission: 'cadre.read', ids: [id] });
    const photo = await this.cadres.photo(this.context.db, id);
    if (!photo) throw notFound();
    return { content: photo.content, mediaType: photo.media_type };
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

  // --- Person ---------------------------------------------------------------------------

  async create(actor: Actor, input: CadreInput) {
    requirePermission(actor, 'data.write');
    const values = this.cadreValues(input);
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'unit.write', ids: [values.owning_unit_id] });
      await this.assertPersonalIdFree(trx, values.personal_id, null);
      const id = await this.insertCadre(trx, values);
      await writeAudit(trx, { actor, action: 'create', entity: 'cadre', entityId: id, after: auditSnapshotOfCadre(values) });
      return this.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  async update(actor: Actor, id: string, changes: Partial<CadreInput>) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'cadre.write', ids: [id] });
      const before = await this.cadres.findById(trx, id, { forUpdate: true });
      if (!before) throw notFound();
      const merged = this.cadreValues({
        fullName: changes.fullName ?? before.full_name,
        gender: changes.gender === undefined ? before.gender : changes.gender,
        birthDate: changes.birthDate === undefined ? storedDateOrYear(before.birth_date, before.birth_date_precision) : changes.birthDate,
        ethnicityCode: changes.ethnicityCode === undefined ? before.ethnicity_code : changes.ethnicityCode,
        religion: changes.religion === undefined ? before.religion : changes.religion,
        homeTown: changes.homeTown === undefined ? before.home_town : changes.homeTown,
        personalId: changes.personalId === undefined ? before.personal_id : changes.personalId,
        partyJoinedOn: changes.partyJoinedOn === undefined ? storedDateOrYear(before.party_joined_on, before.party_joined_precision) : changes.partyJoinedOn,
        phone: changes.phone === undefined ? before.phone : changes.phone,
        email: changes.email === undefined ? before.email : changes.email,
        discipline: changes.discipline === undefined ? before.discipline : changes.discipline,
        owningUnitId: changes.owningUnitId ?? before.owning_unit_id,
      });
      if (merged.owning_unit_id !== before.owning_unit_id) await requireAccess(trx, { actor, permission: 'unit.write', ids: [merged.owning_unit_id] });
      await this.assertPersonalIdFree(trx, merged.personal_id, id);
      try {
        await this.cadres.updateCadre(trx, id, merged);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CADRE_PERSONAL_ID_TAKEN', { cause: error });
        throw error;
      }
      await writeAudit(trx, {
        actor,
        action: 'update',
        entity: 'cadre',
        entityId: id,
        before: auditSnapshotOfCadre(before),
        after: {
          ...auditSnapshotOfCadre(merged),
          sensitiveFieldsChanged: SENSITIVE_FIELDS.filter((field) => before[field] !== merged[field]),
        },
      });
      return this.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  async savePhoto(actor: Actor, id: string, content: Buffer) {
    requirePermission(actor, 'data.write');
    const mediaType = photoMediaType(content);
    await this.context.db.transaction().execute(async (trx) => {
      await this.lockWritable(trx, actor, id);
      await this.cadres.savePhoto(trx, id, content, mediaType);
      await writeAudit(trx, { actor, action: 'update_photo', entity: 'cadre', entityId: id, after: { mediaType, byteSize: content.length } });
    });
  }

  async deletePhoto(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      await this.lockWritable(trx, actor, id);
      if (!(await this.cadres.deletePhoto(trx, id))) throw notFound();
      await writeAudit(trx, { actor, action: 'delete_photo', entity: 'cadre', entityId: id });
    });
  }

  // --- Posts ------------------------------------------------------------------------------

  /**
   * Adds a period. Starting a title the person already holds (re-election,
   * a move to another commune) ends the open period the day before; history
   * is never rewritten.
   */
  async addPost(actor: Actor, id: string, input: PostInput) {
    requirePermission(actor, 'data.write');
    const start = dateWithPrecision(input.startDate);
    const endDate = input.endDate ?? null;
    if (endDate !== null && compareIsoDates(endDate, start.date) < 0) {
      throw validationError([{ path: 'body.endDate', message: 'Ngày thôi giữ chức vụ phải từ ngày bắt đầu trở đi' }]);
    }
    assertFirstTermFitsTitle(input.titleCode, input.firstTermInPartyCommittee ?? false);
    return this.context.db.transaction().execute(async (trx) => {
      await this.lockWritable(trx, actor, id);
      await requireAccess(trx, { actor, permission: 'unit.write', ids: [input.unitId] });
      const unit = await this.cadres.unitPeriod(trx, input.unitId);
      if (!unit || !unitExistsOn(unit, start.date)) {
        throw validationError([
          { path: 'body.unitId', message: `Đơn vị này không tồn tại vào ngày ${formatVietnameseDate(start.date)} (ngày bắt đầu giữ chức vụ)` },
        ]);
      }
      assertEndWithinUnit(unit, endDate, { openAllowed: true });
      const sameTitle = (await this.cadres.postsOf(trx, [id])).filter((post) => post.title_code === input.titleCode);
      const plan = planNewPeriod(sameTitle.map(heldPeriod), input.unitId, start.date, endDate);
      if (plan.kind === 'same') throw new AppError('CONFLICT', { message: 'Giai đoạn giữ chức vụ này đã được ghi (cùng đơn vị, cùng ngày bắt đầu)' });
      if (plan.kind === 'overlap') throw overlapError(plan.conflicting);
      if (plan.close) {
        await this.cadres.updatePost(trx, plan.close.period.id, { end_date: plan.close.endDate });
        await writeAudit(trx, {
          actor,
          action: 'end_post',
          entity: 'cadre',
          entityId: id,
          summary: 'Kết thúc giai đoạn trước khi bắt đầu giai đoạn mới của cùng chức vụ',
          after: { postId: plan.close.period.id, endDate: plan.close.endDate },
        });
      }
      const post = {
        cadre_id: id,
        unit_id: input.unitId,
        title_code: input.titleCode,
        is_key: isKeyTitle(input.titleCode as TitleCode),
        start_date: start.date,
        start_date_precision: start.precision,
        end_date: endWithinUnit(plan.endDate, unit),
        term: input.term ?? null,
        how_obtained: input.howObtained ?? null,
        concurrent: input.concurrent,
        note: optionalText(input.note),
        first_party_committee_term: input.firstTermInPartyCommittee ?? false,
      };
      const postId = await this.cadres.insertPost(trx, post);
      await writeAudit(trx, { actor, action: 'add_post', entity: 'cadre', entityId: id, after: { postId, ...auditSnapshotOfPost(post) } });
      return this.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  /** Ends a period on a date: the post itself stays in the history. */
  async endPost(actor: Actor, id: string, postId: string, input: { endDate: string; note?: string | null }) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const post = await this.visiblePost(trx, actor, id, postId);
      if (post.end_date !== null) throw new AppError('CADRE_POST_ALREADY_ENDED');
      if (compareIsoDates(input.endDate, post.start_date) < 0) {
        throw validationError([
          { path: 'body.endDate', message: `Ngày thôi giữ chức vụ phải từ ngày bắt đầu (${formatVietnameseDate(post.start_date)}) trở đi` },
        ]);
      }
      assertEndWithinUnit((await this.cadres.unitPeriod(trx, post.unit_id))!, input.endDate, { openAllowed: false });
      const note = input.note === undefined ? post.note : optionalText(input.note);
      await this.cadres.updatePost(trx, postId, { end_date: input.endDate, note });
      await writeAudit(trx, {
        actor,
        action: 'end_post',
        entity: 'cadre',
        entityId: id,
        before: { postId, ...auditSnapshotOfPost(post) },
        after: { postId, ...auditSnapshotOfPost({ ...post, end_date: input.endDate, note }) },
      });
      return this.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  /** Corrects a period's own data (dates, term, how obtained…); unit and title are a different period. */
  async updatePost(actor: Actor, id: string, postId: string, changes: PostChanges) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const post = await this.visiblePost(trx, actor, id, postId);
      const start = changes.startDate ? dateWithPrecision(changes.startDate) : { date: post.start_date, precision: post.start_date_precision };
      const endDate = changes.endDate === undefined ? post.end_date : changes.endDate;
      if (endDate !== null && compareIsoDates(endDate, start.date) < 0) {
        throw validationError([{ path: 'body.endDate', message: 'Ngày thôi giữ chức vụ phải từ ngày bắt đầu trở đi' }]);
      }
      const unit = (await this.cadres.unitPeriod(trx, post.unit_id))!;
      if (!unitExistsOn(unit, start.date)) {
        throw validationError([{ path: 'body.startDate', message: `Đơn vị không tồn tại vào ngày ${formatVietnameseDate(start.date)}` }]);
      }
      assertEndWithinUnit(unit, endDate, { openAllowed: false });
      const others = (await this.cadres.postsOf(trx, [id])).filter((p) => p.title_code === post.title_code && p.id !== postId);
      const clash = overlappingPeriods(others.map(heldPeriod), start.date, endDate)[0];
      if (clash) throw overlapError(clash);
      const updated: PostRow = {
        ...post,
        start_date: start.date,
        start_date_precision: start.precision,
        end_date: endDate,
        term: changes.term === undefined ? post.term : changes.term,
        how_obtained: changes.howObtained === undefined ? post.how_obtained : changes.howObtained,
        concurrent: changes.concurrent ?? post.concurrent,
        note: changes.note === undefined ? post.note : optionalText(changes.note),
        first_party_committee_term: changes.firstTermInPartyCommittee ?? post.first_party_committee_term,
      };
      assertFirstTermFitsTitle(post.title_code, updated.first_party_committee_term);
      await this.cadres.updatePost(trx, postId, {
        start_date: updated.start_date,
        start_date_precision: updated.start_date_precision,
        end_date: updated.end_date,
        term: updated.term,
        how_obtained: updated.how_obtained,
        concurrent: updated.concurrent,
        note: updated.note,
        first_party_committee_term: updated.first_party_committee_term,
      });
      await writeAudit(trx, {
        actor,
        action: 'update_post',
        entity: 'cadre',
        entityId: id,
        before: { postId, ...auditSnapshotOfPost(post) },
        after: { postId, ...auditSnapshotOfPost(updated) },
      });
      return this.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  /** Removes a period entered by mistake (not a change of post: that is ending it). */
  async deletePost(actor: Actor, id: string, postId: string) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const post = await this.visiblePost(trx, actor, id, postId);
      await this.cadres.deletePost(trx, postId);
      await writeAudit(trx, { actor, action: 'delete_post', entity: 'cadre', entityId: id, before: { postId, ...auditSnapshotOfPost(post) } });
      return this.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  // --- Qualifications -------------------------------------------------------------------------

  async addQualification(actor: Actor, id: string, input: QualificationInput) {
    requirePermission(actor, 'data.write');
    const scale = SCALE_OF_KIND[input.kind];
    if (!scale.isLevel(input.level)) {
      throw validationError([{ path: 'body.level', message: `Mức không có trên thang ${scale.nameVi}; chọn một trong: ${scale.codes.join(', ')}` }]);
    }
    const obtained = input.obtainedOn ? dateWithPrecision(input.obtainedOn) : null;
    return this.context.db.transaction().execute(async (trx) => {
      await this.lockWritable(trx, actor, id);
      const qualification = {
        cadre_id: id,
        kind: input.kind,
        level: input.level,
        major: optionalText(input.major),
        institution: optionalText(input.institution),
        study_mode: input.studyMode ?? null,
        language: optionalText(input.language),
        obtained_on: obtained?.date ?? null,
        obtained_precision: obtained?.precision ?? null,
        source: input.source,
        source_ref: optionalText(input.sourceRef),
        note: optionalText(input.note),
      };
      const qualificationId = await this.cadres.insertQualification(trx, qualification);
      await writeAudit(trx, { actor, action: 'add_qualification', entity: 'cadre', entityId: id, after: { qualificationId, ...qualification } });
      return presentQualification({ id: qualificationId, ...qualification }, todayInVietnam());
    });
  }

  async deleteQualification(actor: Actor, id: string, qualificationId: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      await this.lockWritable(trx, actor, id);
      const qualification = await this.cadres.findQualification(trx, id, qualificationId);
      if (!qualification) throw notFound();
      await this.cadres.deleteQualification(trx, qualificationId);
      await writeAudit(trx, { actor, action: 'delete_qualification', entity: 'cadre', entityId: id, before: qualification });
    });
  }

  // --- Helpers ------------------------------------------------------------------------------

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

  /**
   * The record at the caller's reach. A former unit ('history') gets its own
   * periods, and the qualifications and levels as they stood when its last
   * period ended: what happened in its time, not what came after.
   */
  private async loadProfile(db: Conn, actor: Actor, id: string, asOf: string, reach: CadreReach) {
    const row = await this.cadres.findById(db, id);
    if (!row) throw notFound();
    const [allPosts, allQualifications] = await Promise.all([this.cadres.postsOf(db, [id]), this.cadres.qualificationsOf(db, [id])]);
    let posts = allPosts;
    let qualifications = allQualifications;
    let levelsDate: string | null = asOf;
    let view = FULL_VIEW;
    if (reach === 'history') {
      const ownUnits = await checkAccess(db, { actor, permission: 'unit.read', ids: [row.owning_unit_id, ...allPosts.map((post) => post.unit_id)] });
      posts = allPosts.filter((post) => ownUnits.has(post.unit_id));
      levelsDate = lastDayOfPeriods(posts, asOf);
      qualifications = allQualifications.filter((q) => levelsDate !== null && q.obtained_on !== null && compareIsoDates(q.obtained_on, levelsDate) <= 0);
      view = { reach, owningUnitVisible: ownUnits.has(row.owning_unit_id) };
    }
    const levels = levelsDate === null ? new Map() : await this.cadres.levelsOn(db, [id], levelsDate);
    const units = new UnitDirectory(await this.cadres.unitVersions(db, [row.owning_unit_id, ...posts.map((post) => post.unit_id)]));
    return presentProfile(row, posts, qualifications, levels.get(id)?.levels, units, asOf, view, cadreAbilities(actor, reach));
  }

  /** Locks the person's row for a change the caller must be allowed to make. */
  private async lockWritable(db: Conn, actor: Actor, id: string): Promise<CadreRow> {
    await requireAccess(db, { actor, permission: 'cadre.write', ids: [id] });
    const row = await this.cadres.findById(db, id, { forUpdate: true });
    if (!row) throw notFound();
    return row;
  }

  private async visiblePost(db: Conn, actor: Actor, id: string, postId: string): Promise<PostRow> {
    await this.lockWritable(db, actor, id);
    const post = await this.cadres.findPost(db, id, postId, { forUpdate: true });
    if (!post) throw notFound();
    return post;
  }

  private cadreValues(input: CadreInput): NewCadre {
    const names = nameColumns(input.fullName);
    const nameProblem = fullNameProblem(names.full_name);
    if (nameProblem) throw validationError([{ path: 'body.fullName', message: nameProblem }]);
    const phone = parsePhone(input.phone ?? null);
    if (!phone.ok) throw validationError([{ path: 'body.phone', message: phone.message }]);
    const birth = input.birthDate ? dateWithPrecision(input.birthDate) : null;
    if (birth && compareIsoDates(birth.date, todayInVietnam()) > 0) {
      throw validationError([{ path: 'body.birthDate', message: 'Ngày sinh không được sau hôm nay' }]);
    }
    const party = input.partyJoinedOn ? dateWithPrecision(input.partyJoinedOn) : null;
    return {
      ...names,
      gender: input.gender ?? null,
      birth_date: birth?.date ?? null,
      birth_date_precision: birth?.precision ?? null,
      ethnicity_code: input.ethnicityCode ?? null,
      religion: optionalText(input.religion),
      home_town: optionalText(input.homeTown),
      personal_id: input.personalId ? input.personalId.replace(/[\s.-]/g, '') : null,
      party_joined_on: party?.date ?? null,
      party_joined_precision: party?.precision ?? null,
      phone: phone.phone,
      email: optionalText(input.email)?.toLowerCase() ?? null,
      discipline: optionalText(input.discipline),
      owning_unit_id: input.owningUnitId,
    };
  }

  private async insertCadre(trx: Conn, values: NewCadre): Promise<string> {
    try {
      return await this.cadres.insertCadre(trx, values);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CADRE_PERSONAL_ID_TAKEN', { cause: error });
      throw error;
    }
  }

  private async assertPersonalIdFree(db: Conn, personalId: string | null, ownId: string | null): Promise<void> {
    if (personalId === null) return;
    const owner = await this.cadres.personalIdOwner(db, personalId);
    if (owner !== undefined && owner !== ownId) throw new AppError('CADRE_PERSONAL_ID_TAKEN');
  }
}

/** The last day of the given periods, not after `asOf` (an open period runs to it); null without periods. */
function lastDayOfPeriods(posts: readonly PostRow[], asOf: string): string | null {
  let last: string | null = null;
  for (const post of posts) {
    if (compareIsoDates(post.start_date, asOf) > 0) continue;
    const end = post.end_date === null || compareIsoDates(post.end_date, asOf) > 0 ? asOf : post.end_date;
    if (last === null || compareIsoDates(end, last) > 0) last = end;
  }
  return last;
}

function storedDateOrYear(date: string | null, precision: 'day' | 'year' | null): string | null {
  if (date === null) return null;
  return precision === 'year' ? date.slice(0, 4) : date;
}

/**
 * A post cannot outlast its unit (a commune merged away): an end after the
 * unit ceased is refused, and so is no end when editing; a new open period is
 * ended on the unit's last day instead.
 */
function assertEndWithinUnit(unit: UnitPeriod, endDate: string | null, options: { openAllowed: boolean }): void {
  if (unit.validTo === null) return;
  if (endDate === null ? options.openAllowed : compareIsoDates(endDate, unit.validTo) <= 0) return;
  throw validationError([
    {
      path: 'body.endDate',
      message: `Đơn vị chấm dứt hoạt động ngày ${formatVietnameseDate(unit.validTo)}: ngày thôi giữ chức vụ phải từ ngày đó trở về trước`,
    },
  ]);
}

function assertFirstTermFitsTitle(titleCode: string, firstTerm: boolean): void {
  if (firstTerm && !(isTitleCode(titleCode) && titleByCode(titleCode).group === 'party')) {
    throw validationError([
      { path: 'body.firstTermInPartyCommittee', message: 'Chỉ đánh dấu lần đầu tham gia cấp ủy cho chức vụ Bí thư hoặc Phó Bí thư Đảng ủy' },
    ]);
  }
}

function heldPeriod(post: PostRow) {
  return { id: post.id, unitId: post.unit_id, startDate: post.start_date, endDate: post.end_date };
}

function overlapError(conflicting: { startDate: string; endDate: string | null }): AppError {
  return new AppError('CADRE_POST_OVERLAP', {
    message: `Giai đoạn giữ chức vụ trùng thời gian với giai đoạn đã có (${describePeriod(conflicting)}) của cùng chức vụ`,
    details: { conflicting },
  });
}

function checkedLevel(kind: QualificationKind, level: string | undefined, path: string): string | null {
  if (!level) return null;
  if (level !== 'none' && !SCALE_OF_KIND[kind].isLevel(level)) {
    throw validationError([{ path, message: `Mức không có trên thang ${SCALE_OF_KIND[kind].nameVi}` }]);
  }
  return level;
}

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** The type is read from the bytes, never from the name or the browser's claim. */
function photoMediaType(content: Buffer): 'image/jpeg' | 'image/png' {
  if (content.length === 0 || content.length > MAX_PHOTO_BYTES) throw new AppError('CADRE_PHOTO_INVALID');
  if (content.subarray(0, 3).equals(JPEG_MAGIC)) return 'image/jpeg';
  if (content.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  throw new AppError('CADRE_PHOTO_INVALID');
}
