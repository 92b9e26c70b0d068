import type { Language } from '../../app/i18n';

/** The figures the sentence is made of, as the server's summary gives them. */
export interface SentenceFigures {
  scope: 'key' | 'all';
  totalPeople: number;
  meeting: number;
  meetingShare: number | null;
  universityOrHigher: number;
  postgraduate: number;
  advancedPoliticalTheory: number;
}

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const countFormats = new Map<Language, Intl.NumberFormat>();
const shareFormats = new Map<Language, Intl.NumberFormat>();

function cached(formats: Map<Language, Intl.NumberFormat>, language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    formats.set(language, format);
  }
  return format;
}

/** 1219 → "1.219" in Vietnamese, "1,219" in English. */
export function formatCount(value: number, language: Language): string {
  return cached(countFormats, language, { maximumFractionDigits: 0 }).format(value);
}

/** 0.99425 → "99,4%" in Vietnamese, "99.4%" in English; "—" where there is nobody to count. */
export function formatShare(share: number | null, language: Language): string {
  if (share === null) return '—';
  return cached(shareFormats, language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The clauses kept (`false` marks one left out) joined as the press joins them, with "; ". */
function sentence(clauses: (string | false)[]): string {
  return `${clauses.filter((clause): clause is string => clause !== false).join('; ')}.`;
}

/**
 * The figures written as the provincial press writes them: "1.219 cán bộ chủ
 * chốt, 1.212 người có trình độ từ đại học trở lên (99,4%)…". Only words and
 * number formatting are added here; every figure is the server's. A count of
 * zero is not written ("0 người có trình độ sau đại học" says nothing), except
 * for those meeting the standard: "0/12 người đạt chuẩn" is the finding itself.
 */
export function describeFigures(figures: SentenceFigures, language: Language): string {
  const n = (value: number) => formatCount(value, language);
  const pct = (part: number) => formatShare(shareOf(part, figures.totalPeople), language);
  const meetingShare = formatShare(figures.meetingShare, language);
  const { universityOrHigher, postgraduate, advancedPoliticalTheory } = figures;
  if (language === 'vi') {
    const people = figures.scope === 'key' ? 'cán bộ chủ chốt' : 'cán bộ';
    if (figures.totalPeople === 0) return `Chưa có ${people} nào giữ chức vụ vào ngày này.`;
    const postgraduateClause = postgraduate > 0 ? `, trong đó ${n(postgraduate)} người có trình độ sau đại học` : '';
    const universityClause =
      universityOrHigher > 0 ? `, ${n(universityOrHigher)} người có trình độ từ đại học trở lên (${pct(universityOrHigher)})${postgraduateClause}` : '';
    return sentence([
      `${n(figures.totalPeople)} ${people}${universityClause}`,
      advancedPoliticalTheory > 0 && `${n(advancedPoliticalTheory)} người có trình độ cao cấp, cử nhân lý luận chính trị`,
      `${n(figures.meeting)}/${n(figures.totalPeople)} người (${meetingShare}) đạt chuẩn chức danh`,
    ]);
  }
  const people = figures.scope === 'key' ? 'key cadres' : 'cadres';
  if (figures.totalPeople === 0) return `No ${people} held a post on this date.`;
  const postgraduateClause = postgraduate > 0 ? `, of whom ${n(postgraduate)} postgraduate` : '';
  const universityClause =
    universityOrHigher > 0 ? `, ${n(universityOrHigher)} with a university degree or higher (${pct(universityOrHigher)})${postgraduateClause}` : '';
  return sentence([
    `${n(figures.totalPeople)} ${people}${universityClause}`,
    advancedPoliticalTheory > 0 && `${n(advancedPoliticalTheory)} with advanced or bachelor political theory`,
    `${n(figures.meeting)} of ${n(figures.totalPeople)} (${meetingShare}) meet the standard for their post`,
  ]);
}
