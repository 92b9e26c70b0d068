import { describe, expect, it } from 'vitest';
import { shortfallsOf } from './certificate-eligibility';
import type { Enrolment } from './training.api';

const klass = {
  sessions: [
    { id: 's1', date: '2025-09-01', startTime: '07:30', endTime: '11:30', topic: null, instructors: [] },
    { id: 's2', date: '2025-09-02', startTime: '07:30', endTime: '11:30', topic: null, instructors: [] },
  ],
  tests: [{ id: 't1', name: 'Bài thu hoạch', heldOn: null }],
};

function person(s1: 'present' | 'absent' | 'excused' | null, s2: 'present' | 'absent' | 'excused' | null, score: number | null): Enrolment {
  return {
    cadreId: 'c',
    fullName: 'Nguyễn Văn A',
    planProposalId: null,
    attendance: [
      { sessionId: 's1', status: s1 },
      { sessionId: 's2', status: s2 },
    ],
    scores: [{ testId: 't1', score }],
  };
}

describe('certificate eligibility (Thông tư 01/2018/TT-BNV)', () => {
  it('holds with every session attended and every test at 5/10 or more', () => {
    expect(shortfallsOf(klass, person('present', 'present', 5))).toEqual([]);
  });

  it('names each session missed, excused or not, and each missing or failed test', () => {
    expect(shortfallsOf(klass, person('present', 'absent', 8))).toEqual([{ kind: 'attendance', session: 2, date: '2025-09-02', status: 'absent' }]);
    expect(shortfallsOf(klass, person('excused', null, 4.75))).toEqual([
      { kind: 'attendance', session: 1, date: '2025-09-01', status: 'excused' },
      { kind: 'attendance', session: 2, date: '2025-09-02', status: null },
      { kind: 'score', test: 'Bài thu hoạch', score: 4.75 },
    ]);
    expect(shortfallsOf(klass, person('present', 'present', null))).toEqual([{ kind: 'score', test: 'Bài thu hoạch', score: null }]);
  });

  it('refuses a class without sessions', () => {
    expect(shortfallsOf({ sessions: [], tests: [] }, person(null, null, null))).toEqual([{ kind: 'noSessions' }]);
  });
});
