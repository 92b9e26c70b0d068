import { describe, expect, it } from 'vitest';
import { isValidPersonalId, maskPersonalId, parsePersonalId, personalIdMismatch } from './personal-id.js';

describe('số định danh cá nhân', () => {
  it('accepts 12 digits starting with a province code, with separators', () => {
    expect(parsePersonalId('024085001234')).toEqual({ ok: true, id: '024085001234' });
    expect(parsePersonalId(' 024 085 001 234 ')).toEqual({ ok: true, id: '024085001234' });
    expect(parsePersonalId('')).toEqual({ ok: true, id: null });
  });

  it('refuses wrong length and letters in Vietnamese', () => {
    const message = (s: string) => {
      const r = parsePersonalId(s);
      return r.ok ? null : r.message;
    };
    expect(message('02408500123')).toContain('phải có đúng 12 chữ số (đang có 11)');
    expect(message('02408500123A')).toContain('chỉ được gồm chữ số');
    expect(message('123456789012')).toBeNull();
  });

  it('checks century, sex and birth year encoded in the number', () => {
    expect(personalIdMismatch('024085001234', { gender: 'nam', birthYear: 1985 })).toBeNull();
    expect(personalIdMismatch('024185001234', { gender: 'nu', birthYear: 1985 })).toBeNull();
    expect(personalIdMismatch('024201001234', { gender: 'nam', birthYear: 2001 })).toBeNull();
    expect(personalIdMismatch('024085001234', { gender: 'nu', birthYear: 1986 })).toContain('năm sinh 1985 và giới tính Nam');
    expect(personalIdMismatch('024085001234', { gender: null, birthYear: null })).toBeNull();
    expect(personalIdMismatch('003085001234', { gender: null, birthYear: null })).toContain('3 chữ số đầu (003)');
  });

  it('masks all but the first four and last two digits', () => {
    expect(maskPersonalId('001085001212')).toBe('0010******12');
  });

  it('validates stored values', () => {
    expect(isValidPersonalId('024085001234')).toBe(true);
    expect(isValidPersonalId('024 085 001 234')).toBe(false);
  });
});
