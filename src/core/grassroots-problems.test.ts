import { describe, expect, it } from 'vitest';
import { problemDateProblems, resolutionRate } from './grassroots-problems.js';

describe('grassroots problems', () => {
  it('takes a problem registered in its year or at the end of the year before', () => {
    expect(problemDateProblems({ year: 2021, registeredOn: '2021-01-15', targetOn: '2021-06-30' })).toEqual([]);
    expect(problemDateProblems({ year: 2021, registeredOn: '2020-12-20', targetOn: '2021-06-30' })).toEqual([]);
    expect(problemDateProblems({ year: 2021, registeredOn: '2019-12-20', targetOn: '2021-06-30' }).map((problem) => problem.field)).toEqual(['registeredOn']);
  });

  it('refuses a target date before the registration, naming the date', () => {
    expect(problemDateProblems({ year: 2021, registeredOn: '2021-03-10', targetOn: '2021-03-09' })[0]?.message).toBe(
      'Thời hạn giải quyết không được trước ngày đăng ký (10/03/2021)',
    );
  });

  it('gives the share resolved with one decimal, as the article writes "hơn 94%"', () => {
    expect(resolutionRate(763, 812)).toBe(94);
    expect(resolutionRate(766, 812)).toBe(94.3);
    expect(resolutionRate(0, 0)).toBeNull();
  });
});
