import { addDays, compareIsoDates, formatVietnameseDate } from '../../core/dates.js';

/** One period in which a person held a post (the same title), as the planner needs it. */
export interface HeldPeriod {
  id: string;
  unitId: string;
  startDate: string;
  endDate: string | null;
}

export type NewPeriodPlan =
  /** The very period is already recorded (same unit, same start): nothing to add. */
  | { kind: 'same'; existing: HeldPeriod }
  | { kind: 'overlap'; conflicting: HeldPeriod }
  /** Add the period ending at `endDate`; `close`, if any, is the person's open period of this title, ended the day before. */
  | { kind: 'new'; endDate: string | null; close: { period: HeldPeriod; endDate: string } | null };

const covers = (period: HeldPeriod, date: string) =>
  compareIsoDates(period.startDate, date) <= 0 && (period.endDate === null || compareIsoDates(date, period.endDate) <= 0);

/**
 * Where a new period of a title fits among the person's periods of that same
 * title. History is never overwritten: starting the title again (re-election,
 * a move to another commune) ends the open period the day before; a period
 * inserted before a later one ends the day before that one starts; a start
 * inside a closed period is a conflict the user must resolve.
 */
export function planNewPeriod(sameTitle: readonly HeldPeriod[], unitId: string, startDate: string, endDate: string | null): NewPeriodPlan {
  const same = sameTitle.find((p) => p.unitId === unitId && p.startDate === startDate);
  if (same) return { kind: 'same', existing: same };

  const open = sameTitle.find((p) => p.endDate === null && compareIsoDates(p.startDate, startDate) < 0);
  const clash = sameTitle.find((p) => p !== open && covers(p, startDate));
  if (clash) return { kind: 'overlap', conflicting: clash };

  const later = sameTitle.filter((p) => compareIsoDates(p.startDate, startDate) > 0).sort((a, b) => compareIsoDates(a.startDate, b.startDate))[0];
  let end = endDate;
  if (later) {
    const dayBeforeLater = addDays(later.startDate, -1);
    if (end === null) end = dayBeforeLater;
    else if (compareIsoDates(end, dayBeforeLater) > 0) return { kind: 'overlap', conflicting: later };
  }
  return { kind: 'new', endDate: end, close: open ? { period: open, endDate: addDays(startDate, -1) } : null };
}

/** The periods among `others` that share at least a day with [startDate, endDate]. */
export function overlappingPeriods(others: readonly HeldPeriod[], startDate: string, endDate: string | null): HeldPeriod[] {
  return others.filter(
    (p) => (p.endDate === null || compareIsoDates(startDate, p.endDate) <= 0) && (endDate === null || compareIsoDates(p.startDate, endDate) <= 0),
  );
}

export function describePeriod(period: Pick<HeldPeriod, 'startDate' | 'endDate'>): string {
  const from = formatVietnameseDate(period.startDate);
  return period.endDate ? `từ ${from} đến ${formatVietnameseDate(period.endDate)}` : `từ ${from} đến nay`;
}

/** A unit's own period: posts in it can be held only while it exists. */
export interface UnitPeriod {
  validFrom: string | null;
  validTo: string | null;
}

export function unitExistsOn(unit: UnitPeriod, date: string): boolean {
  return (unit.validFrom === null || compareIsoDates(unit.validFrom, date) <= 0) && (unit.validTo === null || compareIsoDates(date, unit.validTo) <= 0);
}

/** An open or longer period ends, at the latest, on the last day of its unit (a commune merged away). */
export function endWithinUnit(endDate: string | null, unit: UnitPeriod): string | null {
  if (unit.validTo === null) return endDate;
  return endDate === null || compareIsoDates(unit.validTo, endDate) < 0 ? unit.validTo : endDate;
}
