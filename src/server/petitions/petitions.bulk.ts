import { compareIsoDates, type IsoDate } from '../../core/dates.js';
import { type DenunciationComplexity, type PetitionType, petitionDateProblems } from '../../core/petition-deadlines.js';
import { foldVietnamese } from '../../core/text.js';
import type { Db } from '../db/database.js';
import { clockInputOf, dueDatesOf, loadLegalClock } from './legal-clock.js';
import type { PetitionChannel, PetitionHandling, PetitionOutcome } from './petitions.tables.js';

/** A whole case as the demo (or a migration of old registers) knows it: every step already dated. */
export interface CaseRecord {
  key: string;
  unitId: string;
  communeId: string | null;
  receivedOn: IsoDate;
  channel: PetitionChannel;
  type: PetitionType;
  fieldCode: string;
  subject: string;
  content: string;
  petitioners: { fullName: string; address: string | null; representative: boolean }[];
  anonymous?: boolean;
  complex?: boolean;
  denunciationComplexity?: DenunciationComplexity;
  overLevel?: boolean;
  /** The key of the higher level's case this one was sent down from (written earlier in the same list). */
  parentKey?: string;
  handling: PetitionHandling | null;
  decidedOn: IsoDate | null;
  transferredTo?: string | null;
  extensionsUsed?: number;
  settledOn?: IsoDate | null;
  outcome?: PetitionOutcome | null;
  agreed?: boolean | null;
  reportedBackOn?: IsoDate | null;
  createdBy: string;
  handlerIds: string[];
  /** The key of the reception day it was taken at. */
  receptionSessionKey?: string;
}

export interface ReceptionRecord {
  key: string;
  unitId: string;
  heldOn: IsoDate;
  kind: 'regular' | 'ad_hoc';
  hostName: string;
  hostRole: 'head' | 'deputy' | 'officer';
  citizens: number;
  createdBy: string;
}

export interface DialogueRecord {
  communeId: string;
  heldOn: IsoDate;
  kind: 'dialogue' | 'meeting';
  topic: string;
  place: string | null;
  organisers: string;
  chairCadreId: string | null;
  participants: number;
  outcome: string;
  agreed: boolean;
  petitionKeys: string[];
  commitments: { action: string; responsible: string; dueOn: IsoDate; doneOn: IsoDate | null }[];
  createdBy: string;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * Writes many finished or running cases at once, in the caller's
 * transaction, with the deadlines the product itself would have stored and
 * the same date rules it enforces (a case that breaks one is refused here,
 * so the demo never shows what the screens would reject).
 */
export class PetitionsBulkWriter {
  private readonly ids = new Map<string, string>();
  private readonly sessionIds = new Map<string, string>();

  constructor(private readonly trx: Db) {}

  async cases(records: readonly CaseRecord[]): Promise<Map<string, string>> {
    const clock = await loadLegalClock(this.trx);
    const numbers = await this.numbering(records);
    // Parents first, in batches of their own: a case sent down refers to its higher level's case.
    const batches = [...chunks(records.filter((record) => !record.parentKey)), ...chunks(records.filter((record) => record.parentKey))];
    for (const batch of batches) {
      const rows = batch.map((record) => {
        const parentId = record.parentKey ? this.ids.get(record.parentKey) : null;
        if (record.parentKey && !parentId) throw new Error(`Demo case ${record.key}: parent ${record.parentKey} not written yet`);
        const values = {
          unit_id: record.unitId,
          commune_id: record.communeId,
          number: numbers.get(record.key)!,
          received_on: record.receivedOn,
          channel: record.channel,
          type: record.type,
          field_code: record.fieldCode,
          subject: record.subject,
          content: record.content,
          search_folded: foldVietnamese(`${record.subject} ${record.content}`),
          petitioners_folded: foldVietnamese(record.petitioners.map((petitioner) => petitioner.fullName).join(' ')),
          anonymous: record.anonymous ?? false,
          against_party_member: false,
          complaint_round: 1 as const,
          complex: record.complex ?? false,
          remote_area: false,
          denunciation_complexity: record.denunciationComplexity ?? 'normal',
          verified_at_several_places: false,
          over_level: record.overLevel ?? false,
          parent_id: parentId ?? null,
          handling: record.handling,
          decided_on: record.decidedOn,
          decided_by: record.decidedOn ? record.createdBy : null,
          transferred_to: record.transferredTo ?? null,
          accepted_on: record.handling === 'accepted' ? record.decidedOn : null,
          extensions_used: record.extensionsUsed ?? 0,
          settled_on: record.settledOn ?? null,
          outcome: record.outcome ?? null,
          agreed: record.agreed ?? null,
          reported_back_on: record.reportedBackOn ?? null,
          reception_session_id: record.receptionSessionKey ? (this.sessionIds.get(record.receptionSessionKey) ?? null) : null,
          created_by: record.createdBy,
        };
        const input = clockInputOf(values);
        const problems = petitionDateProblems(input, clock.rules);
        if (problems.length > 0) throw new Error(`Demo case ${record.key}: ${problems.map((problem) => problem.message).join('; ')}`);
        return { ...values, ...dueDatesOf(input, clock) };
      });
      const inserted = await this.trx.insertInto('petition').values(rows).returning('id').execute();
      batch.forEach((record, index) => this.ids.set(record.key, inserted[index]!.id));
    }
    await this.details(records);
    return this.ids;
  }

  /** Each unit's register numbers its cases per year in the order they came in. */
  private async numbering(records: readonly CaseRecord[]): Promise<Map<string, string>> {
    const byRegister = new Map<string, CaseRecord[]>();
    for (const record of records) {
      const register = `${record.unitId}/${record.receivedOn.slice(0, 4)}`;
      byRegister.set(register, [...(byRegister.get(register) ?? []), record]);
    }
    const numbers = new Map<string, string>();
    for (const [register, cases] of byRegister) {
      const [unitId, year] = register.split('/') as [string, string];
      const taken = await this.trx
        .selectFrom('petition')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('unit_id', '=', unitId)
        .where('received_on', '>=', `${year}-01-01`)
        .where('received_on', '<=', `${year}-12-31`)
        .executeTakeFirstOrThrow();
      [...cases]
        .sort((a, b) => compareIsoDates(a.receivedOn, b.receivedOn) || a.key.localeCompare(b.key))
        .forEach((record, index) => numbers.set(record.key, `${Number(taken.n) + index + 1}/${year}`));
    }
    return numbers;
  }

  private async details(records: readonly CaseRecord[]): Promise<void> {
    const petitioners = records.flatMap((record) =>
      record.petitioners.map((petitioner, position) => ({
        petition_id: this.ids.get(record.key)!,
        position,
        full_name: petitioner.fullName,
        address: petitioner.address,
        representative: petitioner.representative,
      })),
    );
    for (const batch of chunks(petitioners)) await this.trx.insertInto('petition_petitioner').values(batch).execute();
    const handlers = records.flatMap((record) => record.handlerIds.map((userId) => ({ petition_id: this.ids.get(record.key)!, user_id: userId })));
    for (const batch of chunks(handlers)) await this.trx.insertInto('petition_handler').values(batch).execute();
    const events = records.flatMap((record) => this.eventsOf(record));
    for (const batch of chunks(events)) await this.trx.insertInto('petition_event').values(batch).execute();
  }

  private eventsOf(record: CaseRecord) {
    const petitionId = this.ids.get(record.key)!;
    const event = (kind: string, on: IsoDate, note: string | null = null, id = petitionId) => ({
      petition_id: id,
      kind,
      occurred_on: on,
      user_id: record.createdBy,
      note,
    });
    const events = [event(record.parentKey ? 'received_from_higher_level' : 'received', record.receivedOn)];
    if (record.handling === 'referred_down') events.push(event('referred_down', record.decidedOn!));
    else if (record.handling && record.decidedOn) events.push(event('decided', record.decidedOn));
    if (record.settledOn) {
      events.push(event('settled', record.settledOn, record.agreed ? 'Người có đơn đồng thuận' : 'Người có đơn chưa đồng thuận'));
      if (record.parentKey) events.push(event('child_settled', record.settledOn, null, this.ids.get(record.parentKey)!));
    }
    if (record.reportedBackOn && record.parentKey) {
      events.push(event('reported_back', record.reportedBackOn));
      events.push(event('child_reported_back', record.reportedBackOn, null, this.ids.get(record.parentKey)!));
    }
    return events;
  }

  /** Reception days, before the cases taken at them. */
  async receptionSessions(records: readonly ReceptionRecord[]): Promise<void> {
    for (const batch of chunks(records)) {
      const inserted = await this.trx
        .insertInto('reception_session')
        .values(
          batch.map((record) => ({
            unit_id: record.unitId,
            held_on: record.heldOn,
            kind: record.kind,
            host_name: record.hostName,
            host_role: record.hostRole,
            citizens: record.citizens,
            created_by: record.createdBy,
          })),
        )
        .returning('id')
        .execute();
      batch.forEach((record, index) => this.sessionIds.set(record.key, inserted[index]!.id));
    }
  }

  async dialogues(records: readonly DialogueRecord[]): Promise<void> {
    for (const batch of chunks(records)) {
      const inserted = await this.trx
        .insertInto('dialogue')
        .values(
          batch.map((record) => ({
            commune_id: record.communeId,
            held_on: record.heldOn,
            kind: record.kind,
            topic: record.topic,
            place: record.place,
            organisers: record.organisers,
            chair_cadre_id: record.chairCadreId,
            participants: record.participants,
            outcome: record.outcome,
            agreed: record.agreed,
            created_by: record.createdBy,
          })),
        )
        .returning('id')
        .execute();
      const commitments = batch.flatMap((record, index) =>
        record.commitments.map((commitment) => ({
          dialogue_id: inserted[index]!.id,
          action: commitment.action,
          responsible: commitment.responsible,
          due_on: commitment.dueOn,
          done_on: commitment.doneOn,
        })),
      );
      if (commitments.length > 0) await this.trx.insertInto('dialogue_commitment').values(commitments).execute();
      const links = batch.flatMap((record, index) => record.petitionKeys.map((key) => ({ dialogue_id: inserted[index]!.id, petition_id: this.ids.get(key)! })));
      if (links.length > 0) await this.trx.insertInto('dialogue_petition').values(links).execute();
    }
  }
}
