import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { maxDenunciationExtensions, petitionDateProblems } from '../../core/petition-deadlines.js';
import type { Actor } from '../access/actor.js';
import { checkAccess, requireAccess } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { clockInputOf, dueDatesOf, type LegalClock, loadLegalClock } from './legal-clock.js';
import {
  CHANNEL_LABELS,
  complexityLabel,
  currentClock,
  EVENT_LABELS,
  HANDLING_LABELS,
  OUTCOME_LABELS,
  petitionerLabel,
  presentClocks,
  presentPetitioner,
  statusOf,
  typeLabel,
} from './petitions.presenter.js';
import { type PetitionRow, PetitionsRepository } from './petitions.repository.js';

/** What the petition services share: loading a case for a change, re-timing it, and presenting it as the caller may see it. */
export class PetitionDesk {
  readonly petitions = new PetitionsRepository();

  constructor(readonly context: AppContext) {}

  /** Locks the case and checks that the caller's unit handles it. */
  async lockForHandling(trx: Db, actor: Actor, id: string): Promise<PetitionRow> {
    await this.petitions.lockPetition(trx, id);
    await requireAccess(trx, { actor, permission: 'petition.handle', ids: [id] });
    const [row] = await this.petitions.findPetitions(trx, actor, [id]);
    if (!row) throw notFound();
    return row;
  }

  /**
   * Checks the dates against each other and the law, then stores the deadline
   * of each stage still running. A closed stage keeps the deadline it ran
   * against: a later change of rules or calendar does not turn "đúng hạn"
   * into "quá hạn" after the fact.
   */
  async retime(trx: Db, row: PetitionRow, clock?: LegalClock): Promise<void> {
    const legal = clock ?? (await loadLegalClock(trx));
    const input = clockInputOf(row);
    const problems = petitionDateProblems(input, legal.rules);
    if (problems.length > 0)
      throw validationError(problems.map((problem) => ({ path: problem.field, message: problem.message, messageEn: problem.messageEn })));
    const due = dueDatesOf(input, legal);
    await this.petitions.updatePetition(trx, row.id, {
      processing_due_on: row.decided_on !== null ? row.processing_due_on : due.processing_due_on,
      settlement_due_on: row.settled_on !== null && row.settlement_due_on !== null ? row.settlement_due_on : due.settlement_due_on,
      report_due_on: row.reported_back_on !== null && row.report_due_on !== null ? row.report_due_on : due.report_due_on,
    });
  }

  async audit(trx: Db, actor: Actor, row: Pick<PetitionRow, 'id' | 'number'>, action: string, summary: string, after?: unknown): Promise<void> {
    await writeAudit(trx, { actor, action: `petition.${action}`, entity: 'petition', entityId: row.id, summary: `Đơn số ${row.number}: ${summary}`, after });
  }

  /** A list's rows, named as of the day the clocks are read. */
  async presentList(rows: readonly PetitionRow[], asOf: string) {
    const clock = await loadLegalClock(this.context.db);
    const names = await unitNamesAsOf(
      this.context.db,
      rows.flatMap((row) => [row.unit_id, ...(row.commune_id ? [row.commune_id] : [])]),
      asOf,
    );
    const unitRef = (id: string) => ({ id, name: names.get(id)?.name ?? '' });
    const fields = new Map((await this.petitions.fields(this.context.db)).map((field) => [field.code, field.name]));
    return rows.map((row) => {
      const clocks = presentClocks(row, clock.rules, asOf);
      return {
        id: row.id,
        number: row.number,
        receivedOn: row.received_on,
        unit: unitRef(row.unit_id),
        commune: row.commune_id ? unitRef(row.commune_id) : null,
        type: typeLabel(row.type),
        field: { code: row.field_code, label: fields.get(row.field_code) ?? row.field_code },
        subject: row.subject,
        petitioner: petitionerLabel(row),
        overLevel: row.over_level,
        transferredDown: row.has_child,
        fromHigherLevel: row.parent_id !== null,
        status: statusOf(row),
        clock: currentClock(clocks),
      };
    });
  }

  /** The whole case as the caller may see it; a view of a denouncer's identity or a petitioner's contact details is audited. */
  async presentDetail(actor: Actor, id: string, asOf: string = todayInVietnam()) {
    const db = this.context.db;
    await requireAccess(db, { actor, permission: 'petition.read', ids: [id] });
    const [row] = await this.petitions.findPetitions(db, actor, [id]);
    if (!row) throw notFound();
    const [listed] = await this.presentList([row], asOf);
    const clock = await loadLegalClock(db);
    const [handle, petitioners, handlers, attachments, events, dialogues, child] = await Promise.all([
      checkAccess(db, { actor, permission: 'petition.handle', ids: [id] }),
      this.petitions.petitioners(db, [id]),
      this.petitions.handlers(db, id),
      this.petitions.attachments(db, id),
      this.petitions.events(db, id),
      this.petitions.dialoguesOfPetition(db, id),
      this.petitions.childOf(db, id),
    ]);
    const personalDataVisible = actor.role === 'admin' || actor.canViewSensitive;
    const identityVisible = row.type !== 'to_cao' || row.identity_visible;
    const shownPetitioners = petitioners.map((petitioner) =>
      presentPetitioner(petitioner, { type: row.type, identityVisible: row.identity_visible, personalDataVisible }),
    );
    const revealed =
      petitioners.length > 0 &&
      ((row.type === 'to_cao' && row.identity_visible) ||
        shownPetitioners.some((petitioner) => petitioner.address || petitioner.phone || petitioner.personalId));
    if (revealed) {
      await writeAudit(db, {
        actor,
        action: 'petition.identity.view',
        entity: 'petition',
        entityId: id,
        summary: `Xem thông tin người đứng đơn của đơn số ${row.number}`,
      });
    }
    const canHandle = handle.has(id);
    const [parent, childCase] = await Promise.all([
      row.parent_id ? this.linkedCase(actor, row.parent_id, asOf, clock) : null,
      child ? this.linkedCase(actor, child.id, asOf, clock) : null,
    ]);
    const [duplicate, previous] = await this.petitions
      .findPetitions(db, actor, [row.duplicate_of_id ?? '0', row.previous_id ?? '0'])
      .then((found) => [found.find((candidate) => candidate.id === row.duplicate_of_id), found.find((candidate) => candidate.id === row.previous_id)]);
    // A second complaint is received by the level above the one that settled the first (Law on Complaints 2011, art. 7).
    const appealable =
      row.type === 'khieu_nai' && row.complaint_round === 1 && row.settled_on !== null && actor.unitId !== row.unit_id
        ? (await checkAccess(db, { actor, permission: 'petition.receive', ids: [actor.unitId] })).has(actor.unitId)
        : false;
    const status = statusOf(row);
    return {
      ...listed!,
      content: row.content,
      channel: { code: row.channel, label: CHANNEL_LABELS[row.channel] },
      anonymous: row.anonymous,
      againstPartyMember: row.against_party_member,
      complaintRound: row.complaint_round,
      complex: row.complex,
      remoteArea: row.remote_area,
      denunciationComplexity: complexityLabel(row.denunciation_complexity),
      verifiedAtSeveralPlaces: row.verified_at_several_places,
      identityVisible,
      petitioners: shownPetitioners,
      handling: row.handling ? { code: row.handling, label: HANDLING_LABELS[row.handling] } : null,
      decidedOn: row.decided_on,
      decisionNote: row.decision_note,
      transferredTo: row.transferred_to,
      acceptedOn: row.accepted_on,
      extensionsUsed: row.extensions_used,
      maxExtensions: row.type === 'to_cao' && row.accepted_on ? safeMaxExtensions(row, clock) : 0,
      settledOn: row.settled_on,
      outcome: row.outcome ? { code: row.outcome, label: OUTCOME_LABELS[row.outcome] } : null,
      agreed: row.agreed,
      settlementNote: row.settlement_note,
      reportedBackOn: row.reported_back_on,
      clocks: presentClocks(row, clock.rules, asOf),
      parent,
      child: childCase,
      duplicateOf: duplicate ? { id: duplicate.id, number: duplicate.number } : null,
      previous: previous ? { id: previous.id, number: previous.number } : null,
      handlers: handlers.map((handler) => ({ id: handler.id, fullName: handler.full_name })),
      // A denunciation's scans show the denouncer's handwriting.
      attachments: identityVisible
        ? attachments.map((attachment) => ({
            id: attachment.id,
            fileName: attachment.file_name,
            contentType: attachment.content_type,
            sizeBytes: attachment.size_bytes,
          }))
        : [],
      events: events.map((event) => ({
        kind: event.kind,
        label: EVENT_LABELS[event.kind] ?? event.kind,
        on: event.occurred_on,
        by: event.full_name,
        note: event.note,
      })),
      dialogues: dialogues.map((dialogue) => ({ id: dialogue.id, heldOn: dialogue.held_on, topic: dialogue.topic })),
      abilities: {
        handle: canHandle && status.code === 'new',
        referDown: canHandle && status.code === 'new' && row.unit_id !== row.commune_id && row.commune_id !== null,
        extend: canHandle && status.code === 'settling' && row.type === 'to_cao' && row.extensions_used < safeMaxExtensions(row, clock),
        settle: canHandle && status.code === 'settling',
        reportBack: canHandle && status.code === 'reporting',
        assignHandlers: canHandle,
        attach: canHandle && identityVisible,
        /** The decision's document; a notice to a denouncer names them, so only those who may see the name get it. */
        receiveSecondComplaint: appealable,
        downloadDecision:
          row.handling !== null && (row.type !== 'to_cao' || row.identity_visible || ['transferred', 'referred_down', 'filed'].includes(row.handling)),
      },
    };
  }

  private async linkedCase(actor: Actor, id: string, asOf: string, clock: LegalClock) {
    const db = this.context.db;
    const readable = (await checkAccess(db, { actor, permission: 'petition.read', ids: [id] })).has(id);
    // The other level's case is named and timed for the caller even when not opened: both levels follow the same clock.
    const row = (await this.petitions.findPetitions(db, actor, [id]))[0];
    if (!row) return null;
    const names = await unitNamesAsOf(db, [row.unit_id], asOf);
    return {
      id: row.id,
      number: row.number,
      unit: { id: row.unit_id, name: names.get(row.unit_id)?.name ?? '' },
      status: statusOf(row),
      clocks: presentClocks(row, clock.rules, asOf),
      readable,
    };
  }

  assertNotFuture(on: string, path: string): void {
    if (on > todayInVietnam()) throw validationError([{ path, message: `Ngày ${formatVietnameseDate(on)} chưa đến` }]);
  }

  wrongStage(message: string): AppError {
    return new AppError('PETITION_WRONG_STAGE', { message });
  }
}

function safeMaxExtensions(row: PetitionRow, clock: LegalClock): number {
  try {
    return maxDenunciationExtensions(row.denunciation_complexity, clock.rules, row.accepted_on!);
  } catch {
    return 0;
  }
}
