import { describe, it, expect } from 'vitest';
import {
  COMPLAINT_PERIODS,
  DENUNCIATION_COMPLEXITY_LABELS,
  PETITION_TYPE_LABELS,
  complaintDeadlines,
  denunciationDeadline,
  isOverdue,
  periodEnd,
} from './petition-deadlines.js';

// 30/4 – 4/5/2025: Reunification Day, Labour Day and the swapped day 2/5, then a weekend.
const HOLIDAYS_2025 = new Set(['2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02']);

describe('petition types', () => {
  it('names the four kinds in Vietnamese and English', () => {
    expect(PETITION_TYPE_LABELS).toEqual({
      khieu_nai: { vi: 'Khiếu nại', en: 'Complaint' },
      to_cao: { vi: 'Tố cáo', en: 'Denunciation' },
      kien_nghi: { vi: 'Kiến nghị', en: 'Recommendation' },
      phan_anh: { vi: 'Phản ánh', en: 'Feedback' },
    });
    expect(DENUNCIATION_COMPLEXITY_LABELS.especially_complex.vi).toBe('Đặc biệt phức tạp');
  });
});

describe('periodEnd (Civil Code 2015 art. 147–148)', () => {
  it('does not count the starting day', () => {
    expect(periodEnd('2025-03-03', 10)).toBe('2025-03-13');
    expect(periodEnd('2025-03-03', 1)).toBe('2025-03-04');
  });

  it('moves an end falling on Saturday or Sunday to Monday', () => {
    expect(periodEnd('2025-03-13', 30)).toBe('2025-04-14'); // 12/04 is a Saturday
    expect(periodEnd('2025-03-13', 45)).toBe('2025-04-28'); // 27/04 is a Sunday
  });

  it('moves an end falling on a public holiday past the holidays and the weekend', () => {
    expect(periodEnd('2025-04-20', 10)).toBe('2025-04-30');
    expect(periodEnd('2025-04-20', 10, { holidays: HOLIDAYS_2025 })).toBe('2025-05-05');
  });

  it('counts across February in a leap year', () => {
    expect(periodEnd('2024-02-01', 30)).toBe('2024-03-04'); // 02/03/2024 is a Saturday
    expect(periodEnd('2023-02-01', 30)).toBe('2023-03-03');
  });
});

describe('complaintDeadlines (Law on Complaints 2011)', () => {
  const received = '2025-03-03';

  it('gives 10 days to accept and, once accepted, 30 days to settle', () => {
    expect(complaintDeadlines({ receivedOn: received, acceptedOn: '2025-03-13', complex: false, remoteArea: false })).toEqual({
      fileBy: null,
      filedInTime: null,
      acceptBy: '2025-03-13',
      settlementDays: 30,
      settleBy: '2025-04-14',
    });
  });

  it.each([
    [false, false, 30, '2025-04-14'],
    [true, false, 45, '2025-04-28'],
    [false, true, 45, '2025-04-28'],
    [true, true, 60, '2025-05-12'],
  ])('complex=%s, remote area=%s: %i days from acceptance, until %s', (complex, remoteArea, days, settleBy) => {
    const d = complaintDeadlines({ receivedOn: received, acceptedOn: '2025-03-13', complex, remoteArea });
    expect(d.settlementDays).toBe(days);
    expect(d.settleBy).toBe(settleBy);
  });

  it('has no settlement deadline before acceptance', () => {
    const d = complaintDeadlines({ receivedOn: received, complex: true, remoteArea: false });
    expect(d.settleBy).toBeNull();
    expect(d.settlementDays).toBe(45);
    expect(d.acceptBy).toBe('2025-03-13');
  });

  it('checks the 90-day time limit from receipt of the decision', () => {
    const base = { decisionReceivedOn: '2025-01-02', complex: false, remoteArea: false };
    expect(complaintDeadlines({ ...base, receivedOn: '2025-04-02' })).toMatchObject({ fileBy: '2025-04-02', filedInTime: true });
    expect(complaintDeadlines({ ...base, receivedOn: '2025-04-03' })).toMatchObject({ fileBy: '2025-04-02', filedInTime: false });
  });

  it('uses the holiday calendar for every period', () => {
    const d = complaintDeadlines({ receivedOn: '2025-04-20', acceptedOn: '2025-03-31', complex: false, remoteArea: false }, COMPLAINT_PERIODS, {
      holidays: HOLIDAYS_2025,
    });
    expect(d.acceptBy).toBe('2025-05-05');
    expect(d.settleBy).toBe('2025-05-05');
  });

  it('takes the periods as editable data', () => {
    const d = complaintDeadlines(
      { receivedOn: received, acceptedOn: '2025-03-13', complex: false, remoteArea: false },
      { ...COMPLAINT_PERIODS, acceptanceDays: 7, settlementDays: 20 },
    );
    expect(d.acceptBy).toBe('2025-03-10');
    expect(d.settleBy).toBe('2025-04-02');
  });
});

describe('denunciationDeadline (Law on Denunciations 2018 art. 30)', () => {
  const acceptedOn = '2025-07-01';

  it('gives 30 days from acceptance and no extension for a normal case', () => {
    expect(denunciationDeadline({ acceptedOn, complexity: 'normal', extensionsUsed: 0 })).toEqual({
      dueOn: '2025-07-31',
      maxExtensions: 0,
      latestDueOn: '2025-07-31',
    });
  });

  it('allows one extension of up to 30 days for a complex case', () => {
    expect(denunciationDeadline({ acceptedOn, complexity: 'complex', extensionsUsed: 0 })).toEqual({
      dueOn: '2025-07-31',
      maxExtensions: 1,
      latestDueOn: '2025-09-01', // 30/08 is a Saturday
    });
    expect(denunciationDeadline({ acceptedOn, complexity: 'complex', extensionsUsed: 1 }).dueOn).toBe('2025-09-01');
  });

  it('moves the extended deadline past the National Day holidays', () => {
    expect(denunciationDeadline({ acceptedOn, complexity: 'complex', extensionsUsed: 1 }, undefined, { holidays: HOLIDAYS_2025 }).dueOn).toBe('2025-09-03');
  });

  it('allows two extensions of up to 30 days each for an especially complex case', () => {
    expect(denunciationDeadline({ acceptedOn, complexity: 'especially_complex', extensionsUsed: 1 })).toEqual({
      dueOn: '2025-09-01',
      maxExtensions: 2,
      latestDueOn: '2025-09-29',
    });
    expect(denunciationDeadline({ acceptedOn, complexity: 'especially_complex', extensionsUsed: 2 }).dueOn).toBe('2025-09-29');
  });

  it('refuses more extensions than the law allows', () => {
    expect(() => denunciationDeadline({ acceptedOn, complexity: 'normal', extensionsUsed: 1 })).toThrow(RangeError);
    expect(() => denunciationDeadline({ acceptedOn, complexity: 'complex', extensionsUsed: 2 })).toThrow(RangeError);
    expect(() => denunciationDeadline({ acceptedOn, complexity: 'especially_complex', extensionsUsed: 3 })).toThrow(RangeError);
    expect(() => denunciationDeadline({ acceptedOn, complexity: 'complex', extensionsUsed: -1 })).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is not overdue on the last day itself', () => {
    expect(isOverdue('2025-07-31', '2025-07-31')).toBe(false);
    expect(isOverdue('2025-07-31', '2025-08-01')).toBe(true);
  });

  it('judges a settled petition by its settlement date, not today', () => {
    expect(isOverdue('2025-07-31', '2025-08-10', '2025-07-30')).toBe(false);
    expect(isOverdue('2025-07-31', '2025-08-10', '2025-08-02')).toBe(true);
    expect(isOverdue('2025-07-31', '2025-07-15', null)).toBe(false);
  });
});
