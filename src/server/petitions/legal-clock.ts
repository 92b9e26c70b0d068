import {
  LEGAL_PERIOD_CODES,
  type LegalPeriodCode,
  type LegalPeriodRule,
  MissingLegalPeriodError,
  type PetitionClockInput,
  petitionStages,
} from '../../core/petition-deadlines.js';
import { formatVietnameseDate } from '../../core/dates.js';
import { type WorkCalendar, workCalendarOf } from '../../core/work-calendar.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import type { Selectable } from 'kysely';
import type { PetitionTable } from './petitions.tables.js';

/** The legal periods and the offices' calendar as they stand in the database: what every petition is timed by. */
export interface LegalClock {
  rules: LegalPeriodRule[];
  calendar: WorkCalendar;
}

export async function loadLegalClock(db: Db): Promise<LegalClock> {
  const [rules, days] = await Promise.all([
    db.selectFrom('legal_period').select(['code', 'amount', 'unit', 'valid_from', 'valid_to', 'basis']).orderBy('code').orderBy('valid_from').execute(),
    db.selectFrom('work_calendar_day').select(['day', 'kind', 'name']).execute(),
  ]);
  return {
    rules: rules
      .filter((rule): rule is typeof rule & { code: LegalPeriodCode } => (LEGAL_PERIOD_CODES as readonly string[]).includes(rule.code))
      .map((rule) => ({ code: rule.code, amount: rule.amount, unit: rule.unit, validFrom: rule.valid_from, validTo: rule.valid_to, basis: rule.basis })),
    calendar: workCalendarOf(days.map((day) => ({ date: day.day, kind: day.kind, name: day.name }))),
  };
}

type ClockColumns = Pick<
  Selectable<PetitionTable>,
  | 'type'
  | 'received_on'
  | 'complaint_round'
  | 'complex'
  | 'remote_area'
  | 'denunciation_complexity'
  | 'verified_at_several_places'
  | 'decided_on'
  | 'accepted_on'
  | 'extensions_used'
  | 'settled_on'
  | 'parent_id'
  | 'reported_back_on'
>;

export function clockInputOf(row: ClockColumns): PetitionClockInput {
  return {
    type: row.type,
    receivedOn: row.received_on,
    complaintRound: row.complaint_round,
    complex: row.complex,
    remoteArea: row.remote_area,
    denunciationComplexity: row.denunciation_complexity,
    verifiedAtSeveralPlaces: row.verified_at_several_places,
    decidedOn: row.decided_on,
    acceptedOn: row.accepted_on,
    extensionsUsed: row.extensions_used,
    settledOn: row.settled_on,
    reportsBack: row.parent_id !== null,
    reportedBackOn: row.reported_back_on,
  };
}

/** The stored deadline of each stage, as the rules and calendar give them now. */
export function dueDatesOf(input: PetitionClockInput, clock: LegalClock) {
  try {
    const stages = petitionStages(input, clock.rules, clock.calendar);
    const dueOf = (stage: string) => stages.find((candidate) => candidate.stage === stage)?.dueOn ?? null;
    return { processing_due_on: dueOf('processing')!, settlement_due_on: dueOf('settlement'), report_due_on: dueOf('report_back') };
  } catch (error) {
    if (error instanceof MissingLegalPeriodError) {
      throw new AppError('PETITION_RULE_MISSING', {
        message: `Chưa có quy định thời hạn áp dụng cho ngày ${formatVietnameseDate(error.on)} (${error.code}); quản trị hệ thống cần cập nhật danh mục thời hạn`,
        messageEn: `No legal period "${error.code}" applies on ${error.on}; an administrator must add it`,
      });
    }
    throw error;
  }
}
