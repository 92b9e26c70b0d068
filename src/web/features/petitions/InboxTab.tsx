import './petitions.css';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PETITION_TYPE_LABELS, PETITION_TYPES } from '../../../core/petition-deadlines';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate } from '../../app/format/dates';
import { useDebouncedValue } from '../../app/hooks/useDebouncedValue';
import { useLanguage, useT } from '../../app/i18n';
import { useFileDownload } from '../imports/file-transfer';
import { ClockTag } from './ClockTag';
import { PetitionFormDrawer } from './PetitionFormDrawer';
import { type PetitionFilter, type PetitionListItem, usePetitions } from './petitions.api';
import { usePetitionDefaultDate } from './use-petition-date';

const STATUSES = ['open', 'overdue', 'closed', 'all'] as const;

/** The unit's petitions, those whose deadline comes first on top; filters live in the URL so a link shows the same list. */
export function InboxTab() {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser();
  const notifyError = useApiErrorNotice();
  const download = useFileDownload();
  const { defaultAsOf, demoAsOf } = usePetitionDefaultDate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [receiving, setReceiving] = useState(false);
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const debounced = useDebouncedValue(search, 300);
  const filter: PetitionFilter = {
    unitId: searchParams.get('unitId') ?? user.unit.id,
    status: (STATUSES as readonly string[]).includes(searchParams.get('status') ?? '') ? (searchParams.get('status') as PetitionFilter['status']) : 'open',
    type: searchParams.get('type') ?? undefined,
    overLevel: searchParams.get('overLevel') === 'true' ? 'true' : undefined,
    q: debounced || undefined,
    asOf: searchParams.get('asOf') ?? defaultAsOf,
    page: Number(searchParams.get('page') ?? '1') || 1,
    pageSize: 20,
  };
  const petitions = usePetitions(filter);

  function update(next: Partial<Record<'unitId' | 'status' | 'type' | 'overLevel' | 'asOf' | 'page', string | undefined>>) {
    const params = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') params.delete(key);
      else params.set(key, value);
    }
    if (!('page' in next)) params.delete('page');
    setSearchParams(params, { replace: true });
  }

  return (
    <Flex vertical gap={12}>
      {demoAsOf && filter.asOf === demoAsOf && <Alert type="info" showIcon title={t('petitions.demoNote', { date: formatDate(demoAsOf) })} />}
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap align="center">
          <div style={{ width: 280, maxWidth: '100%' }}>
            <UnitPicker
              value={filter.unitId}
              onChange={(id) => update({ unitId: id })}
              initialUnit={{ id: user.unit.id, name: user.unit.name }}
              scope="mine"
              allowClear={false}
            />
          </div>
          <Select
            value={filter.status}
            onChange={(status) => update({ status })}
            style={{ width: 200 }}
            aria-label={t('petitions.filter.status')}
            data-testid="petitions-status"
            options={STATUSES.map((status) => ({ value: status, label: t(`petitions.filter.${status}`) }))}
          />
          <Select
            allowClear
            value={filter.type}
            onChange={(type) => update({ type })}
            placeholder={t('petitions.filter.type')}
            style={{ width: 150 }}
            options={PETITION_TYPES.map((type) => ({ value: type, label: PETITION_TYPE_LABELS[type][language] }))}
          />
          <Checkbox checked={filter.overLevel === 'true'} onChange={(event) => update({ overLevel: event.target.checked ? 'true' : undefined })}>
            {t('petitions.filter.overLevel')}
          </Checkbox>
          <Input.Search
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('petitions.filter.search')}
            style={{ width: 300, maxWidth: '100%' }}
            data-testid="petitions-search"
          />
          <Flex align="center" gap={8}>
            <Typography.Text>{t('petitions.asOf')}</Typography.Text>
            <DatePicker
              value={fromApiDate(filter.asOf)}
              format={DATE_DISPLAY_FORMAT}
              allowClear={false}
              onChange={(date) => date && update({ asOf: toApiDate(date) })}
              aria-label={t('petitions.asOf')}
              style={{ width: 140 }}
            />
          </Flex>
        </Flex>
        <Flex gap={8} wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download('/api/petitions.xlsx', { ...filter, page: undefined, pageSize: undefined }).catch(notifyError)}
          >
            {t('petitions.export')}
          </Button>
          {user.abilities.receivePetitions && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReceiving(true)} data-testid="petition-receive">
              {t('petitions.receive')}
            </Button>
          )}
        </Flex>
      </Flex>
      {petitions.isError && <QueryErrorAlert error={petitions.error} onRetry={() => void petitions.refetch()} />}
      <Table<PetitionListItem>
        rowKey="id"
        size="middle"
        dataSource={petitions.data?.items}
        loading={petitions.isFetching}
        data-testid="petitions-table"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('petitions.none') }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: petitions.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('petitions.total', { count: total }),
          onChange: (page) => update({ page: String(page) }),
        }}
        columns={[
          {
            key: 'number',
            title: t('petitions.col.number'),
            width: 110,
            render: (_, item) => (
              <Flex vertical>
                <Link to={`/petitions/${item.id}?asOf=${filter.asOf}`}>{item.number}</Link>
                <Typography.Text type="secondary">{formatDate(item.receivedOn)}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'subject',
            title: t('petitions.col.subject'),
            render: (_, item) => (
              <Flex vertical gap={2}>
                <Link to={`/petitions/${item.id}?asOf=${filter.asOf}`}>{item.subject}</Link>
                <Typography.Text type="secondary">{item.petitioner}</Typography.Text>
                <Typography.Text type="secondary" className="petitions-phone-only">
                  {item.type.label} · {item.status.label}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'type',
            title: t('petitions.col.type'),
            width: 150,
            responsive: ['md'],
            render: (_, item) => (
              <Flex gap={4} wrap>
                <Tag>{item.type.label}</Tag>
                {item.overLevel && <Tag color="volcano">{t('petitions.overLevel')}</Tag>}
                {item.fromHigherLevel && <Tag color="purple">{t('petitions.fromHigherLevel')}</Tag>}
              </Flex>
            ),
          },
          {
            key: 'where',
            title: t('petitions.col.commune'),
            width: 190,
            responsive: ['lg'],
            render: (_, item) => (
              <Flex vertical>
                <span>{item.commune?.name ?? '—'}</span>
                {item.unit.id !== item.commune?.id && (
                  <Typography.Text type="secondary">
                    {t('petitions.col.unit')}: {item.unit.name}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { key: 'status', title: t('petitions.col.status'), width: 160, responsive: ['md'], render: (_, item) => item.status.label },
          { key: 'clock', title: t('petitions.col.clock'), width: 170, render: (_, item) => item.clock && <ClockTag clock={item.clock} withStage={false} /> },
        ]}
      />
      {receiving && <PetitionFormDrawer unitId={user.unit.id} onClose={() => setReceiving(false)} />}
    </Flex>
  );
}
