import { addDays, compareIsoDates, dayOfWeek, type IsoDate } from './dates.js';
import { lunarNewYear, lunarToSolar } from './lunar-calendar.js';

/**
 * Working days of state offices and how legal periods are counted on them.
 *
 * Offices work Monday to Friday (Decision 188/1999/QĐ-TTg). A year's days off
 * are set by government notices: the public holidays of the Labour Code
 * (2019, art. 112), a weekday off for a holiday that falls on a weekend, and
 * swaps in which a weekday joins a long weekend and a Saturday is worked
 * instead. The product keeps each year's days as data; what is computed here
 * fills the years whose notice is not out yet.
 */
export interface WorkCalendar {
  /** Weekdays off: holidays, compensatory days, swapped days. */
  daysOff: ReadonlySet<IsoDate>;
  /** Saturdays or Sundays worked in exchange for a swapped day. */
  workingWeekendDays: ReadonlySet<IsoDate>;
}

export const EMPTY_WORK_CALENDAR: WorkCalendar = { daysOff: new Set(), workingWeekendDays: new Set() };

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function isWorkingDay(date: IsoDate, calendar: WorkCalendar): boolean {
  if (calendar.workingWeekendDays.has(date)) return true;
  return !isWeekend(date) && !calendar.daysOff.has(date);
}

/** The working day on or after the date. */
export function nextWorkingDay(date: IsoDate, calendar: WorkCalendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/**
 * End of a period of calendar days from an event (Civil Code 2015): the day
 * of the event is not counted (art. 147), and a period whose last day is a
 * day off ends on the next working day (art. 148).
 */
export function calendarDaysPeriodEnd(from: IsoDate, days: number, calendar: WorkCalendar): IsoDate {
  return nextWorkingDay(addDays(from, days), calendar);
}

/** End of a period of working days from an event, the day of the event not counted. */
export function workingDaysPeriodEnd(from: IsoDate, days: number, calendar: WorkCalendar): IsoDate {
  let day = from;
  for (let counted = 0; counted < days; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkCalendar): number {
  let count = 0;
  for (let day = addDays(from, 1); compareIsoDates(day, to) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

export interface CalendarDay {
  date: IsoDate;
  /** 'day_off': offices are closed; 'working_day': a weekend day worked in a swap. */
  kind: 'day_off' | 'working_day';
  name: string;
}

/**
 * The days off a year would have by the Labour Code 2019 (art. 112) alone,
 * before the government's notice: 1/1; Tết, one last day of the lunar year
 * and four first days (Decree 145/2020, art. 66: the Prime Minister may take
 * two and three instead); Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; 2/9 and
 * the weekday next to it; and for a holiday on a weekend, the next working day
 * (art. 112(3)). The notice may move days; an administrator records it.
 */
export function statutoryDaysOff(year: number): CalendarDay[] {
  const tet = lunarNewYear(year);
  const holidays: CalendarDay[] = [
    { date: `${year}-01-01`, kind: 'day_off', name: 'Tết Dương lịch' },
    { date: addDays(tet, -1), kind: 'day_off', name: 'Tết Nguyên đán' },
    ...[0, 1, 2, 3].map((offset) => ({ date: addDays(tet, offset), kind: 'day_off' as const, name: 'Tết Nguyên đán' })),
    { date: lunarToSolar({ year, month: 3, day: 10, leap: false }), kind: 'day_off', name: 'Giỗ Tổ Hùng Vương' },
    { date: `${year}-04-30`, kind: 'day_off', name: 'Ngày Chiến thắng' },
    { date: `${year}-05-01`, kind: 'day_off', name: 'Ngày Quốc tế Lao động' },
    { date: `${year}-09-02`, kind: 'day_off', name: 'Quốc khánh' },
    { date: nationalDayCompanion(year), kind: 'day_off', name: 'Quốc khánh' },
  ];
  const taken = new Set(holidays.map((holiday) => holiday.date));
  const compensations: CalendarDay[] = [];
  for (const holiday of [...holidays].sort((a, b) => compareIsoDates(a.date, b.date))) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    compensations.push({ date: day, kind: 'day_off', name: `Nghỉ bù ${holiday.name}` });
  }
  return [...holidays.filter((holiday) => !isWeekend(holiday.date)), ...compensations].sort((a, b) => compareIsoDates(a.date, b.date));
}

/** The day added to 2/9: the weekday beside it that makes the longer break (a notice fixes it each year). */
function nationalDayCompanion(year: number): IsoDate {
  const weekday = dayOfWeek(`${year}-09-02`);
  // Tuesday, Friday, Saturday: the day before joins the weekend or is a weekday; otherwise the day after.
  return weekday === 2 || weekday === 5 || weekday === 6 ? `${year}-09-01` : `${year}-09-03`;
}

export function workCalendarOf(days: readonly CalendarDay[]): WorkCalendar {
  return {
    daysOff: new Set(days.filter((day) => day.kind === 'day_off').map((day) => day.date)),
    workingWeekendDays: new Set(days.filter((day) => day.kind === 'working_day').map((day) => day.date)),
  };
}
