import type { ClassDetail, Enrolment } from './training.api';

/** Circular 01/2018/TT-BNV: every test at least 5 out of 10. */
export const PASS_SCORE = 5;

export type Shortfall =
  | { kind: 'noSessions' }
  | { kind: 'attendance'; session: number; date: string; status: 'absent' | 'excused' | null }
  | { kind: 'score'; test: string; score: number | null };

/**
 * Why a person may not yet have the certificate, in the server's order. The
 * server checks again when the certificate is issued; this is what the clerk
 * sees before trying.
 */
export function shortfallsOf(klass: Pick<ClassDetail, 'sessions' | 'tests'>, enrolment: Enrolment): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  if (klass.sessions.length === 0) shortfalls.push({ kind: 'noSessions' });
  klass.sessions.forEach((session, index) => {
    const status = enrolment.attendance.find((entry) => entry.sessionId === session.id)?.status ?? null;
    if (status !== 'present') shortfalls.push({ kind: 'attendance', session: index + 1, date: session.date, status });
  });
  for (const test of klass.tests) {
    const score = enrolment.scores.find((entry) => entry.testId === test.id)?.score ?? null;
    if (score === null || score < PASS_SCORE) shortfalls.push({ kind: 'score', test: test.name, score });
  }
  return shortfalls;
}
