import { useQuery } from '@tanstack/react-query';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { apiFetch } from '../../app/api/api-client';
import { UnitPicker, type PickedUnit } from '../../app/components/UnitPicker';
import { useLanguage, useT } from '../../app/i18n';
import { foldedSearch, levelOptions, titleOptionGroups } from './cadre-format';
import type { ListFilter } from './cadre-url';

/** The unit of a filter kept in the URL, so that the picker shows its name and place rather than an id. */
function useFilterUnit(unitId: string | undefined, asOf: string) {
  return useQuery({
    queryKey: ['units', 'detail', unitId, asOf],
    queryFn: ({ signal }) => apiFetch<{ id: string; name: string; path: string }>(`/api/units/${encodeURIComponent(unitId!)}`, { query: { asOf }, signal }),
    enabled: unitId !== undefined,
    staleTime: 5 * 60_000,
  });
}

function UnitFilter({ unitId, asOf, onChange }: { unitId: string | undefined; asOf: string; onChange: (unitId: string | undefined) => void }) {
  const t = useT();
  const unit = useFilterUnit(unitId, asOf);
  const initialUnit: PickedUnit | undefined = unit.data ? { id: unit.data.id, name: unit.data.name, path: unit.data.path } : undefined;
  return (
    <UnitPicker
      // Remounted once the name has loaded, since the picker takes its first unit only when it mounts.
      key={`${unitId ?? ''}-${initialUnit ? 'named' : 'bare'}`}
      id="cadre-filter-unit"
      value={unitId}
      initialUnit={initialUnit}
      asOf={asOf}
      onChange={(next) => onChange(next)}
      placeholder={t('cadres.filter.unitPlaceholder')}
    />
  );
}

type KeyChoice = 'key' | 'other';

export function CadreFilters({ filter, onChange, onClear }: { filter: ListFilter; onChange: (next: Partial<ListFilter>) => void; onClear: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const hasFilter =
    filter.q !== undefined ||
    filter.unitId !== undefined ||
    filter.title !== undefined ||
    filter.key !== undefined ||
    filter.professionalLevel !== undefined ||
    filter.politicalTheoryLevel !== undefined ||
    filter.retiresWithin !== undefined ||
    filter.status === 'all';
  const noneOption = { value: 'none', label: t('cadres.filter.levelNone') };

  return (
    <Form layout="vertical" data-testid="cadre-filters" style={{ marginBottom: 8 }}>
      <Row gutter={[12, 0]}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label={t('cadres.filter.search')}>
            <Input.Search
              // Remounted when the URL changes (Back, clearing) so the box shows the search actually applied.
              key={filter.q ?? ''}
              defaultValue={filter.q}
              placeholder={t('cadres.filter.searchPlaceholder')}
              allowClear
              enterButton
              onSearch={(q) => onChange({ q: q.trim() || undefined })}
              data-testid="cadre-search"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label={t('cadres.filter.unit')} htmlFor="cadre-filter-unit" tooltip={t('cadres.filter.unitHint')}>
            <UnitFilter unitId={filter.unitId} asOf={filter.asOf} onChange={(unitId) => onChange({ unitId })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label={t('cadres.filter.title')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              value={filter.title ?? []}
              onChange={(codes: string[]) => onChange({ title: codes.length > 0 ? codes : undefined })}
              options={titleOptionGroups(language)}
              placeholder={t('cadres.filter.anyTitle')}
              showSearch={foldedSearch}
              data-testid="cadre-filter-title"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={5}>
          <Form.Item label={t('cadres.filter.key')}>
            <Select<KeyChoice>
              allowClear
              value={filter.key === undefined ? undefined : filter.key ? 'key' : 'other'}
              onChange={(choice) => onChange({ key: choice === undefined ? undefined : choice === 'key' })}
              options={[
                { value: 'key', label: t('cadres.filter.keyOnly') },
                { value: 'other', label: t('cadres.filter.nonKeyOnly') },
              ]}
              placeholder={t('cadres.filter.keyAny')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={5}>
          <Form.Item label={t('cadres.filter.professional')} tooltip={t('cadres.filter.levelHint')}>
            <Select
              allowClear
              value={filter.professionalLevel}
              onChange={(level?: string) => onChange({ professionalLevel: level })}
              // "none" is already a level of this scale ("Chưa qua đào tạo"), which the server counts with no level at all.
              options={levelOptions('professional', language)}
              placeholder={t('cadres.filter.anyLevel')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={5}>
          <Form.Item label={t('cadres.filter.politicalTheory')} tooltip={t('cadres.filter.levelHint')}>
            <Select
              allowClear
              value={filter.politicalTheoryLevel}
              onChange={(level?: string) => onChange({ politicalTheoryLevel: level })}
              options={[noneOption, ...levelOptions('political_theory', language)]}
              placeholder={t('cadres.filter.anyLevel')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Form.Item label={t('cadres.filter.status')} tooltip={t('cadres.filter.statusHint')}>
            <Select<'holding' | 'all'>
              value={filter.status}
              onChange={(status) => onChange({ status })}
              options={[
                { value: 'holding', label: t('cadres.filter.statusHolding') },
                { value: 'all', label: t('cadres.filter.statusAll') },
              ]}
              data-testid="cadre-filter-status"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Form.Item label={t('cadres.filter.retirement')} tooltip={t('cadres.filter.retirementHint')}>
            <Select
              allowClear
              value={filter.retiresWithin}
              onChange={(retiresWithin?: ListFilter['retiresWithin']) => onChange({ retiresWithin })}
              options={[
                { value: '12', label: t('cadres.filter.retires12') },
                { value: '24', label: t('cadres.filter.retires24') },
                { value: '60', label: t('cadres.filter.retires60') },
                { value: 'reached', label: t('cadres.filter.retiresReached') },
              ]}
              placeholder={t('cadres.filter.retiresAny')}
              data-testid="cadre-filter-retirement"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={3}>
          <Form.Item label=" " colon={false}>
            <Button block onClick={onClear} disabled={!hasFilter}>
              {t('common.clearFilters')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
