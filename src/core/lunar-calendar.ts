import { type IsoDate, splitIsoDate } from './dates.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch), by Hồ Ngọc Đức's algorithm
 * ("Thuật toán tính âm lịch"): new moons and solar terms from Jean Meeus'
 * "Astronomical Algorithms", reckoned at UTC+7. The Chinese calendar uses
 * UTC+8 and so differs on some years: Tết 1985 fell on 21/01 in Vietnam and
 * on 20/02 in China. Tết and Giỗ Tổ Hùng Vương (10/3 âm lịch) are public
 * holidays (Labour Code 2019, art. 112), so legal deadlines depend on this.
 */

const VIETNAM_TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the epoch of the series. */
const NEW_MOON_EPOCH = 2415021.076998695;

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** The intercalary month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

function julianDayFromDate(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const gregorian = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  return gregorian < 2299161 ? day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083 : gregorian;
}

function dateFromJulianDay(julianDay: number): IsoDate {
  let b: number;
  let c: number;
  if (julianDay > 2299160) {
    const a = julianDay + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = julianDay + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Julian day (with fraction, UTC) of the k-th new moon after the epoch. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const dr = Math.PI / 180;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly * dr) + 0.0021 * Math.sin(2 * dr * sunAnomaly);
  correction += -0.4068 * Math.sin(moonAnomaly * dr) + 0.0161 * Math.sin(dr * 2 * moonAnomaly);
  correction -= 0.0004 * Math.sin(dr * 3 * moonAnomaly);
  correction += 0.0104 * Math.sin(dr * 2 * latitude) - 0.0051 * Math.sin(dr * (sunAnomaly + moonAnomaly));
  correction += -0.0074 * Math.sin(dr * (sunAnomaly - moonAnomaly)) + 0.0004 * Math.sin(dr * (2 * latitude + sunAnomaly));
  correction += -0.0004 * Math.sin(dr * (2 * latitude - sunAnomaly)) - 0.0006 * Math.sin(dr * (2 * latitude + moonAnomaly));
  correction += 0.001 * Math.sin(dr * (2 * latitude - moonAnomaly)) + 0.0005 * Math.sin(dr * (2 * moonAnomaly + sunAnomaly));
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** The local day (Julian day number at UTC+7) of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + VIETNAM_TIME_ZONE_HOURS / 24);
}

/** Which of the 12 thirty-degree sectors the sun's longitude is in at the start of the local day. */
function sunLongitudeSector(julianDayNumber: number): number {
  const t = (julianDayNumber - 0.5 - VIETNAM_TIME_ZONE_HOURS / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const dr = Math.PI / 180;
  const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let centre = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * meanAnomaly);
  centre += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * meanAnomaly) + 0.00029 * Math.sin(dr * 3 * meanAnomaly);
  let longitude = (meanLongitude + centre) * dr;
  longitude -= Math.PI * 2 * Math.floor(longitude / (Math.PI * 2));
  return Math.floor((longitude / Math.PI) * 6);
}

/** First day of the eleventh lunar month (the one holding the winter solstice) of a solar year. */
function eleventhMonthStart(year: number): number {
  const offset = julianDayFromDate(31, 12, year) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const start = newMoonDay(k);
  return sunLongitudeSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** In a year of 13 months, how many months after the eleventh month the leap month comes. */
function leapMonthOffset(eleventhMonth: number): number {
  const k = Math.floor((eleventhMonth - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunLongitudeSector(newMoonDay(k + i));
  let previous: number;
  do {
    previous = sector;
    i += 1;
    sector = sunLongitudeSector(newMoonDay(k + i));
  } while (sector !== previous && i < 14);
  return i - 1;
}

export function solarToLunar(date: IsoDate): LunarDate {
  const { year, month, day } = splitIsoDate(date);
  const dayNumber = julianDayFromDate(day, month, year);
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = eleventhMonthStart(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = eleventhMonthStart(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = eleventhMonthStart(year + 1);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let lunarMonth = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: dayNumber - monthStart + 1, leap };
}

/** The solar date of a lunar date; throws RangeError for a leap month the year does not have. */
export function lunarToSolar({ year, month, day, leap }: LunarDate): IsoDate {
  const [a11, b11] = month < 11 ? [eleventhMonthStart(year - 1), eleventhMonthStart(year)] : [eleventhMonthStart(year), eleventhMonthStart(year + 1)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  return dateFromJulianDay(newMoonDay(k + offset) + day - 1);
}

/** Mùng 1 Tết: the first day of the lunar year that begins in the given solar year. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}
