import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { apiFetch } from '../api/api-client';
import type { UnitLevel } from '../api/types';
import { todayInVietnam } from '../format/dates';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useT } from '../i18n';

export interface UnitSearchResult {
  id: string;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  /** Ancestors down to the unit, e.g. "Tỉnh Bắc Giang › Huyện Lạng Giang". */
  path: string;
}

/** What the picker needs to show a unit; `path` is optional so a form can seed it from a `UnitSummary`. */
export interface PickedUnit {
  id: string;
  name: string;
  path?: string;
}

interface UnitOption {
  value: string;
  label: string;
  unit: PickedUnit;
}

const SEARCH_LIMIT = 20;
const SEARCH_DELAY_MS = 300;

export interface UnitPickerProps {
  value?: string;
  onChange?: (unitId: string | undefined, unit: PickedUnit | undefined) => void;
  /** The unit behind `value` when the form opens, so its name shows before any search. */
  initialUnit?: PickedUnit;
  /** Units as they existed on this day (`YYYY-MM-DD`); defaults to today. Units merge and get renamed. */
  asOf?: string;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  status?: 'error' | 'warning';
  /** 'mine': only units inside the user's own scope. */
  scope?: 'all' | 'mine';
}

function useUnitSearch(text: string, asOf: string, scope: 'all' | 'mine') {
  return useQuery({
    queryKey: ['units', 'search', text, asOf, scope],
    queryFn: ({ signal }) => apiFetch<{ items: UnitSearchResult[] }>('/api/units/search', { query: { q: text, asOf, limit: SEARCH_LIMIT, scope }, signal }),
    enabled: text.length > 0,
    staleTime: 5 * 60_000,
  });
}

function UnitOptionLabel({ unit }: { unit: PickedUnit }) {
  return (
    // Long unit paths wrap instead of being cut off by the option's ellipsis.
    <Flex vertical style={{ whiteSpace: 'normal' }}>
      <Typography.Text>{unit.name}</Typography.Text>
      {unit.path && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unit.path}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * Searches administrative units on the server as the user types (accents optional:
 * "lang giang" finds "Lạng Giang"). Works as an antd `Form.Item` child; the value is the unit id.
 */
export function UnitPicker({ value, onChange, initialUnit, asOf, id, placeholder, disabled, allowClear = true, status, scope = 'all' }: UnitPickerProps) {
  const t = useT();
  const [searchText, setSearchText] = useState('');
  const [picked, setPicked] = useState<PickedUnit | undefined>(initialUnit);
  const debouncedText = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);
  const search = useUnitSearch(debouncedText, asOf ?? todayInVietnam(), scope);

  const found: PickedUnit[] = search.data?.items ?? [];
  // The chosen unit stays an option even when the latest search did not return it, or the select would show a bare id.
  const units = picked && picked.id === value && !found.some((unit) => unit.id === picked.id) ? [picked, ...found] : found;

  function handleChange(unitId: string | undefined) {
    const unit = units.find((candidate) => candidate.id === unitId);
    setPicked(unit);
    onChange?.(unitId, unit);
  }

  const emptyText = search.isFetching ? <Spin size="small" /> : debouncedText ? t('unitPicker.noResults') : t('unitPicker.typeToSearch');

  return (
    <Select<string, UnitOption>
      id={id}
      value={value}
      onChange={handleChange}
      options={units.map((unit) => ({ value: unit.id, label: unit.name, unit }))}
      optionRender={(option) => <UnitOptionLabel unit={option.data.unit} />}
      showSearch={{ onSearch: setSearchText, filterOption: false }}
      notFoundContent={emptyText}
      loading={search.isFetching}
      placeholder={placeholder ?? t('unitPicker.placeholder')}
      disabled={disabled}
      allowClear={allowClear}
      status={status}
      style={{ width: '100%' }}
    />
  );
}
