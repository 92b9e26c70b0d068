/** Page and page size of a server-paginated list, as kept in the URL (`?page=2&pageSize=50`). */
export interface Paging {
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export function readPaging(searchParams: URLSearchParams): Paging {
  return {
    page: positiveInt(searchParams.get('page'), 1),
    pageSize: positiveInt(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE),
  };
}

/** Defaults are left out so that plain links stay plain. */
export function pagingEntries({ page, pageSize }: Paging): [string, string][] {
  return [
    ...(page === 1 ? [] : [['page', String(page)] as [string, string]]),
    ...(pageSize === DEFAULT_PAGE_SIZE ? [] : [['pageSize', String(pageSize)] as [string, string]]),
  ];
}

/** Changing the page size moves back to page 1, since the old page number no longer points at the same rows. */
export function nextPaging(current: Paging, page: number, pageSize: number): Paging {
  return { page: pageSize === current.pageSize ? page : 1, pageSize };
}
