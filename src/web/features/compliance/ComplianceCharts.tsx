import { Card, Col, Row } from 'antd';
import { EChart as ReactECharts } from './EChart';
import { useLanguage, useT } from '../../app/i18n';
import { levelLabel, SCALES } from './compliance-labels';
import type { ComplianceSummary, LevelCount } from './compliance.api';

function distributionOption(title: string, rows: LevelCount[], labelOf: (level: string | null) => string, color: string) {
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => labelOf(row.level)) },
    series: [{ type: 'bar', data: rows.map((row) => row.count), itemStyle: { color }, label: { show: true, position: 'right' } }],
  };
}

/** How many people hold each level of professional education and of political theory on the date. */
export function LevelCharts({ summary }: { summary: ComplianceSummary }) {
  const t = useT();
  const { language } = useLanguage();
  const notRecorded = t('compliance.level.notRecorded');
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        <Card data-testid="chart-professional">
          <ReactECharts
            style={{ height: 300 }}
            option={distributionOption(
              t('compliance.chart.professional'),
              summary.professional,
              (level) => levelLabel(SCALES.professional, level, language, notRecorded),
              '#1677ff',
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card data-testid="chart-theory">
          <ReactECharts
            style={{ height: 300 }}
            option={distributionOption(
              t('compliance.chart.politicalTheory'),
              summary.politicalTheory,
              (level) => levelLabel(SCALES.politicalTheory, level, language, notRecorded),
              '#d4380d',
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** Share of people meeting the standard in each unit of the next level down; a bar opens that unit. */
export function MeetingByUnitChart({ summary, onPick }: { summary: ComplianceSummary; onPick: (unitId: string) => void }) {
  const t = useT();
  const children = summary.children.filter((child) => child.totalPeople > 0);
  if (children.length === 0) return null;
  const option = {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => `${value}%`,
    },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: children.map((child) => child.unit.name) },
    series: [
      {
        name: t('compliance.children.meetingShare'),
        type: 'bar',
        data: children.map((child) => Math.round((child.meetingShare ?? 0) * 1000) / 10),
        itemStyle: { color: '#52c41a' },
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
  return (
    <div data-testid="chart-meeting-by-unit">
      <ReactECharts
        style={{ height: Math.min(600, 60 + children.length * 26) }}
        option={option}
        onEvents={{ click: (event: { dataIndex: number }) => onPick(children[event.dataIndex]!.unit.id) }}
      />
    </div>
  );
}
