import { describe, expect, it } from 'vitest';
import { ETHNICITIES, ethnicityByCode, isEthnicMinority, isEthnicityCode, parseEthnicity } from './ethnicities.js';

describe('danh mục 54 dân tộc', () => {
  it('has 54 groups with codes 01–54 in order and distinct names', () => {
    expect(ETHNICITIES).toHaveLength(54);
    expect(ETHNICITIES.map((e) => e.code)).toEqual(Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(ETHNICITIES.map((e) => e.nameVi)).size).toBe(54);
  });

  it('never lets one spelling name two groups', () => {
    for (const e of ETHNICITIES) {
      for (const name of [e.nameVi, ...e.aliases]) {
        const result = parseEthnicity(name);
        expect(result.ok && result.ethnicity?.code, name).toBe(e.code);
      }
    }
  });

  it('reads names as offices write them', () => {
    const code = (s: string) => {
      const r = parseEthnicity(s);
      return r.ok ? (r.ethnicity?.code ?? null) : r.message;
    };
    expect(code('Kinh')).toBe('01');
    expect(code('  dân tộc   Tày ')).toBe('02');
    expect(code("H'Mông")).toBe('08');
    expect(code('Mông')).toBe('08');
    expect(code('Ê-đê')).toBe('12');
    expect(code('ê đê'.normalize('NFD'))).toBe('12');
    expect(code('Khơ-me')).toBe('05');
    expect(code('Co')).toBe('30');
    expect(code('Cờ Lao')).toBe('47');
    expect(code('Bru Vân Kiều')).toBe('23');
    expect(code('7')).toBe('07');
    expect(code('Kinh (Việt)')).toBe('01');
    expect(code('')).toBeNull();
    expect(code('Sao Hỏa')).toContain('Không nhận ra dân tộc «Sao Hỏa»');
  });

  it('looks groups up by code', () => {
    expect(ethnicityByCode('06')?.nameVi).toBe('Mường');
    expect(isEthnicityCode('54')).toBe(true);
    expect(isEthnicityCode('55')).toBe(false);
  });
});

describe('isEthnicMinority', () => {
  it('counts every group but the Kinh, and no unknown code', () => {
    expect(isEthnicMinority('01')).toBe(false);
    expect(isEthnicMinority('02')).toBe(true);
    expect(isEthnicMinority('99')).toBe(false);
  });
});
