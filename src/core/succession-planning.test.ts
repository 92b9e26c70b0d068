import { describe, expect, it } from 'vitest';
import { isTermLabel, isYoungAt, planningProblems, planningRuleOn, structureAgainstTargets } from './succession-planning.js';

const rule = planningRuleOn('2025-10-15');

describe('planning rules by date', () => {
  it('take Regulation 377 from October 2025 and Regulation 50 before', () => {
    expect(rule.basis).toContain('377-QĐ/TW');
    expect(planningRuleOn('2023-01-01').basis).toContain('50-QĐ/TW');
    expect(rule).toMatchObject({ maxPerTitle: 3, maxTitlesPerPerson: 3, minimumServiceMonths: 60 });
  });

  it('recognise five-year terms', () => {
    expect(isTermLabel('2025-2030')).toBe(true);
    expect(isTermLabel('2025-2031')).toBe(false);
    expect(isTermLabel('2025')).toBe(false);
  });
});

describe('one full term of working time at the start of the planned term', () => {
  it('admits a man born 06/1968 for a term from 01/10/2025 and refuses one born months earlier', () => {
    // Born 15/06/1968: 62 years (from 2028) reached 15/06/2030, out of service from 01/07/2030: 57 months on 01/10/2025.
    const [problem] = planningProblems({ sex: 'male', birthDate: '1968-06-15' }, '2025-10-01', rule);
    expect(problem?.code).toBe('service_short');
    expect(problem?.message).toContain('chỉ còn 4 năm 9 tháng công tác (nghỉ hưu từ 01/07/2030)');
    // Born 15/10/1968: out of service from 01/11/2030, exactly 61 months.
    expect(planningProblems({ sex: 'male', birthDate: '1968-10-15' }, '2025-10-01', rule)).toEqual([]);
  });

  it('counts a woman’s own retirement age: born 03/1974 she serves to 2033, born 03/1970 to 2027', () => {
    expect(planningProblems({ sex: 'female', birthDate: '1974-03-10' }, '2025-10-01', rule)).toEqual([]);
    expect(planningProblems({ sex: 'female', birthDate: '1970-03-10' }, '2025-10-01', rule)[0]?.code).toBe('service_short');
  });

  it('cannot judge without sex or birth date', () => {
    expect(planningProblems({ sex: null, birthDate: null }, '2025-10-01', rule)[0]?.code).toBe('birth_unknown');
  });
});

describe('structure', () => {
  it('measures women and young cadres against the targets', () => {
    expect(isYoungAt('1991-10-02', '2025-10-01', rule)).toBe(true);
    expect(isYoungAt('1990-10-01', '2025-10-01', rule)).toBe(false);
    expect(structureAgainstTargets({ people: 8, women: 2, young: 1, ethnicMinority: 0 }, rule)).toEqual({
      womenShare: 0.25,
      youngShare: 0.125,
      ethnicMinorityShare: 0,
      womenMet: true,
      youngMet: false,
    });
  });
});
