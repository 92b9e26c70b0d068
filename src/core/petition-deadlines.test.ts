import { describe, expect, it } from 'vitest';
import {
  clockText,
  type LegalPeriodRule,
  MissingLegalPeriodError,
  type PetitionClockInput,
  petitionDateProblems,
  petitionStages,
  readClock,
} from './petition-deadlines.js';
import { workCalendarOf } from './work-calendar.js';

const law = (code: LegalPeriodRule['code'], amount: number, unit: LegalPeriodRule['unit'], basis: string, validFrom = '2012-07-01'): LegalPeriodRule => ({
  code,
  amount,
  unit,
  validFrom,
  validTo: null,
  basis,
});

/** The periods of the Law on Complaints 2011, the Law on Denunciations 2018 and the Law on Citizen Reception 2013. */
const RULES: LegalPeriodRule[] = [
  law('complaint.acceptance', 10, 'calendar_days', 'Luật Khiếu nại 2011, Điều 27'),
  law('complaint.first.normal', 30, 'calendar_days', 'Luật Khiếu nại 2011, Điều 28'),
  law('complaint.first.complex', 45, 'calendar_days', 'Luật Khiếu nại 2011, Điều 28'),
  law('complaint.first.remote', 45, 'calendar_days', 'Luật Khiếu nại 2011, Điều 28'),
  law('complaint.first.remote_complex', 60, 'calendar_days', 'Luật Khiếu nại 2011, Điều 28'),
  law('complaint.second.normal', 45, 'calendar_days', 'Luật Khiếu nại 2011, Điều 37'),
  law('complaint.second.complex', 60, 'calendar_days', 'Luật Khiếu nại 2011, Điều 37'),
  law('complaint.second.remote', 60, 'calendar_days', 'Luật Khiếu nại 2011, Điều 37'),
  law('complaint.second.remote_complex', 70, 'calendar_days', 'Luật Khiếu nại 2011, Điều 37'),
  law('denunciation.screening', 7, 'working_days', 'Luật Tố cáo 2018, Điều 24', '2019-01-01'),
  law('denunciation.screening_several_places', 10, 'working_days', 'Luật Tố cáo 2018, Điều 24', '2019-01-01'),
  law('denunciation.settlement', 30, 'calendar_days', 'Luật Tố cáo 2018, Điều 30', '2019-01-01'),
  law('denunciation.extension', 30, 'calendar_days', 'Luật Tố cáo 2018, Điều 30', '2019-01-01'),
  law('denunciation.extensions.complex', 1, 'times', 'Luật Tố cáo 2018, Điều 30', '2019-01-01'),
  law('denunciation.extensions.especially_complex', 2, 'times', 'Luật Tố cáo 2018, Điều 30', '2019-01-01'),
  law('petition.answer', 10, 'working_days', 'Luật Tiếp công dân 2013, Điều 28', '2014-07-01'),
  law('over_level.report_back', 7, 'working_days', 'Luật Tiếp công dân 2013, Điều 26', '2014-07-01'),
];

/** Days off as announced: Tết Giáp Thìn 8–14/2/2024; 29/4/2024 swapped for Saturday 4/5; Tết Ất Tỵ 27–31/1/2025; 2/5/2025 swapped for Saturday 26/4. */
const CALENDAR = workCalendarOf([
  ...[
    '2024-01-01',
    '2024-02-08',
    '2024-02-09',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-04-18',
    '2024-04-29',
    '2024-04-30',
    '2024-05-01',
    '2024-09-02',
    '2024-09-03',
    '2025-01-01',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
  ].map((date) => ({ date, kind: 'day_off' as const, name: '' })),
  { date: '2024-05-04', kind: 'working_day' as const, name: '' },
  { date: '2025-04-26', kind: 'working_day' as const, name: '' },
]);

function petition(overrides: Partial<PetitionClockInput>): PetitionClockInput {
  return {
    type: 'khieu_nai',
    receivedOn: '2025-03-03',
    complaintRound: 1,
    complex: false,
    remoteArea: false,
    denunciationComplexity: 'normal',
    verifiedAtSeveralPlaces: false,
    decidedOn: null,
    acceptedOn: null,
    extensionsUsed: 0,
    settledOn: null,
    reportsBack: false,
    reportedBackOn: null,
    ...overrides,
  };
}

const due = (input: Partial<PetitionClockInput>) => petitionStages(petition(input), RULES, CALENDAR).map((stage) => `${stage.stage} ${stage.dueOn}`);

describe('complaint clocks (Law on Complaints 2011)', () => {
  it('gives 10 days to accept; a period ending in the Tết break ends on the first working day after it', () => {
    // Received Monday 20/1/2025: the tenth day is Thursday 30/1, in the break 27–31/1 → Monday 3/2.
    expect(due({ receivedOn: '2025-01-20' })).toEqual(['processing 2025-02-03']);
  });

  it('gives 60 days to settle a complex complaint in a remote area; the last day on the swapped 2/5 moves to Monday 5/5', () => {
    expect(due({ receivedOn: '2025-02-25', decidedOn: '2025-03-03', acceptedOn: '2025-03-03', complex: true, remoteArea: true })).toEqual([
      'processing 2025-03-07',
      'settlement 2025-05-05',
    ]);
  });

  it('gives a second complaint 45 days, 70 when complex in a remote area', () => {
    expect(due({ complaintRound: 2, decidedOn: '2025-03-04', acceptedOn: '2025-03-04' })[1]).toBe('settlement 2025-04-18');
    expect(due({ complaintRound: 2, decidedOn: '2025-03-04', acceptedOn: '2025-03-04', complex: true, remoteArea: true })[1]).toBe('settlement 2025-05-13');
  });
});

describe('denunciation clocks (Law on Denunciations 2018)', () => {
  it('screens within 7 working days, 10 when verified at several places, across Tết', () => {
    // Received Thursday 23/1/2025: 24/1, then 3, 4, 5, 6, 7 and 10/2.
    expect(due({ type: 'to_cao', receivedOn: '2025-01-23' })).toEqual(['processing 2025-02-10']);
    expect(due({ type: 'to_cao', receivedOn: '2025-01-23', verifiedAtSeveralPlaces: true })).toEqual(['processing 2025-02-13']);
  });

  it('adds 30 days per written extension: two for an especially complex case, ending on a Sunday → Monday', () => {
    const base = {
      type: 'to_cao' as const,
      receivedOn: '2024-11-25',
      decidedOn: '2024-12-02',
      acceptedOn: '2024-12-02',
      denunciationComplexity: 'especially_complex' as const,
    };
    expect(due({ ...base, extensionsUsed: 0 })[1]).toBe('settlement 2025-01-02');
    expect(due({ ...base, extensionsUsed: 1 })[1]).toBe('settlement 2025-02-03');
    // 2/12/2024 + 90 days = Sunday 2/3/2025 → Monday 3/3.
    expect(due({ ...base, extensionsUsed: 2 })[1]).toBe('settlement 2025-03-03');
  });

  it('refuses an extension the law does not allow, naming the field', () => {
    const base = { type: 'to_cao' as const, decidedOn: '2025-03-03', acceptedOn: '2025-03-03' };
    expect(petitionDateProblems(petition({ ...base, denunciationComplexity: 'especially_complex', extensionsUsed: 3 }), RULES)).toEqual([
      {
        field: 'extensionsUsed',
        message: 'Vụ việc tố cáo đặc biệt phức tạp được gia hạn tối đa 2 lần (Luật Tố cáo 2018, Điều 30)',
        messageEn: 'The especially complex denunciation allows at most 2 extension(s) (Law on Denunciations 2018, art. 30)',
      },
    ]);
    expect(petitionDateProblems(petition({ ...base, denunciationComplexity: 'normal', extensionsUsed: 1 }), RULES)[0]?.message).toBe(
      'Vụ việc tố cáo thông thường không được gia hạn (Luật Tố cáo 2018, Điều 30)',
    );
    expect(petitionDateProblems(petition({ ...base, denunciationComplexity: 'complex', extensionsUsed: 1 }), RULES)).toEqual([]);
  });
});

describe('over-level petitions (Law on Citizen Reception 2013, art. 26)', () => {
  it('reports the settlement back within 7 working days, counting the swapped Saturday 4/5/2024', () => {
    // Settled Thursday 25/4/2024: 26/4, 2/5, 3/5, Saturday 4/5, 6, 7, 8/5.
    const stages = due({
      type: 'kien_nghi',
      receivedOn: '2024-04-10',
      decidedOn: '2024-04-12',
      acceptedOn: '2024-04-12',
      settledOn: '2024-04-25',
      reportsBack: true,
    });
    // Answer: 10 working days from Wednesday 10/4, skipping Giỗ Tổ on 18/4 → 25/4.
    expect(stages).toEqual(['processing 2024-04-25', 'report_back 2024-05-08']);
  });
});

describe('dated rules', () => {
  it('times each stage by the version in force on the day it starts', () => {
    const amended: LegalPeriodRule[] = [
      ...RULES.map((rule) => (rule.code === 'complaint.acceptance' ? { ...rule, validTo: '2026-06-30' } : rule)),
      { code: 'complaint.acceptance', amount: 7, unit: 'working_days', validFrom: '2026-07-01', validTo: null, basis: 'Luật số 136/2025/QH15' },
    ];
    const acceptBy = (receivedOn: string) => petitionStages(petition({ receivedOn }), amended, CALENDAR)[0]?.dueOn;
    expect(acceptBy('2026-06-30')).toBe('2026-07-10');
    expect(acceptBy('2026-07-01')).toBe('2026-07-10');
    expect(acceptBy('2026-07-02')).toBe('2026-07-13');
  });

  it('says which rule is missing rather than guessing', () => {
    expect(() => petitionStages(petition({ type: 'to_cao', receivedOn: '2018-12-31' }), RULES, CALENDAR)).toThrow(MissingLegalPeriodError);
  });
});

describe('dates out of order', () => {
  it('refuses an acceptance before receipt and a settlement before acceptance', () => {
    expect(petitionDateProblems(petition({ decidedOn: '2025-03-01', acceptedOn: '2025-03-01' }), RULES).map((problem) => problem.message)).toEqual([
      'Ngày xử lý đơn không được trước ngày nhận đơn (03/03/2025)',
      'Ngày thụ lý không được trước ngày nhận đơn (03/03/2025)',
    ]);
    expect(petitionDateProblems(petition({ decidedOn: '2025-03-05', acceptedOn: '2025-03-05', settledOn: '2025-03-04' }), RULES)).toEqual([
      {
        field: 'settledOn',
        message: 'Ngày giải quyết không được trước ngày thụ lý (05/03/2025)',
        messageEn: 'The settlement date cannot be before the acceptance (2025-03-05)',
      },
    ]);
  });
});

describe('the clock a user reads', () => {
  it('counts down, then up, and freezes when the stage closes', () => {
    expect(clockText(readClock({ dueOn: '2025-03-13', closedOn: null }, '2025-03-10'))).toBe('Còn 3 ngày');
    expect(clockText(readClock({ dueOn: '2025-03-13', closedOn: null }, '2025-03-13'))).toBe('Hết hạn hôm nay');
    expect(clockText(readClock({ dueOn: '2025-03-13', closedOn: null }, '2025-03-15'))).toBe('Quá hạn 2 ngày');
    expect(clockText(readClock({ dueOn: '2025-03-13', closedOn: '2025-03-12' }, '2026-01-01'))).toBe('Đúng hạn');
    expect(clockText(readClock({ dueOn: '2025-03-13', closedOn: '2025-03-17' }, '2026-01-01'))).toBe('Trễ 4 ngày');
  });
});
