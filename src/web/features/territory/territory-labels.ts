import type { UnitLevel } from '../../app/api/types';
import type { Translate } from '../../app/i18n';
import type { AreaFlag, WeakField } from './commune-profile.api';
import type { ChangeKind, DateSource, LineageKind } from './territory.api';
import type { PartyOrganizationKind, VillageKind } from './villages.api';

export function levelLabel(level: UnitLevel, t: Translate): string {
  return t(`unitLevel.${level}`);
}

/** Tag colours that tell the levels apart at a glance in the tree and the tables. */
export const LEVEL_COLORS: Record<UnitLevel, string> = { country: 'red', province: 'volcano', district: 'geekblue', commune: 'green' };

export function lineageKindLabel(kind: LineageKind, t: Translate): string {
  return t(`territory.lineageKind.${kind}`);
}

export const LINEAGE_KIND_COLORS: Record<LineageKind, string> = { whole: 'blue', part: 'orange', unchanged: 'default' };

export function changeKindLabel(kind: ChangeKind, t: Translate): string {
  return t(`territory.changeKind.${kind}`);
}

export function dateSourceLabel(source: DateSource, t: Translate): string {
  return t(`territory.dateSource.${source}`);
}

/** Only a date taken from the list itself is uncertain; every other source names a resolution or a person. */
export function dateNeedsChecking(source: DateSource): boolean {
  return source === 'list';
}

export const DATE_SOURCE_COLORS: Record<DateSource, string> = { list: 'orange', known: 'green', cascade: 'green', decree: 'blue', admin: 'purple' };

export function villageKindLabel(kind: VillageKind, t: Translate): string {
  return t(`territory.villageKind.${kind}`);
}

export function organizationKindLabel(kind: PartyOrganizationKind, t: Translate): string {
  return t(`territory.partyKind.${kind}`);
}

export function areaFlagLabel(flag: AreaFlag, t: Translate): string {
  return t(`territory.areaFlag.${flag}`);
}

export function weakFieldLabel(field: WeakField, t: Translate): string {
  return t(`territory.weakField.${field}`);
}
