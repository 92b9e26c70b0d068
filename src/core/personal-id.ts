import { normalizeText } from './text.js';

/**
 * The 12-digit personal identification number (số định danh cá nhân, also
 * printed on the citizen identity card): province of birth registration (3
 * digits), century and sex (1), last two digits of the birth year (2), then a
 * random serial (6) — Decree 137/2015/NĐ-CP art. 13, Circular 59/2021/TT-BCA
 * art. 7.
 */

// Codes of the 63 provinces as they were when the numbers were issued; later
// mergers keep existing numbers valid.
const PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export type PersonalIdParseResult = { ok: true; id: string | null } | { ok: false; message: string };

/** Accepts spaces, dots and dashes between digit groups; blank → null. */
export function parsePersonalId(text: string | null | undefined): PersonalIdParseResult {
  const typed = normalizeText(text ?? '');
  if (typed === '') return { ok: true, id: null };
  const digits = typed.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits)) {
    return { ok: false, message: `Số định danh cá nhân «${typed}» chỉ được gồm chữ số.` };
  }
  if (digits.length !== 12) {
    return { ok: false, message: `Số định danh cá nhân «${typed}» phải có đúng 12 chữ số (đang có ${digits.length}).` };
  }
  return { ok: true, id: digits };
}

export function isValidPersonalId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const result = parsePersonalId(value);
  return result.ok && result.id === value;
}

/** Century and sex encoded in the fourth digit: 0/1 = 20th century male/female, 2/3 = 21st, 4/5 = 22nd… */
function centuryAndSex(id: string): { century: number; sex: 'nam' | 'nu' } {
  const digit = Number(id[3]);
  const centuryStart = digit >= 8 ? 1800 : 1900 + Math.floor(digit / 2) * 100;
  return { century: centuryStart, sex: digit % 2 === 0 ? 'nam' : 'nu' };
}

/**
 * Where the number looks wrong — a province code that does not exist, or a
 * sex or birth year other than the recorded ones — a message for the user;
 * null when consistent. Usually a typing mistake in one of them, but records
 * of old registrations hold surprises, so callers warn rather than refuse.
 */
export function personalIdMismatch(id: string, person: { gender: 'nam' | 'nu' | null; birthYear: number | null }): string | null {
  if (!PROVINCE_CODES.has(id.slice(0, 3))) {
    return `Số định danh cá nhân ${id}: 3 chữ số đầu (${id.slice(0, 3)}) không phải mã tỉnh nơi đăng ký khai sinh; hãy kiểm tra lại.`;
  }
  const encoded = centuryAndSex(id);
  const problems: string[] = [];
  if (person.birthYear !== null) {
    const year = encoded.century + Number(id.slice(4, 6));
    if (year !== person.birthYear) problems.push(`năm sinh ${year}`);
  }
  if (person.gender !== null && person.gender !== encoded.sex) problems.push(`giới tính ${encoded.sex === 'nam' ? 'Nam' : 'Nữ'}`);
  if (problems.length === 0) return null;
  return `Số định danh cá nhân ${id} mã hóa ${problems.join(' và ')}, khác với thông tin đã ghi; hãy kiểm tra lại.`;
}

/** What users without the right to sensitive data see: "0010******12". */
export function maskPersonalId(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 6))}${id.slice(-2)}`;
}
