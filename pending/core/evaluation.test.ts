import { describe, it, expect } from 'vitest';
import {
  DECREE_335_SCORE_BANDS,
  EVALUATION_CLASSES,
  applyDiscipline,
  classifyByScore,
  compareEvaluations,
  evaluationLabel,
  isEvaluationClass,
  usesPointScoring,
  type EvaluationClass,
} from './evaluation.js';

describe('evaluation classes', () => {
  it('are the four classes, best first', () => {
    expect(EVALUATION_CLASSES.map((c) => c.labelVi)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
  });

  it('order from best to worst', () => {
    expect(compareEvaluations('hoan_thanh_xuat_sac', 'hoan_thanh_tot')).toBeGreaterThan(0);
    expect(compareEvaluations('khong_hoan_thanh', 'hoan_thanh')).toBeLessThan(0);
    expect(compareEvaluations('hoan_thanh', 'hoan_thanh')).toBe(0);
    const classes: EvaluationClass[] = ['hoan_thanh', 'hoan_thanh_xuat_sac', 'khong_hoan_thanh', 'hoan_thanh_tot'];
    expect(classes.sort((a, b) => compareEvaluations(b, a))).toEqual(['hoan_thanh_xuat_sac', 'hoan_thanh_tot', 'hoan_thanh', 'khong_hoan_thanh']);
  });

  it('have labels in both languages', () => {
    expect(evaluationLabel('hoan_thanh_tot')).toEqual({ vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good performance' });
  });

  it('recognise their codes only', () => {
    expect(isEvaluationClass('hoan_thanh')).toBe(true);
    expect(isEvaluationClass('xuat_sac')).toBe(false);
    expect(() => evaluationLabel('xuat_sac' as EvaluationClass)).toThrow(RangeError);
  });
});

describe('classifyByScore (Decree 335/2025)', () => {
  it.each<[number, EvaluationClass]>([
    [100, 'hoan_thanh_xuat_sac'],
    [90, 'hoan_thanh_xuat_sac'],
    [89.9, 'hoan_thanh_tot'],
    [89, 'hoan_thanh_tot'],
    [70, 'hoan_thanh_tot'],
    [69.5, 'hoan_thanh'],
    [69, 'hoan_thanh'],
    [50, 'hoan_thanh'],
    [49.99, 'khong_hoan_thanh'],
    [0, 'khong_hoan_thanh'],
  ])('%d points → %s', (points, expected) => {
    expect(classifyByScore(points)).toBe(expected);
  });

  it('classes anyone disciplined in the year as not completed, whatever the score (Decree 48/2023)', () => {
    expect(classifyByScore(98, { disciplinedInYear: true })).toBe('khong_hoan_thanh');
    expect(classifyByScore(75, { disciplinedInYear: true })).toBe('khong_hoan_thanh');
    expect(classifyByScore(98, { disciplinedInYear: false })).toBe('hoan_thanh_xuat_sac');
  });

  it('rejects scores outside 0–100', () => {
    expect(() => classifyByScore(-1)).toThrow(RangeError);
    expect(() => classifyByScore(100.5)).toThrow(RangeError);
    expect(() => classifyByScore(Number.NaN)).toThrow(RangeError);
  });

  it('takes the bands as data', () => {
    expect(DECREE_335_SCORE_BANDS).toEqual({ excellentFrom: 90, goodFrom: 70, completedFrom: 50 });
    expect(classifyByScore(85, {}, { excellentFrom: 85, goodFrom: 65, completedFrom: 50 })).toBe('hoan_thanh_xuat_sac');
  });
});

describe('applyDiscipline', () => {
  it('overrides a class proposed by criteria (before 2026) when disciplined', () => {
    expect(applyDiscipline('hoan_thanh_tot', true)).toBe('khong_hoan_thanh');
    expect(applyDiscipline('hoan_thanh_tot', false)).toBe('hoan_thanh_tot');
  });
});

describe('usesPointScoring', () => {
  it('applies points from the 2026 evaluation year', () => {
    expect(usesPointScoring(2025)).toBe(false);
    expect(usesPointScoring(2026)).toBe(true);
    expect(usesPointScoring(2030)).toBe(true);
  });
});
