import { describe, it, expect } from 'vitest';
import { DEFAULT_APPOINTMENT_AGE_RULES, checkFirstAppointmentAge, checkReElectionAge } from './appointment-age.js';

// Directive 45-CT/TW: party congresses of the new communes count age from 07/2025.
const COMMUNE_CONGRESS = '2025-07-01';

describe('defaults', () => {
  it('are one full term for a first appointment and 48 months for re-election', () => {
    expect(DEFAULT_APPOINTMENT_AGE_RULES).toEqual({ firstAppointmentMonths: 60, reElectionMonths: 48 });
  });
});

describe('checkReElectionAge', () => {
  it('rejects a man with 41 months left, saying so in Vietnamese', () => {
    // Born 11/1966: 62 years in 11/2028, retires from 01/12/2028.
    expect(checkReElectionAge({ sex: 'male', birthDate: '1966-11-20', congressDate: COMMUNE_CONGRESS })).toEqual({
      ok: false,
      monthsLeft: 41,
      required: 48,
      retiresFrom: '2028-12-01',
      message: 'Còn 41 tháng công tác đến tuổi nghỉ hưu, cần tối thiểu 48 tháng',
    });
  });

  it('accepts exactly 48 months and rejects 47', () => {
    const exactly = checkReElectionAge({ sex: 'male', birthDate: '1967-06-10', congressDate: COMMUNE_CONGRESS });
    expect(exactly).toMatchObject({ ok: true, monthsLeft: 48, retiresFrom: '2029-07-01' });
    expect(exactly.message).toBe('Còn 48 tháng công tác đến tuổi nghỉ hưu, đáp ứng yêu cầu tối thiểu 48 tháng');
    expect(checkReElectionAge({ sex: 'male', birthDate: '1967-05-31', congressDate: COMMUNE_CONGRESS })).toMatchObject({
      ok: false,
      monthsLeft: 47,
    });
  });

  it('uses the women’s appendix age: born 09/1970 retires at 57y8m, 35 months after the congress', () => {
    expect(checkReElectionAge({ sex: 'female', birthDate: '1970-09-03', congressDate: COMMUNE_CONGRESS })).toMatchObject({
      ok: false,
      monthsLeft: 35,
      retiresFrom: '2028-06-01',
    });
  });

  it('takes the month figure as a parameter', () => {
    expect(checkReElectionAge({ sex: 'female', birthDate: '1970-09-03', congressDate: COMMUNE_CONGRESS }, 30)).toMatchObject({
      ok: true,
      required: 30,
      message: 'Còn 35 tháng công tác đến tuổi nghỉ hưu, đáp ứng yêu cầu tối thiểu 30 tháng',
    });
  });
});

describe('checkFirstAppointmentAge', () => {
  it('accepts exactly one 60-month term and rejects 59 months', () => {
    // Born 30/06/1968: 62 years on 30/06/2030, retires from 01/07/2030.
    expect(checkFirstAppointmentAge({ sex: 'male', birthDate: '1968-06-30', onDate: '2025-07-01' })).toMatchObject({
      ok: true,
      monthsLeft: 60,
      required: 60,
    });
    expect(checkFirstAppointmentAge({ sex: 'male', birthDate: '1968-05-31', onDate: '2025-07-01' })).toEqual({
      ok: false,
      monthsLeft: 59,
      required: 60,
      retiresFrom: '2030-06-01',
      message: 'Còn 59 tháng công tác đến tuổi nghỉ hưu, cần tối thiểu 60 tháng',
    });
  });

  it('counts only whole months from the appointment date', () => {
    expect(checkFirstAppointmentAge({ sex: 'male', birthDate: '1968-06-30', onDate: '2025-07-15' })).toMatchObject({
      ok: false,
      monthsLeft: 59,
    });
  });

  it('counts the last, incomplete month before retirement as 0 months left', () => {
    expect(checkFirstAppointmentAge({ sex: 'female', birthDate: '1980-03-10', onDate: '2040-03-05' }, 0)).toMatchObject({
      ok: true,
      monthsLeft: 0,
      retiresFrom: '2040-04-01',
    });
  });

  it('refuses someone already past retirement age, whatever the minimum', () => {
    expect(checkFirstAppointmentAge({ sex: 'male', birthDate: '1960-01-01', onDate: '2025-07-01' }, 0)).toEqual({
      ok: false,
      monthsLeft: 0,
      required: 0,
      retiresFrom: '2020-02-01',
      message: 'Đã đến tuổi nghỉ hưu từ 01/02/2020, cần còn tối thiểu 0 tháng công tác',
    });
  });

  it('rejects a minimum that is not a whole number of months', () => {
    expect(() => checkFirstAppointmentAge({ sex: 'male', birthDate: '1980-01-01', onDate: '2025-07-01' }, -1)).toThrow(RangeError);
    expect(() => checkFirstAppointmentAge({ sex: 'male', birthDate: '1980-01-01', onDate: '2025-07-01' }, 1.5)).toThrow(RangeError);
  });
});
