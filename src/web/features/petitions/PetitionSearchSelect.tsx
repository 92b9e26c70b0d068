import { Select } from 'antd';
import { useState } from 'react';
import { todayInVietnam } from '../../app/format/dates';
import { useDebouncedValue } from '../../app/hooks/useDebouncedValue';
import { useT } from '../../app/i18n';
import { usePetitions } from './petitions.api';

type SearchSelectProps = { unitId: string; id?: string; known?: { id: string; label: string }[] } & (
  | { multiple?: false; value?: string; onChange?: (value: string | undefined) => void }
  | { multiple: true; value?: string[]; onChange?: (value: string[]) => void }
);

/** Petitions already in a unit's register (and below it), found by number, summary or petitioner; those already chosen keep their names. */
export function PetitionSearchSelect(props: SearchSelectProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 300);
  const found = usePetitions({ unitId: props.unitId, status: 'all', q: debounced || undefined, asOf: todayInVietnam(), page: 1, pageSize: 10 });
  const options = new Map((props.known ?? []).map((item) => [item.id, item.label]));
  for (const item of found.data?.items ?? []) options.set(item.id, `${item.number} — ${item.subject} (${item.petitioner})`);
  return (
    <Select
      id={props.id}
      allowClear
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value}
      onChange={props.onChange as (value: unknown) => void}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      loading={found.isFetching}
      placeholder={t('petitions.filter.search')}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}
