import { describe, expect, it } from 'vitest';
import { fullNameProblem, fullNameProblemCode, parsePhone, parseTerm, partyJoiningProblem } from './person-values.js';

describe('giá trị của một người: họ tên, số điện thoại, nhiệm kỳ', () => {
  it('accepts Vietnamese names with family and given name, and says why others are refused', () => {
    expect(fullNameProblemCode('Hoàng Minh Thành')).toBeNull();
    expect(fullNameProblemCode('Thành')).toBe('one_word');
    expect(fullNameProblemCode('Nguyễn Văn 2')).toBe('characters');
    expect(fullNameProblemCode('')).toBe('missing');
    expect(fullNameProblemCode(`Nguyễn ${'a'.repeat(100)}`)).toBe('too_long');
    expect(fullNameProblem('Thành')).toBe('Họ và tên «Thành» cần có cả họ và tên.');
  });

  it('refuses names that hide characters or carry pictures, which make one record pass for another', () => {
    expect(fullNameProblemCode('Nguyễn Văn \u202EnĂ')).toBe('characters');
    expect(fullNameProblemCode('Nguyễn Văn An 🌟')).toBe('characters');
    expect(fullNameProblemCode('Nguyễn Văn\u0007 An')).toBe('characters');
    expect(fullNameProblemCode('Nguyễn Văn An')).toBeNull();
  });

  it('refuses a party-joining date before the eighteenth birthday (Party Charter, Art. 1)', () => {
    expect(partyJoiningProblem('1980-05-10', '1998-05-10')).toBeNull();
    expect(partyJoiningProblem('1980-05-10', '1998-05-09')).toBe(
      'Ngày vào Đảng 09/05/1998 trước ngày đủ 18 tuổi (10/05/1998); Điều lệ Đảng quy định vào Đảng từ đủ 18 tuổi.',
    );
    expect(partyJoiningProblem('1980-05-10', '1975-01-01')).not.toBeNull();
    expect(partyJoiningProblem(null, '1975-01-01')).toBeNull();
  });

  it('reads mobiles and landlines written every way offices write them, the form and the API alike', () => {
    expect(parsePhone('0912345678')).toEqual({ ok: true, phone: '0912345678', extra: false });
    expect(parsePhone('+84 912 345 678')).toEqual({ ok: true, phone: '0912345678', extra: false });
    expect(parsePhone('84912345678')).toEqual({ ok: true, phone: '0912345678', extra: false });
    expect(parsePhone(912345678)).toEqual({ ok: true, phone: '0912345678', extra: false });
    expect(parsePhone('0204.3854.123')).toEqual({ ok: true, phone: '02043854123', extra: false });
    expect(parsePhone('0912345678 - 0987654321')).toEqual({ ok: true, phone: '0912345678', extra: true });
    expect(parsePhone('12345').ok).toBe(false);
    expect(parsePhone('')).toEqual({ ok: true, phone: null, extra: false });
  });

  it('reads a term of office of at most five years', () => {
    expect(parseTerm('Khóa XX (2020 - 2025)')).toEqual({ ok: true, term: '2020-2025' });
    expect(parseTerm('NK 2021-2026')).toEqual({ ok: true, term: '2021-2026' });
    expect(parseTerm('2020-2030').ok).toBe(false);
    expect(parseTerm('2025').ok).toBe(false);
  });
});
