import { useSearchParams } from 'react-router';
import { isValidIsoDate } from '../../../core/dates';
import { isTitleCode } from '../../../core/titles';
import { todayInVietnam } from '../../app/format/dates';
import { nextPaging, pagingEntries, readPaging, type Paging } from '../../app/url/paging';
import type { CadreFilter } from './cadres.api';

const AS_OF_PARAM = 'asOf';

/** The day the list and profiles answer for, from the URL; today when absent or malformed. */
export function readAsOf(searchParams: URLSearchParams): string {
  const raw = searchParams.get(AS_OF_PARAM);
  return raw && isValidIsoDate(raw) ? raw : todayInVietnam();
}

/** A link inside the module that keeps the chosen day (today is left out so plain links stay plain). */
export function cadresPath(path: string, asOf: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (asOf !== todayInVietnam()) params.set(AS_OF_PARAM, asOf);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function profilePath(cadreId: string, asOf: string): string {
  return cadresPath(`/cadres/${encodeURIComponent(cadreId)}`, asOf);
}

export const RETIRES_WITHIN = ['12', '24', '60', 'reached'] as const;

export type ListFilter = Required<Pick<CadreFilter, 'asOf' | 'status'>> & Omit<CadreFilter, 'asOf' | 'status'>;

function readFilter(searchParams: URLSearchParams): ListFilter {
  const key = searchParams.get('key');
  const titles = (searchParams.get('title') ?? '').split(',').filter(isTitleCode);
  return {
    asOf: readAsOf(searchParams),
    status: searchParams.get('status') === 'all' ? 'all' : 'holding',
    unitId: searchParams.get('unitId') || undefined,
    q: searchParams.get('q') || undefined,
    title: titles.length > 0 ? titles : undefined,
    key: key === 'true' ? true : key === 'false' ? false : undefined,
    professionalLevel: searchParams.get('professionalLevel') || undefined,
    politicalTheoryLevel: searchParams.get('politicalTheoryLevel') || undefined,
    retiresWithin: RETIRES_WITHIN.find((choice) => choice === searchParams.get('retiresWithin')),
  };
}

function filterEntries(filter: ListFilter): [string, string][] {
  const entries: [string, string][] = [];
  const add = (name: string, value: string | undefined) => value && entries.push([name, value]);
  add('q', filter.q);
  add('unitId', filter.unitId);
  add('title', filter.title?.join(','));
  add('key', filter.key === undefined ? undefined : String(filter.key));
  add('professionalLevel', filter.professionalLevel);
  add('politicalTheoryLevel', filter.politicalTheoryLevel);
  add('retiresWithin', filter.retiresWithin);
  add('status', filter.status === 'all' ? 'all' : undefined);
  add(AS_OF_PARAM, filter.asOf === todayInVietnam() ? undefined : filter.asOf);
  return entries;
}

/** Filters, date and page live in the URL so that Back, a bookmark or a shared link show the same list. */
export function useCadreListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = readFilter(searchParams);
  const paging = readPaging(searchParams);
  function update(next: Partial<ListFilter>, nextPage: Paging = { ...paging, page: 1 }) {
    setSearchParams([...filterEntries({ ...filter, ...next }), ...pagingEntries(nextPage)]);
  }
  function changePage(page: number, pageSize: number) {
    setSearchParams([...filterEntries(filter), ...pagingEntries(nextPaging(paging, page, pageSize))]);
  }
  function clear() {
    setSearchParams(filterEntries({ asOf: filter.asOf, status: 'holding' }));
  }
  return { filter, paging, update, changePage, clear };
}

/** The profile's date, kept in the URL like the list's. */
export function useProfileAsOf(): [string, (next: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const asOf = readAsOf(searchParams);
  function setAsOf(next: string) {
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === todayInVietnam()) params.delete(AS_OF_PARAM);
        else params.set(AS_OF_PARAM, next);
        return params;
      },
      { replace: true },
    );
  }
  return [asOf, setAsOf];
}
