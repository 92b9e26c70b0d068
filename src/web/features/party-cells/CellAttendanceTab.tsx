import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, InputNumber, Row, Statistic, Table, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { EChart } from '../compliance/EChart';
import { useProblemDefaultYear } from '../grassroots/use-problem-year';
import { useFileDownload } from '../imports/file-transfer';
import { CommitteeAttendance } from './CommitteeAttendance';
import { type CellCoverage, useCellCoverage } from './party-cells.api';

const NUMBER = new Intl.NumberFormat('vi-VN');
const rateText = (rate: number | null) => (rate === null ? '—' : `${rate.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

type Figures = CellCoverage['byChild'][number];

/**
 * Standing members at party-cell meetings for any unit and year: the
 * article's sentence, committees with assignments, visits made against
 * the plan by unit below and by committee, the cells left unvisited; a
 * committee opens its month grid (a commune's own opens directly).
 */
export function CellAttendanceTab() {
  const t = useT();
  const user = useCurrentUser();
  const defaults = useProblemDefaultYear();
  const [unit, setUnit] = useState({ id: user.unit.id, name: user.unit.name });
  const [year, setYear] = useState(defaults.year);
  const [idleMonths, setIdleMonths] = useState(3);
  const [picked, setPicked] = useState<string | null>(null);
  const coverage = useCellCoverage(unit.id, year, idleMonths);
  const download = useFileDownload();
  const notifyError = useApiErrorNotice();
  const data = coverage.data;
  const onlyCommittee = data?.unit.level === 'commune' && data.committeeRows.length === 1 ? data.committeeRows[0]!.id : null;
  const committeeId = picked ?? onlyCommittee;

  const figureColumns = (first: { title: string; render: (row: Figures) => ReactNode }) => [
    { key: 'name', title: first.title, render: (_: unknown, row: Figures) => first.render(row) },
    {
      key: 'assigned',
      title: t('cells.committeesAssigned'),
      align: 'right' as const,
      responsive: ['md' as const],
      render: (_: unknown, row: Figures) => `${row.committeesAssigned}/${row.committees}`,
    },
    { key: 'cells', title: t('cells.cellsAssigned'), align: 'right' as const, render: (_: unknown, row: Figures) => `${row.cellsAssigned}/${row.cells}` },
    {
      key: 'visits',
      title: t('cells.visits'),
      align: 'right' as const,
      responsive: ['lg' as const],
      render: (_: unknown, row: Figures) => `${NUMBER.format(row.done)}/${NUMBER.format(row.planned)}`,
    },
    { key: 'rate', title: t('cells.rate'), align: 'right' as const, render: (_: unknown, row: Figures) => rateText(row.rate) },
    {
      key: 'idle',
      title: t('cells.idleCells'),
      align: 'right' as const,
      responsive: ['md' as const],
      render: (_: unknown, row: Figures) => NUMBER.format(row.idleCells),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <div style={{ width: 280, maxWidth: '100%' }}>
          <UnitPicker
            key={unit.id}
            value={unit.id}
            onChange={(_, next) => {
              if (!next) return;
              setUnit(next);
              setPicked(null);
            }}
            initialUnit={unit}
            scope="mine"
            allowClear={false}
          />
        </div>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(value) => value && setYear(value)}
          prefix={t('cells.year')}
          style={{ width: 130 }}
          data-testid="cells-year"
        />
        <InputNumber
          min={1}
          max={24}
          precision={0}
          value={idleMonths}
          onChange={(value) => value && setIdleMonths(value)}
          prefix={t('cells.idleMonths')}
          suffix={t('cells.months')}
          style={{ width: 260 }}
        />
        <Typography.Link onClick={() => download('/api/cell-attendance/coverage.xlsx', { unitId: unit.id, year, idleMonths }).catch(notifyError)}>
          <DownloadOutlined /> {t('cells.export')}
        </Typography.Link>
      </Flex>
      {coverage.isError && <QueryErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />}
      {data && (
        <>
          <Alert
            type={data.committees > 0 && data.committeesAssigned === data.committees ? 'success' : 'info'}
            title={data.sentence}
            data-testid="cells-sentence"
          />
          <Row gutter={[16, 16]}>
            {[
              { key: 'committees', title: t('cells.committeesAssigned'), value: `${NUMBER.format(data.committeesAssigned)}/${NUMBER.format(data.committees)}` },
              { key: 'cells', title: t('cells.cellsAssigned'), value: `${NUMBER.format(data.cellsAssigned)}/${NUMBER.format(data.cells)}` },
              { key: 'rate', title: t('cells.rate'), value: rateText(data.rate) },
              { key: 'idle', title: t('cells.idleCells'), value: NUMBER.format(data.idleCells) },
            ].map((item) => (
              <Col key={item.key} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={item.title} value={item.value} />
                </Card>
              </Col>
            ))}
          </Row>
          {committeeId ? (
            <>
              {picked && (
                <div>
                  <Button icon={<ArrowLeftOutlined />} onClick={() => setPicked(null)}>
                    {t('cells.back')}
                  </Button>
                </div>
              )}
              <CommitteeAttendance committeeId={committeeId} year={year} />
            </>
          ) : (
            <>
              {data.committees === 0 && <Empty description={t('cells.noCommittee')} />}
              {data.byChild.length > 0 && (
                <Card size="small" title={t('cells.byChild')}>
                  <EChart
                    style={{ height: Math.max(200, data.byChild.length * 28) }}
                    option={{
                      tooltip: { trigger: 'axis' },
                      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                      yAxis: { type: 'category', inverse: true, data: data.byChild.map((row) => row.name), axisLabel: { width: 160, overflow: 'truncate' } },
                      series: [{ type: 'bar', name: t('cells.rate'), data: data.byChild.map((row) => row.rate ?? 0), itemStyle: { color: '#1677ff' } }],
                    }}
                  />
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={data.byChild}
                    data-testid="cells-by-child"
                    onRow={(row) => ({ onClick: () => setUnit({ id: row.id, name: row.name }), style: { cursor: 'pointer' } })}
                    columns={figureColumns({ title: t('cells.unit'), render: (row) => row.name })}
                  />
                </Card>
              )}
              {data.committeeRows.length > 0 && (
                <Card size="small" title={t('cells.committees')}>
                  <Table
                    size="small"
                    rowKey="id"
                    dataSource={data.committeeRows}
                    pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                    data-testid="cells-committees"
                    onRow={(row) => ({ onClick: () => setPicked(row.id), style: { cursor: 'pointer' } })}
                    columns={figureColumns({
                      title: t('cells.committee'),
                      render: (row) => (
                        <Flex vertical>
                          <Typography.Link>{(row as CellCoverage['committeeRows'][number]).commune.name}</Typography.Link>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {row.name}
                          </Typography.Text>
                        </Flex>
                      ),
                    })}
                  />
                </Card>
              )}
            </>
          )}
          {data.idle.length > 0 && (
            <Card size="small" title={t('cells.idle.title', { months: data.idleMonths })}>
              <Table
                size="small"
                rowKey={(row) => row.cell.id}
                dataSource={data.idle}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                data-testid="cells-idle"
                columns={[
                  { key: 'cell', title: t('cells.assignments.cell'), render: (_, row) => row.cell.name },
                  { key: 'commune', title: t('cells.unit'), render: (_, row) => row.commune.name },
                  {
                    key: 'last',
                    title: t('cells.lastVisit'),
                    width: 140,
                    render: (_, row) => (row.lastVisit ? formatDate(row.lastVisit) : t('cells.idle.never')),
                  },
                ]}
              />
              {data.idle.length < data.idleCells && <Typography.Text type="secondary">{t('cells.idle.more', { count: data.idle.length })}</Typography.Text>}
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
