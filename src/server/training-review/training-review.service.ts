import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { normalizeText, compareByGivenName } from '../../core/text.js';
import { isTitleCode, type TitleCode } from '../../core/titles.js';
import { courseTypeByCode, isCourseTypeCode, type CourseTypeCode, type FocusFieldCode } from '../../core/course-types.js';
import { DEFAULT_FOCUS_FIELDS, proposeTrainees, quotasFromPlan, type FocusField, type TrainingCandidate } from '../../core/training-needs.js';
import { can, requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import { ComplianceRepository } from '../compliance/compliance.repository.js';
import { explainPosts } from '../compliance/explain.js';
import type { AppContext } from '../context.js';
import type { Database, Db } from '../db/database.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { buildPlanWorkbook } from './training-review.export.js';
import { presentFocus, presentQuotas, presentReview, presentReviewListItem, type ReviewPermissions } from './training-review.presenter.js';
import { type NewProposal, type ProposalRow, type ReviewRow, TrainingReviewRepository } from './training-review.repository.js';
import type { ProposalDecision, ReviewStatus } from './training-review.tables.js';
import type { Transaction } from 'kysely';

type Trx = Transaction<Database>;

export interface CreateReviewInput {
  unitId: string;
  year: number;
  asOf?: string;
  /** People flagged as starting their first term in the party committee, beyond those the posts show. */
  firstTermCadreIds?: string[];
  note?: string | null;
}

export interface FocusInput {
  unitId: string;
  year: number;
  fields: { code: FocusFieldCode; titleCodes: string[] }[];
}

/** Places added by hand come after every proposal the product made. */
const ADDED_PRIORITY = 4;

function conflict(message: string): AppError {
  return new AppError('CONFLICT', { message });
}

/** The province (or an administrator) sets the year's focus and approves the plans. */

/** The day the review looks at: today during the year, its last day once past, its first day ahead of it. */
function defaultAsOf(year: number): string {
  const today = todayInVietnam();
  const thisYear = Number(today.slice(0, 4));
  if (year === thisYear) return today;
  return year < thisYear ? `${year}-12-31` : `${year}-01-01`;
}

type DecisionInput = { decision: ProposalDecision; reason?: string | null };
type CheckedDecision = { decision: ProposalDecision; reason: string | null };

/** A rejection must say why; the reason is stored NFC-normalised. */
function checkedDecision(input: DecisionInput): CheckedDecision {
  const reason = input.reason ? normalizeText(input.reason) : null;
  if (input.decision === 'rejected' && (reason === null || reason.length < 3)) {
    throw validationError([{ path: 'body.reason', message: 'Ghi lý do không chọn người này' }]);
  }
  return { decision: input.decision, reason };
}

function permissionsOf(actor: Actor, review: Pick<ReviewRow, 'status' | 'version' | 'latest_version'>): ReviewPermissions {
  const writer = can(actor, 'data.write');
  return {
    canDecide: writer && review.status === 'draft',
    canSubmit: writer && review.status === 'draft',
    canReturn: can(actor, 'training.plan.decide') && review.status === 'submitted',
    canApprove: can(actor, 'training.plan.decide') && review.status === 'submitted',
    canNewVersion: writer && review.status === 'approved' && review.version === review.latest_version,
  };
}

export class TrainingReviewService {
  private readonly reviews = new TrainingReviewRepository();
  private readonly compliance = new ComplianceRepository();

  // Only the database: the demo load runs these steps too, inside its own transaction.
  constructor(private readonly context: Pick<AppContext, 'db'>) {}

  // --- Focus fields ------------------------------------------------------------------------

  async focus(actor: Actor, query: { unitId?: string; year: number }) {
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [unitId] });
    const [own, above] = await Promise.all([
      this.reviews.focusOf(this.context.db, unitId, query.year),
      this.reviews.focusAbove(this.context.db, unitId, query.year),
    ]);
    return presentFocus({ unitId, year: query.year, own, applying: this.focusFields(above) });
  }

  async setFocus(actor: Actor, input: FocusInput) {
    requirePermission(actor, 'data.write');
    requirePermission(actor, 'training.focus.set');
    const codes = input.fields.map((field) => field.code);
    if (new Set(codes).size !== codes.length) throw validationError([{ path: 'body.fields', message: 'Một lĩnh vực được chọn hai lần' }]);
    const rows = input.fields.map((field) => {
      const preset = DEFAULT_FOCUS_FIELDS.find((candidate) => candidate.code === field.code);
      if (!preset) throw validationError([{ path: 'body.fields', message: `Lĩnh vực không có trong danh mục: ${field.code}` }]);
      return { field_code: field.code, course_type: preset.courseType, title_codes: [...new Set(field.titleCodes)] };
    });
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [input.unitId] });
      const before = await this.reviews.focusOf(trx, input.unitId, input.year);
      await this.reviews.replaceFocus(trx, input.unitId, input.year, rows, actor.userId);
      await writeAudit(trx, {
        actor,
        action: 'set_focus',
        entity: 'training_focus',
        entityId: `${input.unitId}/${input.year}`,
        summary: `Lĩnh vực trọng tâm đào tạo, bồi dưỡng năm ${input.year}: ${rows.length} lĩnh vực`,
        before: before.map(({ field_code, title_codes }) => ({ field: field_code, titles: title_codes })),
        after: rows.map(({ field_code, title_codes }) => ({ field: field_code, titles: title_codes })),
      });
      const above = await this.reviews.focusAbove(trx, input.unitId, input.year);
      return presentFocus({
        unitId: input.unitId,
        year: input.year,
        own: await this.reviews.focusOf(trx, input.unitId, input.year),
        applying: this.focusFields(above),
      });
    });
  }

  /** One entry per field; titles named for the field by several units above are merged. */
  private focusFields(rows: readonly { field_code: FocusFieldCode; course_type: string; title_codes: string[] }[]): FocusField[] {
    const byCode = new Map<FocusFieldCode, FocusField>();
    for (const row of rows) {
      if (!isCourseTypeCode(row.course_type)) continue;
      const titles = row.title_codes.filter(isTitleCode);
      const known = byCode.get(row.field_code);
      byCode.set(row.field_code, {
        code: row.field_code,
        courseType: row.course_type,
        titleCodes: [...new Set([...(known?.titleCodes ?? []), ...titles])] as TitleCode[],
      });
    }
    return [...byCode.values()];
  }

  // --- Reviews -----------------------------------------------------------------------------

  async list(actor: Actor, query: { year?: number; unitId?: string; status?: ReviewStatus }) {
    if (query.unitId) await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    const rows = await this.reviews.list(this.context.db, actor, { year: query.year ?? null, unitId: query.unitId ?? null, status: query.status ?? null });
    const names = await unitNamesAsOf(
      this.context.db,
      rows.map((row) => row.unit_id),
    );
    return { items: rows.map((row) => presentReviewListItem(row, names.get(row.unit_id))) };
  }

  async get(actor: Actor, id: string) {
    return this.detail(this.context.db, actor, id);
  }

  /**
   * A new review of a unit for a year: every key cadre holding a post in the
   * unit on `asOf` is judged against the standards, and core's
   * proposeTrainees turns gaps, first terms in the party committee and the
   * province's focus fields into proposals, all pending a decision.
   */
  async create(actor: Actor, input: CreateReviewInput) {
    requirePermission(actor, 'data.write');
    const db = this.context.db;
    const asOf = input.asOf ?? defaultAsOf(input.year);
    if (asOf < `${input.year - 1}-01-01` || asOf > `${input.year}-12-31`) {
      throw validationError([{ path: 'body.asOf', message: `Ngày rà soát phải trong năm ${input.year} hoặc năm trước đó` }]);
    }
    await requireAccess(db, { actor, permission: 'unit.read', ids: [input.unitId] });
    const unit = (await unitNamesAsOf(db, [input.unitId], asOf)).get(input.unitId);
    if (!unit || unit.level === 'country') throw validationError([{ path: 'body.unitId', message: 'Chọn một tỉnh, huyện hoặc xã để rà soát' }]);
    if (!unit.validOnDate) {
      throw validationError([{ path: 'body.unitId', message: `${unit.name} không còn (hoặc chưa) tồn tại vào ngày ${formatVietnameseDate(asOf)}` }]);
    }

    const scope = await this.compliance.scope(db, { actor, rootId: input.unitId, asOf, keyOnly: true });
    const explanation = await explainPosts(db, await this.compliance.countedPostIds(db, scope), asOf);
    const people = [...explanation.people.values()].sort((a, b) => compareByGivenName(a.person.fullName, b.person.fullName));
    const firstParty = await this.reviews.firstPartyPostStart(
      db,
      people.map((entry) => entry.person.id),
    );
    const marked = await this.reviews.markedFirstTerm(
      db,
      people.map((entry) => entry.person.id),
      asOf,
    );
    const flagged = new Set([...(input.firstTermCadreIds ?? []), ...marked]);
    const inTraining = await this.reviews.courseTypesInTraining(
      db,
      people.map((entry) => entry.person.id),
      input.year,
    );
    const candidates: TrainingCandidate[] = people.map((entry) => ({
      personId: entry.person.id,
      posts: entry.posts.map((p) => p.result.titleCode),
      compliance: entry.posts.map((p) => p.result),
      // First held a secretary's or deputy secretary's post this year, or marked so on the post or by the reviewer.
      firstTermInPartyCommittee: flagged.has(entry.person.id) || (firstParty.get(entry.person.id) ?? '').startsWith(`${input.year}-`),
      alreadyTrainedCourseTypes: (inTraining.get(entry.person.id) ?? []).filter(isCourseTypeCode),
    }));

    return db.transaction().execute(async (trx) => {
      const existing = await this.reviews.anyForUnitYear(trx, input.unitId, input.year);
      if (existing.length > 0) {
        throw conflict(
          `${unit.name} đã có rà soát năm ${input.year} (phiên bản ${existing.at(-1)!.version}); mở rà soát đó, hoặc tạo phiên bản mới từ kế hoạch đã phê duyệt`,
        );
      }
      const focusFields = this.focusFields(await this.reviews.focusAbove(trx, input.unitId, input.year));
      const proposals = proposeTrainees({ year: input.year, people: candidates, focusFields });
      const id = await this.reviews.insertReview(trx, {
        unit_id: input.unitId,
        year: input.year,
        as_of: asOf,
        version: 1,
        previous_id: null,
        focus_fields: focusFields,
        note: input.note ? normalizeText(input.note) : null,
        created_by: actor.userId,
      });
      const postsOf = new Map(people.map((entry) => [entry.person.id, entry.posts.map((p) => p.post)]));
      await this.reviews.insertProposals(
        trx,
        id,
        proposals.map((proposal): NewProposal => {
          const held = postsOf.get(proposal.personId) ?? [];
          const post = held.find((p) => (proposal.titleCodes as readonly string[]).includes(p.titleCode)) ?? held[0]!;
          return {
            cadre_id: proposal.personId,
            unit_id: post.unitId,
            course_type: proposal.courseType,
            reason: proposal.reason,
            reason_text: proposal.reasonText,
            reason_text_en: proposal.reasonTextEn,
            priority: proposal.priority,
            title_codes: [...proposal.titleCodes],
            decision: 'pending',
            decision_reason: null,
            decided_by: null,
            decided_at: null,
            added_by: null,
          };
        }),
      );
      await writeAudit(trx, {
        actor,
        action: 'create',
        entity: 'training_review',
        entityId: id,
        summary: `Rà soát nhu cầu đào tạo, bồi dưỡng năm ${input.year} của ${unit.name}: ${candidates.length} cán bộ chủ chốt, ${proposals.length} đề xuất`,
        after: { unitId: input.unitId, year: input.year, asOf, proposals: proposals.length, focusFields: focusFields.map((field) => field.code) },
      });
      return this.detail(trx, actor, id);
    });
  }

  async decide(actor: Actor, id: string, proposalId: string, input: DecisionInput) {
    requirePermission(actor, 'data.write');
    const decision = checkedDecision(input);
    return this.context.db.transaction().execute(async (trx) => {
      const review = await this.reviewToChange(trx, actor, id);
      const proposal = await this.reviews.findProposal(trx, id, proposalId);
      if (!proposal) throw notFound();
      await this.recordDecision(trx, actor, review, proposal, decision);
      return this.detail(trx, actor, id);
    });
  }

  /** Decisions on many proposals of one list in one step (the demo's district decides its whole list), each recorded as if made alone. */
  async decideMany(actor: Actor, id: string, decisions: readonly (DecisionInput & { proposalId: string })[]) {
    requirePermission(actor, 'data.write');
    const checked = decisions.map((input) => ({ proposalId: input.proposalId, ...checkedDecision(input) }));
    return this.context.db.transaction().execute(async (trx) => {
      const review = await this.reviewToChange(trx, actor, id);
      const proposals = new Map((await this.reviews.proposals(trx, id)).map((proposal) => [proposal.id, proposal]));
      for (const decision of checked) {
        const proposal = proposals.get(decision.proposalId);
        if (!proposal) throw notFound();
        await this.recordDecision(trx, actor, review, proposal, decision);
      }
      return this.detail(trx, actor, id);
    });
  }

  private async recordDecision(trx: Trx, actor: Actor, review: ReviewRow, proposal: ProposalRow, input: CheckedDecision): Promise<void> {
    const proposalId = proposal.id;
    const reason = input.decision === 'pending' ? null : input.reason;
    await this.reviews.decide(trx, proposalId, input.decision, reason, actor.userId);
    await writeAudit(trx, {
      actor,
      action: 'decide',
      entity: 'training_review',
      entityId: review.id,
      summary: `${input.decision === 'accepted' ? 'Chọn' : input.decision === 'rejected' ? 'Không chọn' : 'Để lại chưa quyết định'}: ${proposal.full_name}, ${courseName(proposal.course_type)}`,
      before: { proposalId, decision: proposal.decision, reason: proposal.decision_reason },
      after: { proposalId, decision: input.decision, reason },
    });
  }

  /** A person the unit adds itself: someone holding a post in the unit on the review date; accepted as added. */
  async addPerson(actor: Actor, id: string, input: { cadreId: string; courseType: CourseTypeCode; reason: string }) {
    requirePermission(actor, 'data.write');
    const reason = normalizeText(input.reason);
    if (reason.length < 3) throw validationError([{ path: 'body.reason', message: 'Ghi lý do bổ sung người này' }]);
    return this.context.db.transaction().execute(async (trx) => {
      const review = await this.reviewToChange(trx, actor, id);
      const scope = await this.compliance.scope(trx, { actor, rootId: review.unit_id, asOf: review.as_of, keyOnly: false });
      const postIds = await this.compliance.countedPostIds(trx, scope);
      const held = (await this.compliance.heldPosts(trx, postIds)).filter((post) => post.cadreId === input.cadreId);
      if (held.length === 0) {
        throw validationError([
          { path: 'body.cadreId', message: `Người này không giữ chức vụ nào trong đơn vị vào ngày ${formatVietnameseDate(review.as_of)} (ngày rà soát)` },
        ]);
      }
      const already = (await this.reviews.proposals(trx, id)).find((p) => p.cadre_id === input.cadreId && p.course_type === input.courseType);
      if (already) throw conflict(`${already.full_name} đã có trong danh sách khóa ${courseName(input.courseType)}`);
      const course = courseTypeByCode(input.courseType);
      await this.reviews.insertProposals(trx, id, [
        {
          cadre_id: input.cadreId,
          unit_id: held[0]!.unitId,
          course_type: input.courseType,
          reason: 'added',
          reason_text: `Đơn vị bổ sung: ${reason}`,
          reason_text_en: `Added by the unit: ${reason}`,
          priority: ADDED_PRIORITY,
          title_codes: [...new Set(held.map((post) => post.titleCode))],
          decision: 'accepted',
          decision_reason: null,
          decided_by: actor.userId,
          decided_at: new Date(),
          added_by: actor.userId,
        },
      ]);
      await writeAudit(trx, {
        actor,
        action: 'add_proposal',
        entity: 'training_review',
        entityId: id,
        summary: `Bổ sung vào danh sách khóa ${course.nameVi}`,
        after: { cadreId: input.cadreId, courseType: input.courseType, reason },
      });
      return this.detail(trx, actor, id);
    });
  }

  /** The unit sends its decided list up for approval; every proposal must have been decided. */
  async submit(actor: Actor, id: string) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const review = await this.reviewToChange(trx, actor, id);
      if (review.pending > 0) throw conflict(`Còn ${review.pending} đề xuất chưa quyết định chọn hay không chọn`);
      await this.reviews.setStatus(trx, id, { status: 'submitted', submitted_by: actor.userId, submitted_at: new Date(), returned_note: null });
      await writeAudit(trx, {
        actor,
        action: 'submit',
        entity: 'training_review',
        entityId: id,
        summary: `Trình phê duyệt: ${review.accepted} lượt người được chọn`,
      });
      return this.detail(trx, actor, id);
    });
  }

  /** The province sends a list back to the unit with what to change. */
  async returnToUnit(actor: Actor, id: string, input: { note: string }) {
    const note = normalizeText(input.note);
    if (note.length < 3) throw validationError([{ path: 'body.note', message: 'Ghi nội dung cần đơn vị sửa' }]);
    return this.context.db.transaction().execute(async (trx) => {
      const review = await this.reviewToApprove(trx, actor, id);
      await this.reviews.setStatus(trx, id, { status: 'draft', submitted_by: null, submitted_at: null, returned_note: note });
      await writeAudit(trx, { actor, action: 'return', entity: 'training_review', entityId: review.id, summary: `Trả lại để sửa: ${note}` });
      return this.detail(trx, actor, id);
    });
  }

  /** Approval makes the list the year's plan; from then on it is frozen (also by the database). */
  async approve(actor: Actor, id: string) {
    return this.context.db.transaction().execute(async (trx) => {
      const review = await this.reviewToApprove(trx, actor, id);
      await this.reviews.setStatus(trx, id, { status: 'approved', approved_by: actor.userId, approved_at: new Date() });
      await writeAudit(trx, {
        actor,
        action: 'approve',
        entity: 'training_review',
        entityId: id,
        summary: `Phê duyệt kế hoạch đào tạo, bồi dưỡng năm ${review.year} (phiên bản ${review.version}): ${review.accepted} lượt người`,
      });
      return this.detail(trx, actor, id);
    });
  }

  /** A later change to an approved plan: a copy of it as a new draft, decisions included; the approved one stays as it was. */
  async newVersion(actor: Actor, id: string) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const review = await this.reviewInScope(trx, actor, id, { forUpdate: true });
      if (!review) throw notFound();
      if (review.status !== 'approved') throw conflict('Chỉ tạo phiên bản mới từ kế hoạch đã phê duyệt; kế hoạch này vẫn đang được sửa');
      const all = await this.reviews.anyForUnitYear(trx, review.unit_id, review.year);
      if (all.some((other) => other.status !== 'approved') || review.version !== review.latest_version) {
        throw conflict('Đã có phiên bản mới hơn của kế hoạch này');
      }
      const newId = await this.reviews.insertReview(trx, {
        unit_id: review.unit_id,
        year: review.year,
        as_of: review.as_of,
        version: review.version + 1,
        previous_id: review.id,
        focus_fields: review.focus_fields,
        note: review.note,
        created_by: actor.userId,
      });
      const proposals = await this.reviews.proposals(trx, review.id);
      await this.reviews.insertProposals(
        trx,
        newId,
        proposals.map((p) => ({
          cadre_id: p.cadre_id,
          unit_id: p.unit_id,
          course_type: p.course_type,
          reason: p.reason,
          reason_text: p.reason_text,
          reason_text_en: p.reason_text_en,
          priority: p.priority,
          title_codes: p.title_codes,
          decision: p.decision,
          decision_reason: p.decision_reason,
          decided_by: null,
          decided_at: null,
          added_by: null,
        })),
      );
      await writeAudit(trx, {
        actor,
        action: 'new_version',
        entity: 'training_review',
        entityId: newId,
        summary: `Phiên bản ${review.version + 1} của kế hoạch năm ${review.year}, sao từ phiên bản ${review.version} đã phê duyệt`,
        after: { previousId: review.id },
      });
      return this.detail(trx, actor, newId);
    });
  }

  /** The review, or undefined when it does not exist; "not found" when its unit lies outside the actor's scope. */
  private async reviewInScope(db: Db | Trx, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<ReviewRow | undefined> {
    const review = await this.reviews.find(db, id, options);
    if (review) await requireAccess(db, { actor, permission: 'unit.read', ids: [review.unit_id] });
    return review;
  }

  async quotas(actor: Actor, id: string) {
    const db = this.context.db;
    const review = await this.reviewInScope(db, actor, id);
    if (!review) throw notFound();
    return this.quotasOf(db, review);
  }

  async exportXlsx(actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
    const db = this.context.db;
    const review = await this.reviewInScope(db, actor, id);
    if (!review) throw notFound();
    const detail = await this.detail(db, actor, id);
    const quotas = await this.quotasOf(db, review);
    const content = await buildPlanWorkbook(detail, quotas);
    await db
      .transaction()
      .execute((trx) =>
        writeAudit(trx, { actor, action: 'export', entity: 'training_review', entityId: id, summary: `Xuất kế hoạch năm ${review.year} ra Excel` }),
      );
    const unit = detail.unit.name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .toLowerCase();
    return { fileName: `ke-hoach-dao-tao-${review.year}-${unit}-v${review.version}.xlsx`, content };
  }

  // --- Helpers ----------------------------------------------------------------------------

  private async quotasOf(db: Db, review: ReviewRow) {
    const accepted = await this.reviews.proposals(db, review.id, { decision: 'accepted' });
    const unitOf = new Map(accepted.map((p) => [p.cadre_id, p.unit_id]));
    const quotas = quotasFromPlan(
      accepted.filter((p) => isCourseTypeCode(p.course_type)).map((p) => ({ personId: p.cadre_id, courseType: p.course_type as CourseTypeCode })),
      (personId) => unitOf.get(personId) ?? review.unit_id,
    );
    const names = await unitNamesAsOf(
      db,
      quotas.byUnit.map((row) => row.unitId),
      review.as_of,
    );
    return presentQuotas(review, quotas, names);
  }

  private async detail(db: Db | Trx, actor: Actor, id: string) {
    const review = await this.reviewInScope(db, actor, id);
    if (!review) throw notFound();
    const proposals = await this.reviews.proposals(db, id);
    const names = await unitNamesAsOf(db, [review.unit_id, ...proposals.map((p) => p.unit_id)], review.as_of);
    return presentReview(review, proposals, names, permissionsOf(actor, review));
  }

  /** A draft the actor may change, locked for the transaction. */
  private async reviewToChange(trx: Trx, actor: Actor, id: string): Promise<ReviewRow> {
    const review = await this.reviewInScope(trx, actor, id, { forUpdate: true });
    if (!review) throw notFound();
    if (review.status === 'approved') throw conflict('Kế hoạch đã được phê duyệt và không sửa được nữa; hãy tạo phiên bản mới');
    if (review.status === 'submitted') throw conflict('Danh sách đang chờ phê duyệt; cấp tỉnh trả lại thì mới sửa được');
    return review;
  }

  private async reviewToApprove(trx: Trx, actor: Actor, id: string): Promise<ReviewRow> {
    requirePermission(actor, 'training.plan.decide');
    const review = await this.reviewInScope(trx, actor, id, { forUpdate: true });
    if (!review) throw notFound();
    if (review.status !== 'submitted') throw conflict(review.status === 'approved' ? 'Kế hoạch đã được phê duyệt' : 'Danh sách chưa được trình phê duyệt');
    return review;
  }
}

function courseName(code: string): string {
  return isCourseTypeCode(code) ? courseTypeByCode(code).nameVi : code;
}
