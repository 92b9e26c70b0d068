import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  countsResponseSchema,
  currentResponseSchema,
  lineageResponseSchema,
  listUnitsResponseSchema,
  unitDetailResponseSchema,
} from '../../../server/territory/territory.schema';
import { apiFetch } from '../../app/api/api-client';

/** Shapes as the server's schemas (src/server/territory/territory.schema.ts) give them. */

type Output<Schema extends z.ZodType> = z.output<Schema>;

export type UnitChildren = Output<typeof listUnitsResponseSchema>;
export type UnitChild = UnitChildren['items'][number];
export type Unit = Omit<UnitChild, 'childCount'>;
export type UnitRef = Pick<Unit, 'id' | 'code' | 'name' | 'type' | 'level'>;
export type UnitLineage = Output<typeof lineageResponseSchema>;
export type DatedUnitRef = UnitLineage['unit'];
export type LineageLink = UnitLineage['predecessors'][number];
export type LineageKind = LineageLink['kind'];
export type UnitDetail = Output<typeof unitDetailResponseSchema>;
export type UnitChange = UnitDetail['changes'][number];
export type UnitVersion = UnitDetail['versions'][number];
export type ChangeKind = UnitChange['kind'];
/** Where a change's date comes from: the list's own date (to be checked), a known resolution, its parent's, the 2025 reform, an administrator. */
export type DateSource = UnitChange['dateSource'];
export type UnitCounts = Output<typeof countsResponseSchema>;
export type Tally = UnitCounts['children'];
export type CurrentUnits = Output<typeof currentResponseSchema>;

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
