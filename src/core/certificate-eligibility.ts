/**
 * Who may be given the certificate of a training course, under Circular
 * 01/2018/TT-BNV (Art. 20): the learner attended the whole course and passed
 * every test, scored out of 10 with 5 as the pass mark. One rule for the
 * server, which refuses to issue otherwise, and the screen, which says why
 * beforehand.
 */

export const PASS_SCORE = 5;

export type AttendanceMark = 'present' | 'absent' | 'excused';

export type Shortfall =
  | { kind: 'noSessions' }
  /** `session` counts from 1 in date order. */
  | { kind: 'attendance'; session: number; sessionId: string; date: string; status: Exclude<AttendanceMark, 'present'> | null }
  | { kind: 'score'; testId: string; test: string; score: number | null };

export interface CourseRecord {
  sessions: readonly { id: string; date: string }[];
  tests: readonly { id: string; name: string }[];
  /** The learner's mark for a session; null when none was recorded. */
  attendanceOf: (sessionId: string) => AttendanceMark | null;
  /** The learner's score in a test, out of 10; null when none was recorded. */
  scoreOf: (testId: string) => number | null;
}

/** Why the learner may not (yet) have the certificate; empty when they may. */
export function certificateShortfalls(record: CourseRecord): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  if (record.sessions.length === 0) shortfalls.push({ kind: 'noSessions' });
  record.sessions.forEach((session, index) => {
    const status = record.attendanceOf(session.id);
    if (status !== 'present') shortfalls.push({ kind: 'attendance', session: index + 1, sessionId: session.id, date: session.date, status });
  });
  for (const test of record.tests) {
    const score = record.scoreOf(test.id);
    if (score === null || score < PASS_SCORE) shortfalls.push({ kind: 'score', testId: test.id, test: test.name, score });
  }
  return shortfalls;
}
