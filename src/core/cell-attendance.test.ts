import { describe, expect, it } from 'vitest';
import { countVisits, isValidFrequency, visitRate, visitWindow, windowStart } from './cell-attendance.js';

const monthly = { validFrom: '2021-01-01', validTo: null, frequencyMonths: 1 } as const;
const quarterly = { validFrom: '2021-01-01', validTo: null, frequencyMonths: 3 } as const;

describe('visit windows', () => {
  it('accepts only frequencies that divide the year', () => {
    expect([1, 2, 3, 4, 6, 12].every(isValidFrequency)).toBe(true);
    expect([0, 5, 7, 8, 13, 1.5].some(isValidFrequency)).toBe(false);
  });

  it('aligns quarters on January', () => {
    expect(windowStart(visitWindow('2021-05-17', 3), 3)).toBe('2021-04-01');
    expect(windowStart(visitWindow('2021-12-31', 3), 3)).toBe('2021-10-01');
    expect(windowStart(visitWindow('2021-03-31', 1), 1)).toBe('2021-03-01');
  });
});

describe('planned and made visits', () => {
  it('plans one visit a month for a monthly assignment, and counts a year of visits', () => {
    const dates = Array.from({ length: 12 }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}-05`);
    expect(countVisits(monthly, '2021-01-01', '2021-12-31', dates)).toEqual({ planned: 12, done: 12 });
  });

  it('does not plan the month still under way, unless the visit is already made', () => {
    expect(countVisits(monthly, '2021-01-01', '2021-06-15', ['2021-01-05', '2021-03-05'])).toEqual({ planned: 5, done: 2 });
    expect(countVisits(monthly, '2021-01-01', '2021-06-15', ['2021-01-05', '2021-06-05'])).toEqual({ planned: 6, done: 2 });
    // The last day of a month: that month has ended.
    expect(countVisits(monthly, '2021-01-01', '2021-06-30', [])).toEqual({ planned: 6, done: 0 });
  });

  it('counts two meetings in one month as one visit', () => {
    expect(countVisits(monthly, '2021-01-01', '2021-01-31', ['2021-01-05', '2021-01-20'])).toEqual({ planned: 1, done: 1 });
  });

  it('plans one visit a quarter for a quarterly assignment', () => {
    expect(countVisits(quarterly, '2021-01-01', '2021-12-31', ['2021-02-03', '2021-03-03', '2021-08-04'])).toEqual({ planned: 4, done: 2 });
  });

  it('plans from the first window starting after an assignment made mid-month, and up to its end', () => {
    const assignment = { validFrom: '2021-03-15', validTo: '2021-09-10', frequencyMonths: 1 };
    // April to September: the member is expected in September, assigned on its first day.
    expect(countVisits(assignment, '2021-01-01', '2021-12-31', ['2021-03-20', '2021-04-02', '2021-09-08', '2021-10-05'])).toEqual({
      planned: 6,
      done: 2,
    });
  });

  it('counts only the period asked for', () => {
    expect(countVisits(monthly, '2021-07-01', '2021-12-31', ['2021-06-05', '2021-07-05'])).toEqual({ planned: 6, done: 1 });
  });

  it('plans nothing for an assignment that starts after the day viewed', () => {
    expect(countVisits({ validFrom: '2022-01-01', validTo: null, frequencyMonths: 1 }, '2021-01-01', '2021-12-31', [])).toEqual({
      planned: 0,
      done: 0,
    });
  });

  it('rates the visits made, with no rate when none was planned', () => {
    expect(visitRate(11, 12)).toBe(91.7);
    expect(visitRate(0, 0)).toBeNull();
  });
});
