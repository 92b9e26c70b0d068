import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { UnitLevel } from '../../app/api/types';

/** A unit as `/api/units/:id` gives it on a date: its name then, its parent then, and whether it existed then. */
export interface UnitOnDate {
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  validOnDate: boolean;
}

/** Units between the user's own unit and the one shown are at most three levels (province, district, commune). */
const MAX_TRAIL = 4;

/**
 * The way from the user's own unit down to the unit shown, each as it stood on
 * the date: the breadcrumb to climb back, and, last, the unit itself with its
 * dates of existence, so the page can say "did not exist then" instead of zeros.
 */
export function useUnitTrail(unitId: string, rootId: string, asOf: string, enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'trail', unitId, rootId, asOf],
    queryFn: async ({ signal }) => {
      const trail: UnitOnDate[] = [];
      let nextId: string | null = unitId;
      while (nextId !== null && trail.length < MAX_TRAIL) {
        const unit: UnitOnDate = await apiFetch<UnitOnDate>(`/api/units/${encodeURIComponent(nextId)}`, { query: { asOf }, signal });
        trail.unshift(unit);
        // The country has no page of its own: a province's trail starts with the province.
        nextId = unit.id === rootId || unit.level === 'province' ? null : unit.parentId;
      }
      return trail;
    },
    staleTime: 5 * 60_000,
    enabled,
  });
}
