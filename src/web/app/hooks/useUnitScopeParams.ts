import { useSearchParams } from 'react-router';

export interface UnitScopeParams<Status extends string> {
  unitId: string;
  asOf: string;
  keyOnly: boolean;
  /** Set when the people of a unit above commune level are asked for (its shortfall). */
  status: Status | undefined;
  page: number;
}

/** Unit, date, scope and the drill-down list live in the URL: Back, reload and a shared link show the same figures. */
export function useUnitScopeParams<Status extends string>(defaultUnitId: string, defaultAsOf: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params: UnitScopeParams<Status> = {
    unitId: searchParams.get('unitId') ?? defaultUnitId,
    asOf: searchParams.get('asOf') ?? defaultAsOf,
    keyOnly: searchParams.get('all') !== '1',
    status: (searchParams.get('status') as Status | null) ?? undefined,
    page: Number(searchParams.get('page') ?? '1') || 1,
  };
  function update(next: Partial<UnitScopeParams<Status>>, options?: { replace: boolean }) {
    const merged = { ...params, ...next };
    const entries: [string, string][] = [
      ['unitId', merged.unitId],
      ['asOf', merged.asOf],
    ];
    if (!merged.keyOnly) entries.push(['all', '1']);
    if (merged.status) entries.push(['status', merged.status]);
    if (merged.page > 1) entries.push(['page', String(merged.page)]);
    setSearchParams(entries, options);
  }
  return [params, update] as const;
}
