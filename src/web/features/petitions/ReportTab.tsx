import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Card, Col, DatePicker, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { EChart } from '../compliance/EChart';
import { useFileDownload } from '../imports/file-transfer';
import { usePetitionReport } from './petitions.api';
import { usePetitionDefaultDate } from './use-petition-date';

const NUMBER = new Intl.NumberFormat('vi-VN');

/** What a unit's petitions and dialogues came to over a period, with the sentence the yearly report needs. */
export function ReportTab() {
  const t = useT();
  const user = useCurrentUser();
  const notifyError = useApiErrorNotice();
  const download = useFileDownload();
  const { defaultAsOf } = usePetitionDefaultDate();
  const [unitId, setUnitId] = useState(user.unit.id);
  const year = Number(defaultAsOf.slice(0, 4));
  const [period, setPeriod] = useState<[string, string]>([`${year - 1}-01-01`, defaultAsOf]);
  const report = usePetitionReport(unitId, period[0], period[1]);
  const data = report.data;
  const percent = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.round((part / whole) * 1000) / 10}%)`);

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker
            value={unitId}
            onChange={(id) => id && setUnitId(id)}
            initialUnit={{ id: user.unit.id, name: user.unit.name }}
            scope="mine"
            allowClear={false}
          />
        </div>
        <DatePicker.RangePicker
          value={[fromApiDate(period[0]), fromApiDate(period[1])]}
          format={DATE_DISPLAY_FORMAT}
          allowClear={false}
          aria-label={t('petitions.report.period')}
          onChange={(dates) => dates?.[0] && dates[1] && setPeriod([toApiDate(dates[0]), toApiDate(dates[1])])}
        />
        <Typography.Link onClick={() => download('/api/petitions/report.xlsx', { unitId, from: period[0], to: period[1] }).catch(notifyError)}>
          <DownloadOutlined /> {t('petitions.export')}
        </Typography.Link>
      </Flex>
      {report.isError && <QueryErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {data && (
        <>
          <Alert type="success" title={data.sentence} data-testid="petitions-sentence" />
          <Row gutter={[16, 16]}>
            {[
              { key: 'received', title: t('petitions.report.received'), value: data.received },
              { key: 'within', title: t('petitions.report.withinAuthority'), value: data.withinAuthority },
              {
                key: 'settled',
                title: t('petitions.report.settled'),
                value: data.settled,
                suffix: `${NUMBER.format(data.settledOnTime)} ${t('petitions.report.onTime')}`,
              },
              { key: 'agreed', title: t('petitions.report.agreed'), value: data.settledAgreed, suffix: percent(data.settledAgreed, data.settled) },
              { key: 'overdue', title: t('petitions.report.overdueOpen'), value: data.overdueOpen },
              { key: 'overLevel', title: t('petitions.report.overLevel'), value: data.overLevel },
              { key: 'dialogues', title: t('petitions.report.dialogues'), value: data.dialogues },
            ].map((item) => (
              <Col key={item.key} xs={12} md={8} xl={6}>
                <Card size="small">
                  <Statistic
                    title={item.title}
                    value={item.value}
                    formatter={(value) => NUMBER.format(Number(value))}
                    suffix={
                      item.suffix && (
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {item.suffix}
                        </Typography.Text>
                      )
                    }
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary">
            {t('petitions.report.commitments', {
              done: data.commitments.done,
              doneLate: data.commitments.doneLate,
              total: data.commitments.total,
              overdue: data.commitments.overdue,
            })}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('petitions.report.byField')}>
                <EChart
                  style={{ height: Math.max(200, data.byField.length * 34) }}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', inverse: true, data: data.byField.map((row) => row.label), axisLabel: { width: 180, overflow: 'truncate' } },
                    series: [{ type: 'bar', name: t('petitions.report.count'), data: data.byField.map((row) => row.count), itemStyle: { color: '#1677ff' } }],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('petitions.report.overLevelByYear')}>
                <EChart
                  style={{ height: 220 }}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'category', data: data.overLevelByYear.map((row) => String(row.year)) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [
                      { type: 'bar', name: t('petitions.report.count'), data: data.overLevelByYear.map((row) => row.count), itemStyle: { color: '#d4380d' } },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                title={() => t('petitions.report.byType')}
                dataSource={data.byType}
                columns={[
                  { key: 'label', title: t('petitions.col.type'), render: (_, row) => row.label },
                  { key: 'count', title: t('petitions.report.count'), align: 'right', width: 100, render: (_, row) => NUMBER.format(row.count) },
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                title={() => t('petitions.report.overLevelByCommune')}
                dataSource={data.overLevelByCommune}
                data-testid="over-level-by-commune"
                columns={[
                  { key: 'name', title: t('petitions.dialogue.commune'), render: (_, row) => row.name },
                  { key: 'count', title: t('petitions.report.count'), align: 'right', width: 100, render: (_, row) => NUMBER.format(row.count) },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
