import { Alert, Button, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useWeakCommunes, type WeakCommunes } from './rotations.api';

/** The weak communes of a year: which received a rotated cadre, for how long, and which did not. */
export function WeakCommunesTab() {
  const t = useT();
  const user = useCurrentUser();
  const [unit, setUnit] = useState({ id: user.unit.id, name: user.unit.name });
  // Unset: the server answers the latest year with designations in the unit.
  const [year, setYear] = useState<number | undefined>();
  const weak = useWeakCommunes(unit.id, year);
  const data = weak.data;
  const otherYears = data?.years.filter((other) => other !== data.year).slice(0, 6) ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker key={unit.id} value={unit.id} onChange={(_, picked) => picked && setUnit(picked)} initialUnit={unit} scope="mine" allowClear={false} />
        </div>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          value={year ?? data?.year}
          onChange={(value) => value && setYear(value)}
          prefix={t('rotations.weak.year')}
          style={{ width: 130 }}
        />
      </Flex>
      {weak.isError && <QueryErrorAlert error={weak.error} onRetry={() => void weak.refetch()} />}
      {data && data.weak > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="weak-summary"
          title={t('rotations.weak.summary', {
            year: data.year,
            unit: data.unit.name,
            weak: data.weak,
            received: data.received,
            missing: data.weak - data.received,
          })}
        />
      )}
      <Table<WeakCommunes['communes'][number]>
        rowKey={(row) => row.commune.id}
        dataSource={data?.communes}
        loading={weak.isFetching}
        data-testid="weak-communes-table"
        locale={{
          emptyText: (
            <Flex vertical gap={8} align="center">
              <span>{t('rotations.weak.none')}</span>
              {otherYears.length > 0 && (
                <Flex gap={8} wrap justify="center">
                  <span>{t('rotations.weak.otherYears')}</span>
                  {otherYears.map((other) => (
                    <Button key={other} size="small" onClick={() => setYear(other)}>
                      {other}
                    </Button>
                  ))}
                </Flex>
              )}
            </Flex>
          ),
        }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { key: 'commune', title: t('rotations.weak.col.commune'), width: 180, render: (_, row) => row.commune.name },
          {
            key: 'reasons',
            title: t('rotations.weak.col.reasons'),
            responsive: ['md'],
            render: (_, row) => <Typography.Text type="secondary">{row.reasons}</Typography.Text>,
          },
          {
            key: 'rotations',
            title: t('rotations.weak.col.rotations'),
            render: (_, row) =>
              row.rotations.length === 0 ? (
                <Tag color="warning">{t('rotations.weak.missing')}</Tag>
              ) : (
                <Flex vertical gap={4}>
                  {row.rotations.map((r) => (
                    <span key={r.id}>
                      <Link to={`/cadres/${r.cadre.id}`}>{r.cadre.fullName}</Link>, {r.titleName}{' '}
                      <Typography.Text type="secondary">
                        {t('rotations.weak.served', { start: formatDate(r.startDate), months: r.monthsServed })}
                      </Typography.Text>
                    </span>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Flex>
  );
}
