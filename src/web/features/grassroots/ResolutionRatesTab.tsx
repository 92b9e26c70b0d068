import { DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, InputNumber, Row, Statistic, Table, Typography } from 'antd';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useFileDownload } from '../imports/file-transfer';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { useT } from '../../app/i18n';
import { EChart } from '../compliance/EChart';
import { type ProblemReport, useProblemReport } from './grassroots.api';
import { useProblemDefaultYear } from './use-problem-year';
import type { ProblemDrill } from './ProblemRegisterTab';

const NUMBER = new Intl.NumberFormat('vi-VN');
const rateText = (rate: number | null) => (rate === null ? '—' : `${rate.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

type Row = ProblemReport['byField'][number] | ProblemReport['byChild'][number];

/** A year's resolution rates for any unit: the article's sentence, by field, by unit below (a bar opens that unit). */
export function ResolutionRatesTab({ onDrill }: { onDrill: (drill: ProblemDrill) => void }) {
  const t = useT();
  const user = useCurrentUser();
  const defaults = useProblemDefaultYear();
  const [unit, setUnit] = useState({ id: user.unit.id, name: user.unit.name });
  const unitId = unit.id;
  const [year, setYear] = useState(defaults.year);
  const report = useProblemReport(unitId, year);
  const download = useFileDownload();
  const notifyError = useApiErrorNotice();
  const data = report.data;
  const columns = (first: { title: string; render: (row: Row) => string }) => [
    { key: 'name', title: first.title, render: (_: unknown, row: Row) => first.render(row) },
    {
      key: 'registered',
      title: t('grassroots.rates.registered'),
      align: 'right' as const,
      width: 120,
      render: (_: unknown, row: Row) => NUMBER.format(row.registered),
    },
    {
      key: 'resolved',
      title: t('grassroots.rates.resolved'),
      align: 'right' as const,
      width: 120,
      render: (_: unknown, row: Row) => NUMBER.format(row.resolved),
    },
    { key: 'rate', title: t('grassroots.rates.rate'), align: 'right' as const, width: 120, render: (_: unknown, row: Row) => rateText(row.rate) },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker key={unit.id} value={unit.id} onChange={(_, picked) => picked && setUnit(picked)} initialUnit={unit} scope="mine" allowClear={false} />
        </div>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(value) => value && setYear(value)}
          prefix={t('grassroots.year')}
          style={{ width: 130 }}
        />
        <Typography.Link onClick={() => download('/api/grassroots-problems/report.xlsx', { unitId, year }).catch(notifyError)}>
          <DownloadOutlined /> {t('grassroots.export')}
        </Typography.Link>
        <Typography.Link onClick={() => onDrill({ unit, year })} data-testid="grassroots-rates-list">
          <UnorderedListOutlined /> {t('grassroots.rates.list')}
        </Typography.Link>
      </Flex>
      {report.isError && <QueryErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {data && (
        <>
          <Alert type="success" title={data.sentence} data-testid="grassroots-sentence" />
          <Row gutter={[16, 16]}>
            {[
              { key: 'registered', title: t('grassroots.rates.registered'), value: NUMBER.format(data.registered) },
              { key: 'rate', title: t('grassroots.rates.rate'), value: rateText(data.rate) },
              { key: 'partly', title: t('grassroots.rates.partly'), value: NUMBER.format(data.partlyResolved) },
              { key: 'open', title: t('grassroots.rates.open'), value: NUMBER.format(data.open) },
              { key: 'carried', title: t('grassroots.rates.carried'), value: NUMBER.format(data.carriedOver) },
            ].map((item) => (
              <Col key={item.key} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={item.title} value={item.value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('grassroots.rates.byField')}>
                <EChart
                  style={{ height: Math.max(200, data.byField.length * 34) }}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                    yAxis: { type: 'category', inverse: true, data: data.byField.map((row) => row.label), axisLabel: { width: 180, overflow: 'truncate' } },
                    series: [
                      { type: 'bar', name: t('grassroots.rates.rate'), data: data.byField.map((row) => row.rate ?? 0), itemStyle: { color: '#389e0d' } },
                    ],
                  }}
                />
                <Table
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={data.byField}
                  onRow={(row) => ({ onClick: () => onDrill({ unit, year, field: { code: row.code, label: row.label } }), style: { cursor: 'pointer' } })}
                  columns={columns({ title: t('grassroots.field'), render: (row) => ('label' in row ? row.label : '') })}
                />
              </Card>
            </Col>
            {data.byChild.length > 0 && (
              <Col xs={24} lg={12}>
                <Card size="small" title={t('grassroots.rates.byChild')}>
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    scroll={{ y: 520 }}
                    dataSource={data.byChild}
                    data-testid="grassroots-by-child"
                    onRow={(row) => ({ onClick: () => 'id' in row && setUnit({ id: row.id, name: row.name }), style: { cursor: 'pointer' } })}
                    columns={columns({ title: t('grassroots.rates.unit'), render: (row) => ('name' in row ? row.name : '') })}
                  />
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
    </Flex>
  );
}
