import {
  clockText,
  DENUNCIATION_COMPLEXITY_LABELS,
  type LegalPeriodRule,
  PETITION_STAGE_LABELS,
  PETITION_TYPE_LABELS,
  type PetitionStage,
  readClock,
  ruleInForce,
  type LegalPeriodCode,
} from '../../core/petition-deadlines.js';
import type { PetitionRow } from './petitions.repository.js';
import type { PetitionChannel, PetitionHandling, PetitionOutcome, PetitionPetitionerTable } from './petitions.tables.js';

export const CHANNEL_LABELS: Record<PetitionChannel, string> = {
  reception: 'Tiếp công dân',
  mail: 'Qua bưu chính',
  handed: 'Nhận trực tiếp',
  transferred: 'Cơ quan khác chuyển đến',
  online: 'Trực tuyến',
};

export const HANDLING_LABELS: Record<PetitionHandling, string> = {
  accepted: 'Thụ lý giải quyết',
  not_accepted: 'Không thụ lý',
  guided: 'Hướng dẫn công dân',
  transferred: 'Chuyển cơ quan có thẩm quyền',
  referred_down: 'Chuyển về xã giải quyết theo thẩm quyền',
  filed: 'Lưu đơn',
};

export const OUTCOME_LABELS: Record<PetitionOutcome, string> = {
  right: 'Đúng',
  partly_right: 'Đúng một phần',
  wrong: 'Sai',
  answered: 'Đã trả lời',
};

export const EVENT_LABELS: Record<string, string> = {
  received: 'Tiếp nhận đơn',
  received_from_higher_level: 'Nhận đơn do cấp trên chuyển về',
  decided: 'Xử lý đơn',
  referred_down: 'Chuyển về xã giải quyết',
  extended: 'Gia hạn giải quyết',
  settled: 'Giải quyết xong',
  reported_back: 'Báo cáo kết quả lên cấp trên',
  child_settled: 'Cấp xã đã giải quyết',
  child_reported_back: 'Cấp xã đã báo cáo kết quả',
  handlers_assigned: 'Giao người xử lý',
  attachment_added: 'Đính kèm tài liệu',
};

export type PetitionStatusCode = 'new' | 'settling' | 'reporting' | 'settled' | 'guided' | 'transferred' | 'referred_down' | 'not_accepted' | 'filed';

const STATUS_LABELS: Record<PetitionStatusCode, string> = {
  new: 'Chờ xử lý',
  settling: 'Đang giải quyết',
  reporting: 'Chờ báo cáo cấp trên',
  settled: 'Đã giải quyết',
  guided: 'Đã hướng dẫn',
  transferred: 'Đã chuyển đơn',
  referred_down: 'Đã chuyển về xã',
  not_accepted: 'Không thụ lý',
  filed: 'Lưu đơn',
};

type StatusColumns = Pick<PetitionRow, 'handling' | 'settled_on' | 'report_due_on' | 'reported_back_on'>;

export function statusOf(row: StatusColumns): { code: PetitionStatusCode; label: string } {
  const code: PetitionStatusCode =
    row.handling === null
      ? 'new'
      : row.handling !== 'accepted'
        ? row.handling
        : row.settled_on === null
          ? 'settling'
          : row.report_due_on !== null && row.reported_back_on === null
            ? 'reporting'
            : 'settled';
  return { code, label: STATUS_LABELS[code] };
}

const UNIT_WORDS = { calendar_days: 'ngày', working_days: 'ngày làm việc', times: 'lần' } as const;

function basisOf(rule: LegalPeriodRule | null, extensionDays: number): string {
  if (!rule) return '';
  const extension = extensionDays > 0 ? ` (đã gia hạn thêm ${extensionDays} ngày)` : '';
  return `${rule.amount} ${UNIT_WORDS[rule.unit]}${extension} — ${rule.basis}`;
}

type ClockColumns = Pick<
  PetitionRow,
  | 'type'
  | 'received_on'
  | 'processing_due_on'
  | 'decided_on'
  | 'accepted_on'
  | 'settlement_due_on'
  | 'settled_on'
  | 'report_due_on'
  | 'reported_back_on'
  | 'complaint_round'
  | 'complex'
  | 'remote_area'
  | 'verified_at_several_places'
  | 'extensions_used'
>;

/** Which rule timed each stage: for the "why this deadline" line. */
function ruleCodeOf(row: ClockColumns, stage: PetitionStage): LegalPeriodCode {
  if (stage === 'report_back') return 'over_level.report_back';
  if (stage === 'processing') {
    if (row.type === 'khieu_nai') return 'complaint.acceptance';
    if (row.type === 'to_cao') return row.verified_at_several_places ? 'denunciation.screening_several_places' : 'denunciation.screening';
    return 'petition.answer';
  }
  if (row.type === 'to_cao') return 'denunciation.settlement';
  const variant = row.remote_area ? (row.complex ? 'remote_complex' : 'remote') : row.complex ? 'complex' : 'normal';
  return `complaint.${row.complaint_round === 2 ? 'second' : 'first'}.${variant}` as LegalPeriodCode;
}

/**
 * The clocks from the deadlines stored when each stage started: a stage that
 * closed keeps the deadline it ran against, whatever later changes to the
 * rules or calendar, so "đúng hạn / quá hạn" never changes after the fact.
 */
export function presentClocks(row: ClockColumns, rules: readonly LegalPeriodRule[], asOf: string) {
  const stages: { stage: PetitionStage; startedOn: string; dueOn: string; closedOn: string | null }[] = [
    { stage: 'processing', startedOn: row.received_on, dueOn: row.processing_due_on, closedOn: row.decided_on },
  ];
  if (row.accepted_on && row.settlement_due_on)
    stages.push({ stage: 'settlement', startedOn: row.accepted_on, dueOn: row.settlement_due_on, closedOn: row.settled_on });
  if (row.settled_on && row.report_due_on)
    stages.push({ stage: 'report_back', startedOn: row.settled_on, dueOn: row.report_due_on, closedOn: row.reported_back_on });
  return stages.map((stage) => {
    const reading = readClock(stage, asOf);
    let rule: LegalPeriodRule | null = null;
    try {
      rule = ruleInForce(rules, ruleCodeOf(row, stage.stage), stage.startedOn);
    } catch {
      rule = null;
    }
    const extensionDays = stage.stage === 'settlement' && row.type === 'to_cao' && rule ? extensionDaysOf(rules, row) : 0;
    return {
      ...stage,
      label: PETITION_STAGE_LABELS[stage.stage].vi,
      state: reading.state,
      days: reading.days,
      text: clockText(reading),
      basis: basisOf(rule, extensionDays),
    };
  });
}

function extensionDaysOf(rules: readonly LegalPeriodRule[], row: ClockColumns): number {
  if (row.extensions_used === 0 || !row.accepted_on) return 0;
  try {
    return row.extensions_used * ruleInForce(rules, 'denunciation.extension', row.accepted_on).amount;
  } catch {
    return 0;
  }
}

/** The clock a list shows: the one running, else the last one. */
export function currentClock(clocks: ReturnType<typeof presentClocks>) {
  return clocks.find((clock) => clock.closedOn === null) ?? clocks.at(-1) ?? null;
}

const SECRET_DENOUNCER = 'Người tố cáo (giữ bí mật)';

/** Who a list shows as the petitioner: a denouncer only to those handling the case (Law on Denunciations 2018, art. 47–48). */
export function petitionerLabel(row: Pick<PetitionRow, 'type' | 'anonymous' | 'first_petitioner' | 'petitioner_count' | 'identity_visible'>): string {
  if (row.anonymous || row.petitioner_count === 0) return 'Đơn không ghi tên';
  if (row.type === 'to_cao' && !row.identity_visible) return SECRET_DENOUNCER;
  const others = row.petitioner_count - 1;
  return others > 0 ? `${row.first_petitioner} và ${others} người khác` : (row.first_petitioner ?? '');
}

/**
 * A petitioner as the caller may see them: for a denunciation, nothing unless
 * the caller handles the case; for other petitions the name, and the address,
 * phone and identity number to handlers and to users with the personal-data
 * right (the same masking as cadres' sensitive data).
 */
export function presentPetitioner(
  petitioner: Pick<PetitionPetitionerTable, 'full_name' | 'address' | 'phone' | 'personal_id' | 'representative'>,
  access: { type: string; identityVisible: boolean; personalDataVisible: boolean },
) {
  if (access.type === 'to_cao' && !access.identityVisible) {
    return { fullName: SECRET_DENOUNCER, address: null, phone: null, personalId: null, representative: petitioner.representative };
  }
  const contact = access.identityVisible || access.personalDataVisible;
  return {
    fullName: petitioner.full_name,
    address: contact ? petitioner.address : null,
    phone: contact ? petitioner.phone : null,
    personalId: contact ? petitioner.personal_id : null,
    representative: petitioner.representative,
  };
}

export function typeLabel(type: keyof typeof PETITION_TYPE_LABELS) {
  return { code: type, label: PETITION_TYPE_LABELS[type].vi };
}

export function complexityLabel(complexity: keyof typeof DENUNCIATION_COMPLEXITY_LABELS) {
  return { code: complexity, label: DENUNCIATION_COMPLEXITY_LABELS[complexity].vi };
}
