// Text from Excel sheets, Word documents and browsers arrives in NFC or NFD,
// with non-breaking or zero-width spaces copied from web pages; stored text
// and search keys must not depend on where a value was typed.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE_RUN = /\s+/g;
const COMBINING_MARKS = /\p{M}/gu;
// Besides the real đ/Đ, text converted from legacy TCVN3/VNI fonts often
// carries the look-alike Icelandic eth (ð/Ð) or African D (ɖ/Ɖ).
const D_WITH_STROKE = /[đĐðÐɖƉ]/g;
const NON_ALPHANUMERIC = /[^a-z0-9]/g;

export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Characters that change how a text is displayed without being seen (control
 * and format characters: right-to-left overrides such as U+202E) or pictures
 * (emoji): not part of a name, and a way to make one record look like another.
 */
const HIDDEN_OR_PICTOGRAPHIC = /[\p{Cc}\p{Cf}\p{Extended_Pictographic}]/u;

export function hasHiddenOrPictographic(s: string): boolean {
  return HIDDEN_OR_PICTOGRAPHIC.test(s);
}

/** Accent-insensitive search key: "Quỳnh Sơn" → "quynh son". */
export function foldVietnamese(s: string): string {
  return normalizeText(s).normalize('NFD').replace(COMBINING_MARKS, '').replace(D_WITH_STROKE, 'd').toLowerCase();
}

/** Key for matching spreadsheet headers: "Ngày sinh (dd/mm/yyyy)" → "ngaysinhddmmyyyy". */
export function foldHeader(s: string): string {
  return foldVietnamese(s).replace(NON_ALPHANUMERIC, '');
}

const DOTS_AND_APOSTROPHES = /[.'’]/g;
const SEPARATORS = /[^a-z0-9/]+/g;

/**
 * Key for recognising values typed by hand ("Th.S", "PCT-UBND", "ĐH Luật"):
 * folded, dots dropped so abbreviations stay one word, other punctuation
 * turned into single spaces. "/" is kept because "12/12" is a value.
 */
export function foldForMatching(s: string): string {
  return foldVietnamese(s).replace(DOTS_AND_APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
}

const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}

export interface VietnameseName {
  family: string;
  middle: string;
  given: string;
}

/**
 * Vietnamese names are written family – middle – given, and lists are sorted
 * by the given name (the last word). Compound family names (Tôn Thất, Âu
 * Dương) end up partly in `middle`; that does not affect sorting.
 */
export function splitVietnameseName(full: string): VietnameseName {
  const words = normalizeText(full)
    .split(' ')
    .filter((w) => w !== '');
  const given = words.pop() ?? '';
  const family = words.shift() ?? '';
  return { family, middle: words.join(' '), given };
}

/** Order of a Vietnamese name list: given name first, then the full name. */
export function compareByGivenName(a: string, b: string): number {
  return compareVietnamese(splitVietnameseName(a).given, splitVietnameseName(b).given) || compareVietnamese(normalizeText(a), normalizeText(b));
}
