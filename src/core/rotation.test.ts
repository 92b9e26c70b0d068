import { describe, expect, it } from 'vitest';
import { defaultPlannedEnd, monthsServed, type RotationRule, rotationWarnings } from './rotation.js';

/** Regulation 65-QĐ/TW (2022): at least 10 years of service left (art. 5), at least 36 months in the post, no post created for the rotated cadre. */
const RULE: RotationRule = { validFrom: '2022-04-28', defaultMonths: 36, minimumMonths: 36, minimumServiceYears: 10, basis: 'Quy định 65-QĐ/TW' };

function codes(check: Partial<Parameters<typeof rotationWarnings>[0]> = {}) {
  return rotationWarnings({
    startDate: '2023-06-01',
    plannedEndDate: '2026-06-01',
    person: { sex: 'male', birthDate: '1980-03-10' },
    destinationHolders: [],
    inSuccessionPlan: true,
    rule: RULE,
    ...check,
  }).map((warning) => warning.code);
}

describe('rotation warnings', () => {
  it('are none for a man of 43 rotated for 36 months into a vacant post', () => {
    expect(codes()).toEqual([]);
  });

  it('count the service left from the start: a man born 05/1965 has 3 years 6 months left in June 2023', () => {
    // Born 05/1965: 61 years 6 months (Decree 135/2020, Appendix I, 2026) reached 20/11/2026, out of service from 01/12/2026.
    const [warning] = rotationWarnings({
      startDate: '2023-06-01',
      plannedEndDate: '2026-06-01',
      person: { sex: 'male', birthDate: '1965-05-20' },
      destinationHolders: [],
      inSuccessionPlan: true,
      rule: RULE,
    });
    expect(warning?.code).toBe('service_left_short');
    expect(warning?.message).toBe('Khi bắt đầu luân chuyển chỉ còn 3 năm 6 tháng công tác (nghỉ hưu từ 01/12/2026), dưới 10 năm');
    expect(warning?.basis).toBe('Quy định 65-QĐ/TW');
  });

  it('let a woman born 06/1975 pass with exactly 10 years left and warn a month later', () => {
    // Born 06/1975: 60 years from 2035, reached 15/06/2035, out of service from 01/07/2035.
    expect(codes({ person: { sex: 'female', birthDate: '1975-06-15' }, startDate: '2025-07-01', plannedEndDate: '2028-07-01' })).toEqual([]);
    expect(codes({ person: { sex: 'female', birthDate: '1975-06-15' }, startDate: '2025-07-02', plannedEndDate: '2028-07-02' })).toEqual([
      'service_left_short',
    ]);
  });

  it('say the service left cannot be checked without sex or birth date', () => {
    expect(codes({ person: { sex: null, birthDate: '1980-01-01' } })).toEqual(['service_left_unknown']);
  });

  it('warn when the person is not in the plan for the destination title or a higher one', () => {
    expect(codes({ inSuccessionPlan: false })).toEqual(['not_in_plan']);
  });

  it('warn under 36 months and when the destination post is held', () => {
    expect(codes({ plannedEndDate: '2026-05-31' })).toEqual(['duration_short']);
    const warnings = rotationWarnings({
      startDate: '2023-06-01',
      plannedEndDate: '2026-06-01',
      person: { sex: 'male', birthDate: '1980-03-10' },
      destinationHolders: ['Nguyễn Văn An'],
      inSuccessionPlan: true,
      rule: RULE,
    });
    expect(warnings.map((w) => w.message)).toEqual(['Chức danh nơi đến đang có người giữ (Nguyễn Văn An); không bố trí thêm chức danh cho cán bộ luân chuyển']);
  });
});

describe('rotation periods', () => {
  it('plan 36 months by default', () => {
    expect(defaultPlannedEnd('2020-06-15', RULE)).toBe('2023-06-15');
  });

  it('count months served to the end, or to the day viewed while it runs', () => {
    expect(monthsServed('2020-06-15', null, '2021-12-31')).toBe(18);
    expect(monthsServed('2020-06-15', '2023-06-14', '2026-12-08')).toBe(35);
    expect(monthsServed('2020-06-15', null, '2020-01-01')).toBe(0);
  });
});
