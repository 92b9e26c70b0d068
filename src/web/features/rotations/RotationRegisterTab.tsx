import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Grid, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useFileDownload } from '../imports/file-transfer';
import { RotationDrawer } from './RotationDrawer';
import { RotationFormDrawer } from './RotationFormDrawer';
import { RotationStatusTag, useRotationPeriod } from './rotation-format';
import { type Rotation, type RotationFilter, useRotations } from './rotations.api';

/** The start of the party term 2020–2025, from which the article counts ("từ đầu nhiệm kỳ đến nay"). */
const TERM_START = '2020-01-01';

/** Rotations into or out of a unit, newest first, with the article's sentence above them. */
export function RotationRegisterTab() {
  const t = useT();
  const user = useCurrentUser();
  const period = useRotationPeriod();
  const screens = Grid.useBreakpoint();
  const [unit, setUnit] = useState({ id: user.unit.id, name: user.unit.name });
  const [from, setFrom] = useState<string | undefined>(TERM_START);
  const [to, setTo] = useState<string | undefined>();
  const [status, setStatus] = useState<RotationFilter['status']>('all');
  const [page, setPage] = useState(1);
  const filter: RotationFilter = { unitId: unit.id, from, to, status, page, pageSize: 20 };
  const rotations = useRotations(filter);
  const [opened, setOpened] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const download = useFileDownload();
  const notifyError = useApiErrorNotice();

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap align="center">
          <div style={{ width: 280, maxWidth: '100%' }}>
            <UnitPicker key={unit.id} value={unit.id} onChange={(_, picked) => picked && setUnit(picked)} initialUnit={unit} scope="mine" allowClear={false} />
          </div>
          <DatePicker
            format={DATE_DISPLAY_FORMAT}
            value={from ? fromApiDate(from) : null}
            onChange={(value) => setFrom(value ? toApiDate(value) : undefined)}
            placeholder={t('rotations.from')}
            prefix={t('rotations.from')}
            style={{ width: 200 }}
          />
          <DatePicker
            format={DATE_DISPLAY_FORMAT}
            value={to ? fromApiDate(to) : null}
            onChange={(value) => setTo(value ? toApiDate(value) : undefined)}
            placeholder={t('rotations.to')}
            prefix={t('rotations.to')}
            style={{ width: 200 }}
          />
          <Select<RotationFilter['status']>
            value={status}
            onChange={setStatus}
            style={{ width: 170 }}
            options={(['all', 'running', 'ended'] as const).map((value) => ({ value, label: t(`rotations.status.${value}`) }))}
          />
        </Flex>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => download('/api/rotations.xlsx', { unitId: unit.id, from, to, status }).catch(notifyError)}>
            {t('rotations.export')}
          </Button>
          {user.abilities.decideRotations && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="rotation-create">
              {t('rotations.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      {rotations.data && <Alert type="info" showIcon title={rotations.data.summary.sentence} data-testid="rotation-sentence" />}
      {rotations.isError && <QueryErrorAlert error={rotations.error} onRetry={() => void rotations.refetch()} />}
      <Table<Rotation>
        rowKey="id"
        dataSource={rotations.data?.items}
        loading={rotations.isFetching}
        data-testid="rotations-table"
        locale={{ emptyText: t('rotations.none') }}
        onRow={(row) => ({ onClick: () => setOpened(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: rotations.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('rotations.total', { count: total }),
          onChange: setPage,
        }}
        columns={[
          {
            key: 'person',
            title: t('rotations.col.person'),
            width: screens.md ? 200 : undefined,
            render: (_, row) => (
              <Flex vertical gap={2}>
                <Link to={`/cadres/${row.cadre.id}`} onClick={(event) => event.stopPropagation()}>
                  {row.cadre.fullName}
                </Link>
                <Typography.Text type="secondary">{t(`rotations.kind.${row.kind}`)}</Typography.Text>
                {!screens.md && (
                  <>
                    <span>
                      {row.destination.titleName}, {row.destination.unit.name}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('rotations.col.fromOrigin', { post: row.origin.postName, unit: row.origin.unit.name })}
                    </Typography.Text>
                  </>
                )}
              </Flex>
            ),
          },
          {
            key: 'origin',
            title: t('rotations.col.origin'),
            responsive: ['md'],
            render: (_, row) => (
              <Flex vertical gap={2}>
                <span>{row.origin.postName}</span>
                <Typography.Text type="secondary">{row.origin.unit.name}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'destination',
            title: t('rotations.col.destination'),
            responsive: ['md'],
            render: (_, row) => (
              <Flex vertical gap={2}>
                <span>{row.destination.titleName}</span>
                <Typography.Text type="secondary">{row.destination.unit.name}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'period',
            title: t('rotations.col.period'),
            width: screens.md ? 220 : 130,
            render: (_, row) => (
              <Flex vertical gap={4} align="flex-start">
                <span>{period(row)}</span>
                <Flex gap={4} wrap>
                  <RotationStatusTag rotation={row} />
                  {row.warnings.length > 0 && <Tag color="warning">{t('rotations.warningsTag', { count: row.warnings.length })}</Tag>}
                </Flex>
              </Flex>
            ),
          },
        ]}
      />
      {opened && <RotationDrawer id={opened} onClose={() => setOpened(null)} />}
      {creating && (
        <RotationFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            setOpened(id);
          }}
        />
      )}
    </Flex>
  );
}
