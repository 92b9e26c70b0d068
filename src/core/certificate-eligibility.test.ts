import { describe, expect, it } from 'vitest';
import { type AttendanceMark, certificateShortfalls } from './certificate-eligibility.js';

const sessions = [
  { id: 's1', date: '2025-09-01' },
  { id: 's2', date: '2025-09-02' },
];
const tests = [{ id: 't1', name: 'Bài thu hoạch' }];

function learner(s1: AttendanceMark | null, s2: AttendanceMark | null, score: number | null) {
  const marks: Record<string, AttendanceMark | null> = { s1, s2 };
  return { sessions, tests, attendanceOf: (id: string) => marks[id] ?? null, scoreOf: () => score };
}

describe('certificate eligibility (Thông tư 01/2018/TT-BNV)', () => {
  it('holds with every session attended and every test at 5/10 or more', () => {
    expect(certificateShortfalls(learner('present', 'present', 5))).toEqual([]);
  });

  it('names each session missed, excused or not, and each missing or failed test', () => {
    expect(certificateShortfalls(learner('present', 'absent', 8))).toEqual([
      { kind: 'attendance', session: 2, sessionId: 's2', date: '2025-09-02', status: 'absent' },
    ]);
    expect(certificateShortfalls(learner('excused', null, 4.75))).toEqual([
      { kind: 'attendance', session: 1, sessionId: 's1', date: '2025-09-01', status: 'excused' },
      { kind: 'attendance', session: 2, sessionId: 's2', date: '2025-09-02', status: null },
      { kind: 'score', testId: 't1', test: 'Bài thu hoạch', score: 4.75 },
    ]);
    expect(certificateShortfalls(learner('present', 'present', null))).toEqual([{ kind: 'score', testId: 't1', test: 'Bài thu hoạch', score: null }]);
  });

  it('refuses a class without sessions', () => {
    expect(certificateShortfalls({ sessions: [], tests: [], attendanceOf: () => null, scoreOf: () => null })).toEqual([{ kind: 'noSessions' }]);
  });
});
