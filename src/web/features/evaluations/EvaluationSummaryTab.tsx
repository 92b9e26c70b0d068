import { Alert, Flex, InputNumber, Table } from 'antd';
import { useState } from 'react';
import { EVALUATION_CLASSES } from '../../../core/evaluation';
import { formatCount, formatPercent } from '../../../core/numbers';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { useLanguage, useT } from '../../app/i18n';
import { type EvaluationSummary, useEvaluationSummary } from './evaluations.api';

type Row = EvaluationSummary['byChild'][number];

/** Counts by class for a unit and year, by the unit below, and the excellent share against its cap. */
export function EvaluationSummaryTab() {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser();
  const [unit, setUnit] = useState({ id: user.unit.id, name: user.unit.name });
  // Unset: the server answers the latest year with classes in the unit.
  const [year, setYear] = useState<number | undefined>();
  const summary = useEvaluationSummary(unit.id, year);
  const data = summary.data;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker key={unit.id} value={unit.id} onChange={(_, picked) => picked && setUnit(picked)} initialUnit={unit} scope="mine" allowClear={false} />
        </div>
        <InputNumber
          min={1990}
          max={2100}
          precision={0}
          value={year ?? data?.year}
          onChange={(value) => value && setYear(value)}
          prefix={t('rotations.weak.year')}
          style={{ width: 130 }}
        />
      </Flex>
      {summary.isError && <QueryErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {data && data.total > 0 && (
        <Alert
          type={data.excellentCap.ok ? 'info' : 'warning'}
          showIcon
          data-testid="evaluation-sentence"
          title={t('evaluations.summary.sentence', {
            year: data.year,
            unit: data.unit.name,
            total: formatCount(data.total),
            excellent: formatCount(data.counts.hoan_thanh_xuat_sac),
            excellentShare: formatPercent(data.counts.hoan_thanh_xuat_sac / data.total, 1),
            good: formatCount(data.counts.hoan_thanh_tot),
            done: formatCount(data.counts.hoan_thanh),
            failed: formatCount(data.counts.khong_hoan_thanh),
          })}
          description={t(data.excellentCap.ok ? 'evaluations.summary.capOk' : 'evaluations.summary.capOver', {
            excellent: data.excellentCap.excellent,
            allowed: data.excellentCap.allowed,
            cap: formatPercent(data.scheme.excellentShareCap),
          })}
        />
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={summary.isFetching}
        dataSource={data?.byChild}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('evaluations.summary.none') }}
        columns={[
          { key: 'unit', title: t('evaluations.summary.unit'), fixed: 'left', width: 170, render: (_, row) => row.name },
          ...EVALUATION_CLASSES.map((c) => ({
            key: c.code,
            title: language === 'vi' ? c.labelVi : c.labelEn,
            align: 'right' as const,
            render: (_: unknown, row: Row) => formatCount(row.counts[c.code]),
          })),
          { key: 'total', title: t('evaluations.summary.total'), align: 'right' as const, render: (_, row) => formatCount(row.total) },
        ]}
      />
    </Flex>
  );
}
