import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Progress, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, formatDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { ClassFormDrawer } from './ClassFormDrawer';
import { formLabel } from './training-labels';
import { useClasses, useProgrammes, type TrainingClass } from './training.api';
import { useCanWriteTraining } from './training-permissions';

export function ClassesTab() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canWrite = useCanWriteTraining();
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [programmeId, setProgrammeId] = useState<string | undefined>(undefined);
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [creating, setCreating] = useState(false);
  const programmes = useProgrammes();
  const classes = useClasses({
    unitId,
    programmeId,
    from: period?.[0] ? toApiDate(period[0]) : undefined,
    to: period?.[1] ? toApiDate(period[1]) : undefined,
  });

  return (
    <>
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <div style={{ width: 260 }}>
            <UnitPicker value={unitId} onChange={(id) => setUnitId(id)} placeholder={t('training.filter.unit')} scope="mine" allowClear />
          </div>
          <Select
            style={{ width: 300 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('training.filter.programme')}
            value={programmeId}
            onChange={setProgrammeId}
            options={programmes.data?.items.map((programme) => ({ value: programme.id, label: programme.name }))}
          />
          <DatePicker.RangePicker format={DATE_DISPLAY_FORMAT} value={period} onChange={(value) => setPeriod(value)} allowEmpty={[true, true]} />
        </Flex>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="open-create-class">
            {t('training.class.create')}
          </Button>
        )}
      </Flex>
      {classes.isError && <QueryErrorAlert error={classes.error} onRetry={() => void classes.refetch()} />}
      <Table<TrainingClass>
        rowKey="id"
        dataSource={classes.data?.items}
        loading={classes.isFetching}
        data-testid="classes-table"
        onRow={(klass) => ({ onClick: () => void navigate(`/training/classes/${klass.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('training.class.none') }}
        columns={[
          { key: 'name', title: t('training.class.name'), render: (_, klass) => <Link to={`/training/classes/${klass.id}`}>{klass.name}</Link> },
          {
            key: 'programme',
            title: t('training.class.programme'),
            render: (_, klass) => (
              <Flex vertical gap={2}>
                <Typography.Text>{klass.programme.name}</Typography.Text>
                <span>
                  <Tag>{formLabel(klass.programme.form, t)}</Tag>
                </span>
              </Flex>
            ),
          },
          { key: 'dates', title: t('training.class.dates'), width: 200, render: (_, klass) => `${formatDate(klass.startDate)} – ${formatDate(klass.endDate)}` },
          { key: 'venue', title: t('training.class.venue'), render: (_, klass) => klass.venue ?? '—' },
          {
            key: 'enrolled',
            title: t('training.class.enrolled'),
            width: 160,
            render: (_, klass) => (
              <Flex vertical gap={0}>
                <Typography.Text>{t('training.class.enrolledOf', { enrolled: klass.enrolled, capacity: klass.capacity })}</Typography.Text>
                <Progress percent={Math.round((klass.enrolled / klass.capacity) * 100)} size="small" showInfo={false} />
              </Flex>
            ),
          },
        ]}
      />
      {creating && <ClassFormDrawer open onClose={() => setCreating(false)} defaultUnit={{ id: user.unit.id, name: user.unit.name }} />}
    </>
  );
}
