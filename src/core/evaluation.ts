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

/**
 * How a year is evaluated: by criteria, or on the 100-point scale with its
 * bands; the share rated excellent is capped against those rated good or
 * better; a discipline in the year forces "not completed" except the listed
 * exceptions. Dated data: the scheme in force is the latest one starting on
 * or before the year.
 */
export interface EvaluationScheme {
  fromYear: number;
  kind: 'criteria' | 'points';
  bands: ScoreBands | null;
  /** Excellent at most this share of those rated good or better. */
  excellentShareCap: number;
  /** Exceptions to "disciplined → not completed" recognised that year. */
  disciplineExceptions: readonly DisciplineException[];
  basis: string;
}

/**
 * Decree 48/2023/NĐ-CP: a discipline in the year does not force "not
 * completed" when the violation was already weighed in the previous year's
 * class, or when it does not concern the duties assigned (wording not checked
 * against the original text).
 */
export const DISCIPLINE_EXCEPTIONS = ['counted_previous_year', 'unrelated_to_duties'] as const;
export type DisciplineException = (typeof DISCIPLINE_EXCEPTIONS)[number];

export const EVALUATION_SCHEMES: readonly EvaluationScheme[] = [
  {
    fromYear: 2020,
    kind: 'criteria',
    bands: null,
    excellentShareCap: 0.2,
    disciplineExceptions: [],
    basis: 'Nghị định 90/2020/NĐ-CP; Quy định 132-QĐ/TW năm 2018',
  },
  {
    fromYear: 2023,
    kind: 'criteria',
    bands: null,
    excellentShareCap: 0.2,
    disciplineExceptions: DISCIPLINE_EXCEPTIONS,
    basis: 'Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP; Quy định 124-QĐ/TW năm 2023',
  },
  {
    fromYear: 2026,
    kind: 'points',
    bands: DECREE_335_SCORE_BANDS,
    excellentShareCap: 0.2,
    disciplineExceptions: DISCIPLINE_EXCEPTIONS,
    basis: 'Nghị định 335/2025/NĐ-CP; Quy định 366-QĐ/TW ngày 30/8/2025 (áp dụng với cán bộ cấp xã: chưa đối chiếu văn bản gốc)',
  },
];

export function schemeForYear(year: number, schemes: readonly EvaluationScheme[] = EVALUATION_SCHEMES): EvaluationScheme {
  const scheme = [...schemes].reverse().find((candidate) => candidate.fromYear <= year);
  return scheme ?? schemes[0]!;
}

/** Forms of discipline of cadres and party members (Law on Cadres and Civil Servants 2008 art. 78; Party Statute art. 35), lightest first. */
export const DISCIPLINE_FORMS = [
  { code: 'khien_trach', labelVi: 'Khiển trách', labelEn: 'Reprimand' },
  { code: 'canh_cao', labelVi: 'Cảnh cáo', labelEn: 'Warning' },
  { code: 'ha_bac_luong', labelVi: 'Hạ bậc lương', labelEn: 'Salary grade reduction' },
  { code: 'giang_chuc', labelVi: 'Giáng chức', labelEn: 'Demotion' },
  { code: 'cach_chuc', labelVi: 'Cách chức', labelEn: 'Dismissal from post' },
  { code: 'bai_nhiem', labelVi: 'Bãi nhiệm', labelEn: 'Removal from elected office' },
  { code: 'buoc_thoi_viec', labelVi: 'Buộc thôi việc', labelEn: 'Forced resignation' },
  { code: 'khai_tru', labelVi: 'Khai trừ khỏi Đảng', labelEn: 'Expulsion from the Party' },
] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number]['code'];

export function disciplineLabel(form: DisciplineForm): { vi: string; en: string } {
  const found = DISCIPLINE_FORMS.find((entry) => entry.code === form);
  if (!found) throw new RangeError(`Unknown discipline form: ${JSON.stringify(form)}`);
  return { vi: found.labelVi, en: found.labelEn };
}

export interface DisciplineInYear {
  form: DisciplineForm;
  decidedOn: string;
  decisionNumber: string | null;
  exception: DisciplineException | null;
}

export interface YearEvaluation {
  year: number;
  evaluationClass: EvaluationClass;
  points: number | null;
}

export interface EvaluationProblem {
  field: 'evaluationClass' | 'points';
  message: string;
  messageEn: string;
}

/**
 * The problems of a year's class under the scheme in force: points where the
 * scheme has none or none where it needs them, a score outside 0–100, a class
 * that is not the score's, a class above "not completed" for someone
 * disciplined in the year without a recognised exception.
 */
export function evaluationProblems(
  evaluation: YearEvaluation,
  disciplines: readonly DisciplineInYear[],
  scheme: EvaluationScheme = schemeForYear(evaluation.year),
): EvaluationProblem[] {
  const problems: EvaluationProblem[] = [];
  const forcing = disciplines.filter(
    (d) => d.decidedOn.startsWith(`${evaluation.year}-`) && !(d.exception && scheme.disciplineExceptions.includes(d.exception)),
  );
  let expected: EvaluationClass | null = null;
  if (scheme.kind === 'points') {
    if (evaluation.points === null) {
      problems.push({
        field: 'points',
        message: `Năm ${evaluation.year} đánh giá theo thang 100 điểm (${scheme.basis}); hãy nhập số điểm`,
        messageEn: `${evaluation.year} is scored on the 100-point scale; enter the points`,
      });
    } else if (!Number.isFinite(evaluation.points) || evaluation.points < 0 || evaluation.points > 100) {
      problems.push({ field: 'points', message: 'Số điểm phải từ 0 đến 100', messageEn: 'Points must be between 0 and 100' });
    } else {
      expected = classifyByScore(evaluation.points, {}, scheme.bands ?? DECREE_335_SCORE_BANDS);
    }
  } else if (evaluation.points !== null) {
    problems.push({
      field: 'points',
      message: `Năm ${evaluation.year} xếp loại theo tiêu chí, không chấm điểm (${scheme.basis})`,
      messageEn: `${evaluation.year} is classed by criteria, without points`,
    });
  }
  const discipline = forcing[0];
  if (discipline && evaluation.evaluationClass !== 'khong_hoan_thanh') {
    const label = disciplineLabel(discipline.form).vi;
    problems.push({
      field: 'evaluationClass',
      message: `Năm ${evaluation.year} người này bị kỷ luật ${label.toLocaleLowerCase('vi')}${discipline.decisionNumber ? ` (Quyết định số ${discipline.decisionNumber})` : ''} nên xếp loại Không hoàn thành nhiệm vụ (Nghị định 48/2023/NĐ-CP)`,
      messageEn: `Disciplined in ${evaluation.year} (${disciplineLabel(discipline.form).en}): the class must be "Unsatisfactory performance"`,
    });
  } else if (!discipline && expected !== null && expected !== evaluation.evaluationClass) {
    problems.push({
      field: 'evaluationClass',
      message: `${evaluation.points} điểm tương ứng mức ${evaluationLabel(expected).vi} (${scheme.basis})`,
      messageEn: `${evaluation.points} points means "${evaluationLabel(expected).en}"`,
    });
  }
  return problems;
}

/** Whether a unit's excellent ratings stay within the cap: excellent ≤ cap × those rated good or better. */
export function excellentWithinCap(
  counts: Readonly<Record<EvaluationClass, number>>,
  scheme: EvaluationScheme,
): { allowed: number; excellent: number; ok: boolean } {
  const goodOrBetter = counts.hoan_thanh_xuat_sac + counts.hoan_thanh_tot;
  const allowed = Math.floor(goodOrBetter * scheme.excellentShareCap + 1e-9);
  return { allowed, excellent: counts.hoan_thanh_xuat_sac, ok: counts.hoan_thanh_xuat_sac <= allowed };
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
