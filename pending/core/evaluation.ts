/**
 * Annual evaluation classes (Decree 90/2020/NĐ-CP as amended by Decree
 * 48/2023/NĐ-CP; Regulation 124-QĐ/TW, 2023), best first.
 */
export const EVALUATION_CLASSES = [
  { code: 'hoan_thanh_xuat_sac', labelVi: 'Hoàn thành xuất sắc nhiệm vụ', labelEn: 'Excellent performance' },
  { code: 'hoan_thanh_tot', labelVi: 'Hoàn thành tốt nhiệm vụ', labelEn: 'Good performance' },
  { code: 'hoan_thanh', labelVi: 'Hoàn thành nhiệm vụ', labelEn: 'Satisfactory performance' },
  { code: 'khong_hoan_thanh', labelVi: 'Không hoàn thành nhiệm vụ', labelEn: 'Unsatisfactory performance' },
] as const;

export type EvaluationClass = (typeof EVALUATION_CLASSES)[number]['code'];

const BY_CODE = new Map<string, { labelVi: string; labelEn: string; rank: number }>(
  EVALUATION_CLASSES.map((c, i) => [c.code, { labelVi: c.labelVi, labelEn: c.labelEn, rank: EVALUATION_CLASSES.length - i }]),
);

function infoOf(evaluation: EvaluationClass): { labelVi: string; labelEn: string; rank: number } {
  const info = BY_CODE.get(evaluation);
  if (!info) throw new RangeError(`Unknown evaluation class: ${JSON.stringify(evaluation)}`);
  return info;
}

export function isEvaluationClass(value: unknown): value is EvaluationClass {
  return typeof value === 'string' && BY_CODE.has(value);
}

export function evaluationLabel(evaluation: EvaluationClass): { vi: string; en: string } {
  const { labelVi, labelEn } = infoOf(evaluation);
  return { vi: labelVi, en: labelEn };
}

/** Positive when a is the better class. */
export function compareEvaluations(a: EvaluationClass, b: EvaluationClass): number {
  return infoOf(a).rank - infoOf(b).rank;
}

/** Decree 48/2023: anyone disciplined in the year evaluated is classed "Không hoàn thành nhiệm vụ". */
export function applyDiscipline(proposed: EvaluationClass, disciplinedInYear: boolean): EvaluationClass {
  infoOf(proposed);
  return disciplinedInYear ? 'khong_hoan_thanh' : proposed;
}

/** Lowest score of each class on the 100-point scale. */
export interface ScoreBands {
  excellentFrom: number;
  goodFrom: number;
  completedFrom: number;
}

/** Decree 335/2025/NĐ-CP: ≥ 90 excellent, 70–89 good, 50–69 completed, < 50 not completed. */
export const DECREE_335_SCORE_BANDS: Readonly<ScoreBands> = { excellentFrom: 90, goodFrom: 70, completedFrom: 50 };

/** First evaluation year scored in points under Decree 335/2025; earlier years are classed by criteria. */
export const POINT_SCORING_FROM_YEAR = 2026;

export function usesPointScoring(year: number): boolean {
  return year >= POINT_SCORING_FROM_YEAR;
}

export function classifyByScore(points: number, options: { disciplinedInYear?: boolean } = {}, bands: ScoreBands = DECREE_335_SCORE_BANDS): EvaluationClass {
  if (!Number.isFinite(points) || points < 0 || points > 100) {
    throw new RangeError(`Score must be between 0 and 100, got ${points}`);
  }
  const byScore: EvaluationClass =
    points >= bands.excellentFrom
      ? 'hoan_thanh_xuat_sac'
      : points >= bands.goodFrom
        ? 'hoan_thanh_tot'
        : points >= bands.completedFrom
          ? 'hoan_thanh'
          : 'khong_hoan_thanh';
  return applyDiscipline(byScore, options.disciplinedInYear ?? false);
}
