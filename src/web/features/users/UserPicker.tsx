import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../app/hooks/useDebouncedValue';
import { useT } from '../../app/i18n';
import { fetchUsers } from './users.api';

/** A chosen user with the name to show for it, so a filter restored from the URL still reads as a name. */
export interface UserChoice {
  id: string;
  name: string;
}

const SEARCH_DELAY_MS = 300;
const SEARCH_PAGE_SIZE = 20;

/** Finds an account by username or full name (administrators only, like the user list it searches). */
export function UserPicker({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: UserChoice;
  onChange?: (choice: UserChoice | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  const t = useT();
  const [searchText, setSearchText] = useState('');
  const debouncedText = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);
  const search = useQuery({
    queryKey: ['users', 'picker', debouncedText],
    queryFn: ({ signal }) => fetchUsers({ q: debouncedText, page: 1, pageSize: SEARCH_PAGE_SIZE }, signal),
    enabled: debouncedText.length > 0,
  });

  const found = (search.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.fullName} (${user.username})` }));
  const options = value && !found.some((option) => option.value === value.id) ? [{ value: value.id, label: value.name }, ...found] : found;

  return (
    <Select<{ value: string; label: string }>
      id={id}
      labelInValue
      value={value ? { value: value.id, label: value.name } : undefined}
      onChange={(selected) => onChange?.(selected ? { id: selected.value, name: selected.label } : undefined)}
      options={options}
      showSearch={{ onSearch: setSearchText, filterOption: false }}
      notFoundContent={search.isFetching ? <Spin size="small" /> : debouncedText ? t('common.noResults') : t('users.picker.typeToSearch')}
      placeholder={placeholder}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
