import { useSearchParams } from 'react-router';
import { isValidIsoDate } from '../../../core/dates';
import { formatDate, todayInVietnam } from '../../app/format/dates';
import type { Translate } from '../../app/i18n';

/** Days officials keep coming back to: the 2020–2025 term, the last lists before the reform, the reform itself. */
export const AS_OF_PRESETS = ['2023-06-01', '2025-03-01', '2025-07-01'] as const;

const AS_OF_PARAM = 'asOf';

/**
 * The day the territory is shown as of, kept in the URL (`?asOf=2023-06-01`) so
 * that links, Back and a shared address show the same state. Today is left out.
 */
export function useAsOf(): [string, (next: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const raw = searchParams.get(AS_OF_PARAM);
  const asOf = raw && isValidIsoDate(raw) ? raw : todayInVietnam();
  function setAsOf(next: string) {
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      if (next === todayInVietnam()) params.delete(AS_OF_PARAM);
      else params.set(AS_OF_PARAM, next);
      return params;
    });
  }
  return [asOf, setAsOf];
}

/** A link inside the module that keeps the chosen day. */
export function territoryPath(path: string, asOf: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (asOf !== todayInVietnam()) params.set(AS_OF_PARAM, asOf);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function unitPagePath(unitId: string, asOf: string, tab?: string): string {
  return territoryPath(`/territory/units/${encodeURIComponent(unitId)}`, asOf, tab ? { tab } : {});
}

/** "01/07/2025 – nay", "Không rõ – 30/06/2025": short, for tables. */
export function formatPeriod(validFrom: string | null, validTo: string | null, t: Translate): string {
  const from = validFrom ? formatDate(validFrom) : t('territory.period.unknownStart');
  const to = validTo ? formatDate(validTo) : t('territory.period.ongoing');
  return `${from} – ${to}`;
}

/** "Từ 01/07/2025 đến nay": a sentence, for headers. */
export function describePeriod(validFrom: string | null, validTo: string | null, t: Translate): string {
  return t('territory.period.sentence', {
    from: validFrom ? formatDate(validFrom) : t('territory.period.beforeFirstList'),
    to: validTo ? formatDate(validTo) : t('territory.period.now'),
  });
}
