import { addMonths, compareIsoDates, formatVietnameseDate, type IsoDate } from './dates.js';
import { hasHiddenOrPictographic, normalizeText } from './text.js';

/**
 * What a person's own values must look like: a full name, a phone number, a
 * term of office. One rule for the form, the import and the API, so that all
 * three accept the same values; each answer carries a code for a translated
 * message and the Vietnamese sentence the server sends.
 */

export const MAX_NAME_LENGTH = 100;

export type FullNameProblem = 'missing' | 'too_long' | 'characters' | 'one_word';

/** Why a full name (already NFC, spaces folded) cannot be a person's name, or null. */
export function fullNameProblemCode(name: string): FullNameProblem | null {
  if (name === '') return 'missing';
  if (name.length > MAX_NAME_LENGTH) return 'too_long';
  if (/[0-9@#$%^&*_=+<>{}[\]|\\/]/.test(name) || hasHiddenOrPictographic(name)) return 'characters';
  if (name.split(' ').length < 2) return 'one_word';
  return null;
}

/** The same, as the Vietnamese sentence the server and the import answer with. */
export function fullNameProblem(name: string): string | null {
  switch (fullNameProblemCode(name)) {
    case null:
      return null;
    case 'missing':
      return 'Thiếu họ và tên.';
    case 'too_long':
      return `Họ và tên dài quá ${MAX_NAME_LENGTH} ký tự.`;
    case 'characters':
      return `Họ và tên «${name}» có chữ số hoặc ký tự không phải chữ cái.`;
    case 'one_word':
      return `Họ và tên «${name}» cần có cả họ và tên.`;
  }
}

export type PhoneParseResult = { ok: true; phone: string | null; extra: boolean } | { ok: false; message: string };

/**
 * Vietnamese numbers: mobiles have 10 digits (0 + 9), landlines 11 (02xx…).
 * "+84 912 345 678" and "84912345678" become "0912345678"; a number typed into
 * Excel as a number has lost its leading 0, which is put back. When a cell holds
 * several numbers the first is kept and `extra` says so.
 */
export function parsePhone(input: string | number | null | undefined): PhoneParseResult {
  if (input === null || input === undefined) return { ok: true, phone: null, extra: false };
  const typed = normalizeText(String(input));
  if (typed === '') return { ok: true, phone: null, extra: false };
  const parts = typed
    .split(/[,;/]|\s-\s|\svà\s/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  let digits = (parts[0] ?? '').replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  else if (/^[1-9]\d{8,9}$/.test(digits)) digits = `0${digits}`;
  if (!/^0\d{9,10}$/.test(digits)) {
    return { ok: false, message: `Số điện thoại «${typed}» không hợp lệ: cần 10 chữ số (di động) hoặc 11 chữ số (cố định), bắt đầu bằng 0.` };
  }
  return { ok: true, phone: digits, extra: parts.length > 1 };
}

export type TermParseResult = { ok: true; term: string | null } | { ok: false; message: string };

/** "2020-2025", "2020 – 2025", "NK 2021-2026", "Nhiệm kỳ 2020/2025", "Khóa XX (2020 - 2025)" → '2020-2025'. */
export function parseTerm(input: string | number | null | undefined): TermParseResult {
  if (input === null || input === undefined) return { ok: true, term: null };
  const typed = normalizeText(String(input));
  if (typed === '') return { ok: true, term: null };
  const years = typed.match(/(?<!\d)\d{4}(?!\d)/g) ?? [];
  if (years.length !== 2) return { ok: false, message: `Nhiệm kỳ «${typed}» không đọc được; hãy ghi dạng 2020-2025.` };
  const from = Number(years[0]);
  const to = Number(years[1]);
  if (to <= from || to - from > 5) {
    return { ok: false, message: `Nhiệm kỳ «${typed}» không hợp lệ: năm kết thúc phải sau năm bắt đầu và nhiệm kỳ dài tối đa 5 năm.` };
  }
  return { ok: true, term: `${from}-${to}` };
}

/** Party Charter, Art. 1: a citizen joins the Party from the age of eighteen. */
export const PARTY_MEMBERSHIP_MIN_AGE = 18;

/** Why a party-joining date cannot follow this birth date, or null. */
export function partyJoiningProblem(birthDate: IsoDate | null, joinedOn: IsoDate | null): string | null {
  if (birthDate === null || joinedOn === null) return null;
  const eighteenth = addMonths(birthDate, PARTY_MEMBERSHIP_MIN_AGE * 12);
  if (compareIsoDates(joinedOn, eighteenth) >= 0) return null;
  return `Ngày vào Đảng ${formatVietnameseDate(joinedOn)} trước ngày đủ ${PARTY_MEMBERSHIP_MIN_AGE} tuổi (${formatVietnameseDate(eighteenth)}); Điều lệ Đảng quy định vào Đảng từ đủ ${PARTY_MEMBERSHIP_MIN_AGE} tuổi.`;
}
