import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { apiFetch } from '../../app/api/api-client';
import { useDebouncedValue } from '../../app/hooks/useDebouncedValue';
import type { CadreListItem } from './cadres.api';

/** People whose names match, in the user's scope, whatever their post: for forms that name a person. */
function usePeopleSearch(text: string) {
  return useQuery({
    queryKey: ['cadres', 'pick', text],
    queryFn: ({ signal }) => apiFetch<{ items: CadreListItem[] }>('/api/cadres', { query: { q: text, status: 'all', pageSize: 20 }, signal }),
    enabled: text.trim().length > 1,
  });
}

/** A person picked by typing part of the name (diacritics optional); each option shows the birth year and the post held. */
export function PersonSelect({
  value,
  onChange,
  placeholder,
  id,
  testId,
}: {
  value?: string;
  onChange?: (id: string) => void;
  placeholder?: string;
  id?: string;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const people = usePeopleSearch(useDebouncedValue(search, 300));
  const options = (people.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${item.fullName}${item.birthDate ? ` (${item.birthDate.slice(0, 4)})` : ''}${item.posts[0] ? ` — ${item.posts[0].title.shortName}, ${item.posts[0].unit.name}` : ''}`,
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={placeholder}
      options={options}
      loading={people.isFetching}
      notFoundContent={null}
      data-testid={testId}
    />
  );
}
