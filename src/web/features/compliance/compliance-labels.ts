import { politicalTheory, professionalEducation, stateManagement, type QualificationScale } from '../../../core/qualifications';
import { AREA_CLASS_LABELS, type RuleAreaClass } from '../../../core/standards';
import { COMMUNE_TITLES, TITLE_GROUP_LABELS, type TitleGroup } from '../../../core/titles';
import type { Language } from '../../app/i18n';
import type { ComplianceStatus } from './compliance.api';

export const STATUS_COLORS: Record<ComplianceStatus, string> = { meets: 'green', does_not_meet: 'red', no_standard: 'default' };

export const SCALES = {
  professional: professionalEducation as QualificationScale<string>,
  politicalTheory: politicalTheory as QualificationScale<string>,
  stateManagement: stateManagement as QualificationScale<string>,
};

/** A level's name in the chosen language; null is "not recorded" (the caller's words). */
export function levelLabel(scale: QualificationScale<string>, code: string | null, language: Language, notRecorded: string): string {
  if (code === null || !scale.isLevel(code)) return notRecorded;
  return language === 'vi' ? scale.labelVi(code) : scale.labelEn(code);
}

export function areaClassLabel(areaClass: RuleAreaClass, language: Language): string {
  return AREA_CLASS_LABELS[areaClass][language];
}

export function titleName(code: string, language: Language): string {
  const title = COMMUNE_TITLES.find((candidate) => candidate.code === code);
  if (!title) return code;
  return language === 'vi' ? title.shortNameVi : title.nameEn;
}

export const TITLE_OPTIONS = COMMUNE_TITLES.map((title) => ({ code: title.code, nameVi: title.shortNameVi, nameEn: title.nameEn, isKey: title.isKey }));

export const TITLE_GROUPS: ('key' | TitleGroup)[] = ['key', ...(Object.keys(TITLE_GROUP_LABELS) as TitleGroup[])];

export function titleGroupLabel(group: string, language: Language, keyLabel: string): string {
  if (group === 'key') return keyLabel;
  return TITLE_GROUP_LABELS[group as TitleGroup]?.[language] ?? group;
}

/** 0.9873 → "98,7%" in Vietnamese, "98.7%" in English. */
export function percent(share: number | null, language: Language): string {
  if (share === null) return '—';
  return `${(share * 100).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`;
}

export function count(value: number, language: Language): string {
  return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
}
