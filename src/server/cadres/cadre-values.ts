import type { DatePrecision } from '../../core/dates.js';
import { foldVietnamese, normalizeText, splitVietnameseName } from '../../core/text.js';

/** The stored forms of a name: as written (NFC), folded for search, and the given name lists sort by. */
export function nameColumns(fullName: string): { full_name: string; name_folded: string; given_name: string } {
  const full = normalizeText(fullName);
  return { full_name: full, name_folded: foldVietnamese(full), given_name: splitVietnameseName(full).given };
}

/** 'YYYY' → 1 January with precision 'year'; 'YYYY-MM-DD' → that day. */
export function dateWithPrecision(value: string): { date: string; precision: DatePrecision } {
  return value.length === 4 ? { date: `${value}-01-01`, precision: 'year' } : { date: value, precision: 'day' };
}

export function optionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}
