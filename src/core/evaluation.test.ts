import { describe, it, expect } from 'vitest';
import {
  DECREE_335_SCORE_BANDS,
  EVALUATION_CLASSES,
  applyDiscipline,
  classifyByScore,
  compareEvaluations,
  evaluationLabel,
  isEvaluationClass,
  evaluationProblems,
  excellentWithinCap,
  schemeForYear,
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

describe('schemes by year', () => {
  it('score in points from the 2026 evaluation year, by criteria before', () => {
    expect(schemeForYear(2021).kind).toBe('criteria');
    expect(schemeForYear(2025).kind).toBe('criteria');
    expect(schemeForYear(2026)).toMatchObject({ kind: 'points', bands: { excellentFrom: 90, goodFrom: 70, completedFrom: 50 } });
    expect(schemeForYear(2030).kind).toBe('points');
    expect(schemeForYear(2019).fromYear).toBe(2020);
  });
});

describe('evaluationProblems', () => {
  const reprimand = (decidedOn: string, exception: 'counted_previous_year' | 'unrelated_to_duties' | null = null) => ({
    form: 'khien_trach' as const,
    decidedOn,
    decisionNumber: '12-QĐ/UBKT',
    exception,
  });

  it('refuses a good class for someone reprimanded in the year, naming the decision', () => {
    const problems = evaluationProblems({ year: 2024, evaluationClass: 'hoan_thanh_tot', points: null }, [reprimand('2024-05-10')]);
    expect(problems).toEqual([
      {
        field: 'evaluationClass',
        message: 'Năm 2024 người này bị kỷ luật khiển trách (Quyết định số 12-QĐ/UBKT) nên xếp loại Không hoàn thành nhiệm vụ (Nghị định 48/2023/NĐ-CP)',
        messageEn: 'Disciplined in 2024 (Reprimand): the class must be "Unsatisfactory performance"',
      },
    ]);
    expect(evaluationProblems({ year: 2024, evaluationClass: 'khong_hoan_thanh', points: null }, [reprimand('2024-05-10')])).toEqual([]);
  });

  it('counts only the year’s disciplines, and the exceptions from 2023', () => {
    expect(evaluationProblems({ year: 2025, evaluationClass: 'hoan_thanh', points: null }, [reprimand('2024-05-10')])).toEqual([]);
    expect(evaluationProblems({ year: 2024, evaluationClass: 'hoan_thanh', points: null }, [reprimand('2024-05-10', 'unrelated_to_duties')])).toEqual([]);
    // Before Decree 48/2023 no exception applied.
    expect(evaluationProblems({ year: 2022, evaluationClass: 'hoan_thanh', points: null }, [reprimand('2022-05-10', 'unrelated_to_duties')])).toHaveLength(1);
  });

  it('needs points from 2026 and the class they give: 89.5 is good, 90 excellent, 49 not completed', () => {
    expect(evaluationProblems({ year: 2026, evaluationClass: 'hoan_thanh_tot', points: null }, [])[0]?.field).toBe('points');
    expect(evaluationProblems({ year: 2026, evaluationClass: 'hoan_thanh_tot', points: 89.5 }, [])).toEqual([]);
    expect(evaluationProblems({ year: 2026, evaluationClass: 'hoan_thanh_xuat_sac', points: 90 }, [])).toEqual([]);
    expect(evaluationProblems({ year: 2026, evaluationClass: 'hoan_thanh', points: 49 }, [])[0]?.message).toContain(
      '49 điểm tương ứng mức Không hoàn thành nhiệm vụ',
    );
    expect(evaluationProblems({ year: 2026, evaluationClass: 'hoan_thanh', points: 101 }, [])[0]?.message).toBe('Số điểm phải từ 0 đến 100');
    // A disciplined person with 95 points is still not completed.
    expect(evaluationProblems({ year: 2026, evaluationClass: 'khong_hoan_thanh', points: 95 }, [reprimand('2026-02-01')])).toEqual([]);
  });

  it('refuses points before 2026', () => {
    expect(evaluationProblems({ year: 2025, evaluationClass: 'hoan_thanh', points: 60 }, [])[0]?.field).toBe('points');
  });
});

describe('excellentWithinCap', () => {
  it('allows excellent up to 20% of those rated good or better', () => {
    const scheme = schemeForYear(2024);
    expect(excellentWithinCap({ hoan_thanh_xuat_sac: 2, hoan_thanh_tot: 8, hoan_thanh: 3, khong_hoan_thanh: 0 }, scheme)).toEqual({
      allowed: 2,
      excellent: 2,
      ok: true,
    });
    expect(excellentWithinCap({ hoan_thanh_xuat_sac: 3, hoan_thanh_tot: 8, hoan_thanh: 3, khong_hoan_thanh: 0 }, scheme)).toEqual({
      allowed: 2,
      excellent: 3,
      ok: false,
    });
  });
});
