import type { Rule } from 'antd/es/form';
import { formatVietnameseDate, parseVietnameseDate } from '../../../core/dates';
import { foreignLanguage, itSkill, politicalTheory, professionalEducation, stateManagement, type QualificationScale } from '../../../core/qualifications';
import { foldVietnamese } from '../../../core/text';
import { COMMUNE_TITLES, isTitleCode, TITLE_GROUP_LABELS, titleByCode, type TitleGroup } from '../../../core/titles';
import { todayInVietnam } from '../../app/format/dates';
import type { Language, Translate } from '../../app/i18n';
import type { CodeLabel, DatePrecision, Gender, HowObtained, Post, QualificationKind, QualificationSource, StudyMode } from './cadres.api';

export const SCALE_OF_KIND: Readonly<Record<QualificationKind, QualificationScale<string>>> = {
  professional: professionalEducation,
  political_theory: politicalTheory,
  state_management: stateManagement,
  it: itSkill,
  foreign_language: foreignLanguage,
};

/** What a kind records besides its level: a major for degrees, the language of a language certificate. */
export const DETAIL_OF_KIND: Readonly<Partial<Record<QualificationKind, 'major' | 'language'>>> = { professional: 'major', foreign_language: 'language' };
/** Schooling has a mode of study (full-time, in-service…); certificates of a course do not. */
export const HAS_STUDY_MODE: ReadonlySet<QualificationKind> = new Set(['professional', 'political_theory']);

/** A level in the interface language; the server's label (Vietnamese) for a code core does not know. */
export function levelLabel(kind: QualificationKind, level: CodeLabel | null | undefined, language: Language): string | null {
  if (!level) return null;
  const scale = SCALE_OF_KIND[kind];
  if (!scale.isLevel(level.code)) return level.label;
  return language === 'en' ? scale.labelEn(level.code) : scale.labelVi(level.code);
}

export function levelOptions(kind: QualificationKind, language: Language) {
  const scale = SCALE_OF_KIND[kind];
  return scale.levels.map((level) => ({ value: level.code, label: language === 'en' ? level.labelEn : level.labelVi }));
}

export function titleName(code: string, fallback: string, language: Language, short = false): string {
  if (!isTitleCode(code)) return fallback;
  const title = titleByCode(code);
  if (language === 'en') return title.nameEn;
  return short ? title.shortNameVi : title.nameVi;
}

export function postTitle(post: Post, language: Language, short = false): string {
  return titleName(post.title.code, short ? post.title.shortName : post.title.name, language, short);
}

/** The title catalogue grouped as on official lists (Party, Council, Committee…), for selects. */
export function titleOptionGroups(language: Language) {
  const groups = new Map<TitleGroup, { value: string; label: string }[]>();
  for (const title of COMMUNE_TITLES) {
    const options = groups.get(title.group) ?? [];
    options.push({ value: title.code, label: language === 'en' ? title.nameEn : title.nameVi });
    groups.set(title.group, options);
  }
  return [...groups].map(([group, options]) => ({ label: TITLE_GROUP_LABELS[group][language], title: TITLE_GROUP_LABELS[group][language], options }));
}

/** Select search that ignores accents and case: "chu tich ubnd" finds "Chủ tịch UBND". */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    typeof option?.label === 'string' && foldVietnamese(option.label).includes(foldVietnamese(input)),
};

export function genderLabel(gender: Gender | null, t: Translate): string | null {
  return gender ? t(`cadres.gender.${gender}`) : null;
}

export function howObtainedLabel(value: HowObtained, t: Translate): string {
  return t(`cadres.howObtained.${value}`);
}

export function studyModeLabel(value: StudyMode, t: Translate): string {
  return t(`cadres.studyMode.${value}`);
}

export function sourceLabel(value: QualificationSource, t: Translate): string {
  return t(`cadres.source.${value}`);
}

export function kindLabel(kind: QualificationKind, t: Translate): string {
  return t(`cadres.kind.${kind}`);
}

/** 'dd/mm/yyyy', or the year alone when only the year is known. */
export function formatDateOrYear(date: string | null, precision: DatePrecision | null): string | null {
  if (!date) return null;
  return formatVietnameseDate(date, precision ?? 'day');
}

export function birthYear(date: string | null): string | null {
  return date ? date.slice(0, 4) : null;
}

/** "01/07/2021 – nay", "1994 – 30/06/2025". */
export function formatPeriod(post: Pick<Post, 'startDate' | 'startDatePrecision' | 'endDate'>, t: Translate): string {
  const start = formatVietnameseDate(post.startDate, post.startDatePrecision);
  return `${start} – ${post.endDate ? formatVietnameseDate(post.endDate) : t('cadres.period.now')}`;
}

/** What a date-or-year field holds when a form opens on a stored value. */
export function dateOrYearInput(date: string | null, precision: DatePrecision | null): string | undefined {
  return formatDateOrYear(date, precision) ?? undefined;
}

export type DateOrYearParse = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * A typed date as the API takes it: 'YYYY-MM-DD' for a day (05/09/1975,
 * 5/9/1975, 1975-09-05), 'YYYY' for a year alone when `allowYear`. Messages
 * come from core in Vietnamese, which is also how the server words them.
 */
export function parseDateOrYear(text: string | null | undefined, allowYear: boolean): DateOrYearParse {
  const parsed = parseVietnameseDate(text?.trim() ?? '');
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.date === null) return { ok: true, value: null };
  if (parsed.precision === 'year') return allowYear ? { ok: true, value: parsed.date.slice(0, 4) } : { ok: false, message: '' };
  return { ok: true, value: parsed.date };
}

/** Form rule for a date typed as text; `notAfterToday` for births and similar facts of the past. */
export function dateOrYearRule(t: Translate, language: Language, options: { allowYear: boolean; notAfterToday?: boolean }): Rule {
  return {
    validator: async (_rule, text: string | undefined) => {
      const parsed = parseDateOrYear(text, options.allowYear);
      if (!parsed.ok) {
        if (parsed.message && language === 'vi') throw new Error(parsed.message);
        throw new Error(options.allowYear ? t('cadres.form.dateOrYearInvalid') : t('cadres.form.dateInvalid'));
      }
      if (options.notAfterToday && parsed.value !== null) {
        const today = todayInVietnam();
        const tooLate = parsed.value.length === 4 ? parsed.value > today.slice(0, 4) : parsed.value > today;
        if (tooLate) throw new Error(t('cadres.form.dateInFuture'));
      }
    },
  };
}

/** The API value of a field validated by `dateOrYearRule`. */
export function apiDateOrYear(text: string | null | undefined, allowYear: boolean): string | null {
  const parsed = parseDateOrYear(text, allowYear);
  return parsed.ok ? parsed.value : null;
}

/** Trimmed text, null when blank: the API clears a field with null. */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
