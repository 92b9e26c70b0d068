import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Officials work on Vietnam time whatever the browser's clock is set to. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DATE_DISPLAY_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_DISPLAY_FORMAT = 'HH:mm DD/MM/YYYY';
/** How the API writes calendar dates. */
export const API_DATE_FORMAT = 'YYYY-MM-DD';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `'2025-07-01'` or an ISO timestamp → `01/07/2025`. A calendar date is taken
 * as written (no time zone shift could move it); a timestamp counts in Vietnam time.
 */
export function formatDate(value: string): string {
  const date = CALENDAR_DATE.test(value) ? dayjs(value) : dayjs(value).tz(VIETNAM_TIME_ZONE);
  return date.format(DATE_DISPLAY_FORMAT);
}

/** ISO timestamp → `14:05 01/07/2025` in Vietnam time. */
export function formatDateTime(isoTimestamp: string): string {
  return dayjs(isoTimestamp).tz(VIETNAM_TIME_ZONE).format(DATE_TIME_DISPLAY_FORMAT);
}

export function todayInVietnam(): string {
  return dayjs().tz(VIETNAM_TIME_ZONE).format(API_DATE_FORMAT);
}

export function toApiDate(date: Dayjs): string {
  return date.format(API_DATE_FORMAT);
}

export function fromApiDate(value: string): Dayjs {
  return dayjs(value);
}
