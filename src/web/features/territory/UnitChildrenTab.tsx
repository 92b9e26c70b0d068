import { Card, Col, Empty, Flex, Input, Row, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatCount } from '../../../core/numbers';
import { foldVietnamese } from '../../../core/text';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate } from '../../app/format/dates';
import { useT, type Translate } from '../../app/i18n';
import { formatPeriod, unitPagePath } from './territory-dates';
import { LEVEL_COLORS, levelLabel } from './territory-labels';
import { useUnitChildren, useUnitCounts, type UnitChild, type UnitDetail } from './territory.api';
import { TallyLines } from './UnitCountsText';

function childColumns(t: Translate, asOf: string): TableProps<UnitChild>['columns'] {
  return [
    {
      key: 'name',
      title: t('territory.column.name'),
      render: (_, unit) => (
        <Link to={unitPagePath(unit.id, asOf)}>
          <Typography.Text strong>{unit.name}</Typography.Text>
        </Link>
      ),
    },
    { key: 'type', title: t('territory.column.type'), width: 130, render: (_, unit) => unit.type },
    {
      key: 'level',
      title: t('territory.unit.level'),
      width: 120,
      render: (_, unit) => <Tag color={LEVEL_COLORS[unit.level]}>{levelLabel(unit.level, t)}</Tag>,
    },
    { key: 'code', title: t('territory.unit.code'), width: 100, render: (_, unit) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{unit.code}</span> },
    {
      key: 'children',
      title: t('territory.column.childCount'),
      width: 140,
      align: 'right',
      render: (_, unit) => (unit.childCount > 0 ? formatCount(unit.childCount) : '—'),
    },
    { key: 'period', title: t('territory.column.period'), width: 220, render: (_, unit) => formatPeriod(unit.validFrom, unit.validTo, t) },
  ];
}

export function UnitChildrenTab({ unit, asOf }: { unit: UnitDetail; asOf: string }) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const children = useUnitChildren(unit.id, asOf);
  const counts = useUnitCounts(unit.id, asOf);
  const folded = foldVietnamese(filter);
  const shown = (children.data?.items ?? []).filter((child) => !folded || foldVietnamese(child.name).includes(folded) || child.code.startsWith(folded));

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('territory.counts.childrenOn', { date: formatDate(asOf) })}>
            {counts.data ? (
              <TallyLines tally={counts.data.children} />
            ) : counts.isError ? (
              <QueryErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />
            ) : (
              <Skeleton active title={false} paragraph={{ rows: 2 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('territory.counts.descendantsOn', { date: formatDate(asOf) })}>
            {counts.data ? <TallyLines tally={counts.data.descendants} /> : <Skeleton active title={false} paragraph={{ rows: 2 }} />}
          </Card>
        </Col>
      </Row>
      {children.isError && <QueryErrorAlert error={children.error} onRetry={() => void children.refetch()} />}
      <Input.Search
        allowClear
        placeholder={t('territory.children.filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        style={{ maxWidth: 360 }}
      />
      <Table<UnitChild>
        rowKey="id"
        size="small"
        columns={childColumns(t, asOf)}
        dataSource={shown}
        loading={children.isFetching}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('territory.children.empty', { date: formatDate(asOf) })} /> }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true, showTotal: (total) => t('common.totalItems', { total }) }}
        scroll={{ x: 860 }}
        data-testid="children-table"
      />
    </Flex>
  );
}
