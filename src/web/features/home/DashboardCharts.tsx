import { Card, Col, Row } from 'antd';
import { useLanguage, useT } from '../../app/i18n';
import type { Language } from '../../app/i18n';
import { levelLabel, SCALES } from '../compliance/compliance-labels';
import type { ComplianceSummary, LevelCount } from '../compliance/compliance.api';
import { EChart } from '../compliance/EChart';
import { formatCount, formatShare } from './dashboard-format';

interface AxisTooltipParam {
  name: string;
  value: number;
  dataIndex: number;
}

/** Every number ECharts writes (axis, bar label, tooltip) goes through the page's formatting: 1.131, 92,8%. */
function distributionOption(title: string, rows: LevelCount[], total: number, labelOf: (level: string | null) => string, color: string, language: Language) {
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
    grid: { left: 8, right: 56, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: AxisTooltipParam[]) => {
        const point = params[0]!;
        return `${point.name}: <b>${formatCount(point.value, language)}</b> (${formatShare(total === 0 ? null : point.value / total, language)})`;
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatCount(value, language) } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => labelOf(row.level)) },
    series: [
      {
        type: 'bar',
        data: rows.map((row) => row.count),
        itemStyle: { color, borderRadius: [0, 4, 4, 0] },
        barMaxWidth: 26,
        label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => formatCount(value, language) },
      },
    ],
  };
}

/** How many people hold each level of professional education and of political theory on the date. */
export function LevelDistributionCharts({ summary }: { summary: ComplianceSummary }) {
  const t = useT();
  const { language } = useLanguage();
  const notRecorded = t('compliance.level.notRecorded');
  const charts = [
    { testId: 'chart-professional', title: t('compliance.chart.professional'), rows: summary.professional, scale: SCALES.professional, color: '#1677ff' },
    { testId: 'chart-theory', title: t('compliance.chart.politicalTheory'), rows: summary.politicalTheory, scale: SCALES.politicalTheory, color: '#d4380d' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map((chart) => (
        <Col key={chart.testId} xs={24} lg={12}>
          <Card data-testid={chart.testId} styles={{ body: { padding: 16 } }}>
            <EChart
              style={{ height: 280 }}
              option={distributionOption(
                chart.title,
                chart.rows,
                summary.totalPeople,
                (level) => levelLabel(chart.scale, level, language, notRecorded),
                chart.color,
                language,
              )}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Share meeting the standard in each unit of the next level down; a bar opens that unit. */
export function MeetingShareChart({ summary, onPick }: { summary: ComplianceSummary; onPick: (unitId: string) => void }) {
  const { language } = useLanguage();
  const children = summary.children.filter((child) => child.meetingShare !== null);
  if (children.length === 0) return null;
  const option = {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: AxisTooltipParam[]) => {
        const child = children[params[0]!.dataIndex]!;
        return `${child.unit.name}: <b>${formatShare(child.meetingShare, language)}</b> (${formatCount(child.meeting, language)}/${formatCount(child.totalPeople, language)})`;
      },
    },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: (value: number) => formatShare(value / 100, language) } },
    yAxis: { type: 'category', inverse: true, data: children.map((child) => child.unit.name) },
    series: [
      {
        type: 'bar',
        cursor: 'pointer',
        barMaxWidth: 18,
        data: children.map((child) => ({
          value: Math.round(child.meetingShare! * 1000) / 10,
          // Full compliance green, a shortfall amber: the units to look at stand out.
          itemStyle: { color: child.meetingShare === 1 ? '#52c41a' : '#faad14', borderRadius: [0, 4, 4, 0] },
        })),
        label: { show: true, position: 'right', formatter: ({ dataIndex }: { dataIndex: number }) => formatShare(children[dataIndex]!.meetingShare, language) },
      },
    ],
  };
  return (
    <div data-testid="chart-meeting-by-unit">
      <EChart
        style={{ height: Math.min(640, 40 + children.length * 24) }}
        option={option}
        onEvents={{ click: (event: { dataIndex: number }) => onPick(children[event.dataIndex]!.unit.id) }}
      />
    </div>
  );
}
