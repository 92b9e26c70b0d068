import { Alert, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { type RotationOutcomes, useRotationOutcomes } from './rotations.api';

type Row = RotationOutcomes['items'][number];
type Figure = Row['ratedGoodBefore'];

/** Did rotation help? Each weak commune that received a rotated cadre, before and after. */
export function OutcomesTab() {
  const t = useT();
  const user = useCurrentUser();
  const [unit, setUnit] = useState({ id: user.unit.id, name: user.unit.name });
  const [from, setFrom] = useState<string | undefined>('2020-01-01');
  const outcomes = useRotationOutcomes(unit.id, from);
  const figure = (value: Figure) =>
    value.of === 0
      ? t('rotations.outcomes.noData', { year: value.year })
      : t('rotations.outcomes.figure', { year: value.year, count: value.count, of: value.of });
  const beforeAfter = (before: Figure, after: Figure) => (
    <Flex vertical>
      <Typography.Text type="secondary">{figure(before)}</Typography.Text>
      <span>{figure(after)}</span>
    </Flex>
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker key={unit.id} value={unit.id} onChange={(_, picked) => picked && setUnit(picked)} initialUnit={unit} scope="mine" allowClear={false} />
        </div>
        <DatePicker
          format={DATE_DISPLAY_FORMAT}
          value={from ? fromApiDate(from) : null}
          onChange={(value) => setFrom(value ? toApiDate(value) : undefined)}
          prefix={t('rotations.from')}
          placeholder={t('rotations.from')}
          style={{ width: 200 }}
        />
      </Flex>
      {outcomes.isError && <QueryErrorAlert error={outcomes.error} onRetry={() => void outcomes.refetch()} />}
      {outcomes.data && <Alert type="info" showIcon title={outcomes.data.summary.sentence} data-testid="outcomes-sentence" />}
      <Table<Row>
        rowKey="rotationId"
        size="small"
        loading={outcomes.isFetching}
        dataSource={outcomes.data?.items}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('rotations.outcomes.none') }}
        columns={[
          {
            key: 'commune',
            title: t('rotations.outcomes.col.commune'),
            fixed: 'left',
            width: 170,
            render: (_, row) => (
              <Flex vertical>
                <span>
                  {row.commune.name} ({row.weakYear})
                </span>
                <Typography.Text type="secondary">
                  <Link to={`/cadres/${row.cadre.id}`}>{row.cadre.fullName}</Link>, {row.titleName}, {formatDate(row.startDate)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'left',
            title: t('rotations.outcomes.col.left'),
            width: 130,
            render: (_, row) =>
              row.leftWeakListIn ? (
                <Tag color="success">{t('rotations.outcomes.leftIn', { year: row.leftWeakListIn })}</Tag>
              ) : (
                <Tag color="warning">{t('rotations.outcomes.still')}</Tag>
              ),
          },
          { key: 'rated', title: t('rotations.outcomes.col.rated'), width: 200, render: (_, row) => beforeAfter(row.ratedGoodBefore, row.ratedGoodAfter) },
          {
            key: 'problems',
            title: t('rotations.outcomes.col.problems'),
            width: 200,
            render: (_, row) => beforeAfter(row.problemsResolvedBefore, row.problemsResolvedAfter),
          },
        ]}
      />
    </Flex>
  );
}
