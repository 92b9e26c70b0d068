import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { unitDetailResponseSchema } from '../../../server/territory/territory.schema';
import { apiFetch } from '../../app/api/api-client';
import type { UnitLevel } from '../../app/api/types';

/** Shapes exactly as `src/server/territory/territory.schema.ts` returns them (the unit detail is its Zod schema itself). */

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
}

export interface DatedUnitRef extends UnitRef {
  validFrom: string | null;
  validTo: string | null;
}

export interface Unit extends DatedUnitRef {
  parentId: string | null;
  /** Ancestors below the country, e.g. "Tỉnh Bắc Giang › Huyện Yên Dũng". */
  path: string;
}

export interface UnitChild extends Unit {
  childCount: number;
}

export interface UnitChildren {
  asOf: string;
  parent: Unit | null;
  items: UnitChild[];
}

export type ChangeKind = 'established' | 'changed' | 'ended';
/** Where a change's date comes from: the list's own date (to be checked), a known resolution, its parent's, the 2025 reform, an administrator. */
export type DateSource = 'list' | 'known' | 'cascade' | 'decree' | 'admin';
export type LineageKind = 'whole' | 'part' | 'unchanged';

export type UnitDetail = z.output<typeof unitDetailResponseSchema>;
export type UnitChange = UnitDetail['changes'][number];
export type UnitVersion = UnitDetail['versions'][number];

export interface LineageLink {
  lineageId: string;
  unit: UnitRef;
  effectiveDate: string;
  kind: LineageKind;
  note: string | null;
  source: string;
  /** 1 for a direct link; higher when reached through another unit (`viaId`). */
  generation: number;
  viaId: string;
}

export interface UnitLineage {
  unit: DatedUnitRef;
  predecessors: LineageLink[];
  successors: LineageLink[];
}

export interface Tally {
  total: number;
  byLevel: { province: number; district: number; commune: number };
  byType: { level: UnitLevel; type: string; count: number }[];
}

export interface UnitCounts {
  asOf: string;
  unit: UnitRef;
  children: Tally;
  descendants: Tally;
}

export interface CurrentUnits {
  asOf: string;
  unit: DatedUnitRef;
  current: (Unit & { share: 'whole' | 'part' })[];
}

export const territoryQueryRoot = ['territory'] as const;
const FIVE_MINUTES = 5 * 60_000;

function unitPath(id: string, suffix = ''): string {
  return `/api/units/${encodeURIComponent(id)}${suffix}`;
}

/** Provinces when `parentId` is null. Used both by `useQuery` and by the tree's lazy loading. */
export function unitChildrenQuery(parentId: string | null, asOf: string) {
  return queryOptions({
    queryKey: [...territoryQueryRoot, 'children', parentId ?? 'root', asOf],
    queryFn: ({ signal }) => apiFetch<UnitChildren>('/api/units', { query: { parentId: parentId ?? undefined, asOf }, signal }),
    staleTime: FIVE_MINUTES,
  });
}

export function unitDetailQuery(id: string, asOf: string) {
  return queryOptions({
    queryKey: [...territoryQueryRoot, 'unit', id, asOf],
    queryFn: ({ signal }) => apiFetch<UnitDetail>(unitPath(id), { query: { asOf }, signal }),
    staleTime: FIVE_MINUTES,
  });
}

export function useUnitChildren(parentId: string | null, asOf: string, enabled = true) {
  return useQuery({ ...unitChildrenQuery(parentId, asOf), enabled });
}

export function useUnitDetail(id: string, asOf: string) {
  return useQuery({ ...unitDetailQuery(id, asOf), placeholderData: keepPreviousData });
}

export function useUnitLineage(id: string) {
  return useQuery({
    queryKey: [...territoryQueryRoot, 'lineage', id],
    queryFn: ({ signal }) => apiFetch<UnitLineage>(unitPath(id, '/lineage'), { signal }),
    staleTime: FIVE_MINUTES,
  });
}

export function useUnitCounts(id: string | null, asOf: string) {
  return useQuery({
    queryKey: [...territoryQueryRoot, 'counts', id, asOf],
    queryFn: ({ signal }) => apiFetch<UnitCounts>(unitPath(id ?? '', '/counts'), { query: { asOf }, signal }),
    enabled: id !== null,
    staleTime: FIVE_MINUTES,
  });
}

/** The units of today that the unit's territory now lies in. */
export function useCurrentUnits(id: string) {
  return useQuery({
    queryKey: [...territoryQueryRoot, 'current', id],
    queryFn: ({ signal }) => apiFetch<CurrentUnits>(unitPath(id, '/current'), { signal }),
    staleTime: FIVE_MINUTES,
  });
}

export interface ChangeDateCorrection {
  effectiveDate: string;
  basis: string;
}

/** Moves a change (and the changes that depend on it) to the date a resolution gives; administrators only. */
export function useCorrectChangeDate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, correction }: { id: string; correction: ChangeDateCorrection }) =>
      apiFetch<{ items: UnitChange[] }>(`/api/territory/changes/${encodeURIComponent(id)}`, { method: 'PATCH', body: correction }),
    // A new date changes which units exist on which day, so every territory answer may be stale.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: territoryQueryRoot }),
  });
}
