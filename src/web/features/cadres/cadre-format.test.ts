import { describe, expect, it } from 'vitest';
import { apiDateOrYear, foldedSearch, formatDateOrYear, levelLabel, parseDateOrYear, titleName } from './cadre-format';

describe('dates typed in the cadre forms', () => {
  it('sends a day as YYYY-MM-DD and a year alone as YYYY', () => {
    expect(apiDateOrYear('05/09/1975', true)).toBe('1975-09-05');
    expect(apiDateOrYear('5/9/1975', true)).toBe('1975-09-05');
    expect(apiDateOrYear('1975', true)).toBe('1975');
    expect(apiDateOrYear('  ', true)).toBeNull();
  });

  it('refuses a day that is not on the calendar, in Vietnamese', () => {
    const parsed = parseDateOrYear('31/02/1980', true);
    expect(parsed).toEqual({ ok: false, message: 'Ngày «31/02/1980» không tồn tại: tháng 2/1980 chỉ có 29 ngày.' });
  });

  it('refuses a year alone where a day is needed', () => {
    expect(parseDateOrYear('2021', false).ok).toBe(false);
    expect(parseDateOrYear('01/07/2021', false)).toEqual({ ok: true, value: '2021-07-01' });
  });

  it('shows a year-only date as the year', () => {
    expect(formatDateOrYear('1975-01-01', 'year')).toBe('1975');
    expect(formatDateOrYear('1975-09-05', 'day')).toBe('05/09/1975');
    expect(formatDateOrYear(null, null)).toBeNull();
  });
});

describe('labels in the interface language', () => {
  it('names titles and levels from the catalogue', () => {
    expect(titleName('chu_tich_ubnd', 'x', 'vi')).toBe('Chủ tịch Ủy ban nhân dân');
    expect(titleName('chu_tich_ubnd', 'x', 'en')).toBe("Chair of the People's Committee");
    expect(levelLabel('professional', { code: 'dai_hoc', label: 'Đại học' }, 'en')).toBe("Bachelor's degree");
    expect(levelLabel('political_theory', { code: 'unknown', label: 'Nhãn của máy chủ' }, 'vi')).toBe('Nhãn của máy chủ');
  });

  it('finds options without accents', () => {
    expect(foldedSearch.filterOption('chu tich uy ban', { label: 'Chủ tịch Ủy ban nhân dân' })).toBe(true);
    expect(foldedSearch.filterOption('hoi nong dan', { label: 'Chủ tịch Ủy ban nhân dân' })).toBe(false);
  });
});
