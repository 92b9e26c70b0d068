import { describe, expect, it } from 'vitest';
import { isDisadvantagedArea } from './commune-profile.js';

describe('isDisadvantagedArea (Nghị định 33/2023/NĐ-CP, Điều 8)', () => {
  it('relaxes the standards for mountain, border, island and ethnic-minority communes', () => {
    expect(isDisadvantagedArea(['mien_nui'])).toBe(true);
    expect(isDisadvantagedArea(['bien_gioi', 'dan_toc'])).toBe(true);
    expect(isDisadvantagedArea(['hai_dao'])).toBe(true);
  });

  it('keeps the plains standard for a plains commune, and for one not classified yet', () => {
    expect(isDisadvantagedArea(['dong_bang'])).toBe(false);
    expect(isDisadvantagedArea(['dong_bang', 'dac_biet_kho_khan'])).toBe(false);
    expect(isDisadvantagedArea([])).toBe(false);
  });
});
