import { DownloadOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, InputNumber, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { todayInVietnam } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { TrainingChart } from './TrainingChart';
import { useFileDownload } from '../imports/file-transfer';
import { formLabel } from './training-labels';
import { useDiversity, useFulfilment, type Diversity, type Fulfilment } from './training.api';

type CourseRow = Fulfilment['byCourseType'][number];
type FormRow = Diversity['byForm'][number];

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

export function ResultsTab() {
  const t = useT();
  const user = useCurrentUser();
  const notifyError = useApiErrorNotice();
  const download = useFileDownload();
  const [unitId, setUnitId] = useState<string | undefined>(user.unit.id);
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const fulfilment = useFulfilment(unitId, year);
  const diversity = useDiversity(unitId, year);
  const courses = fulfilment.data?.byCourseType ?? [];
  const forms = diversity.data?.byForm ?? [];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <div style={{ width: 300 }}>
          <UnitPicker
            value={unitId}
            onChange={(id) => setUnitId(id)}
            initialUnit={{ id: user.unit.id, name: user.unit.name }}
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
          aria-label={t('training.results.year')}
          prefix={t('training.results.year')}
          style={{ width: 130 }}
        />
      </Flex>

      <Card
        title={t('training.results.fulfilment')}
        extra={
          <a onClick={() => download('/api/training/plan-fulfilment.xlsx', { unitId, year }).catch(notifyError)}>
            <DownloadOutlined /> {t('training.export')}
          </a>
        }
      >
        {fulfilment.isError && <QueryErrorAlert error={fulfilment.error} onRetry={() => void fulfilment.refetch()} />}
        {fulfilment.data && (
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={8}>
              <Statistic title={t('training.results.planned')} value={fulfilment.data.total.planned} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('training.results.enrolled')}
                value={fulfilment.data.total.enrolled}
                suffix={<Typography.Text type="secondary">{percent(fulfilment.data.total.enrolled, fulfilment.data.total.planned)}</Typography.Text>}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('training.results.certified')}
                value={fulfilment.data.total.certified}
                suffix={<Typography.Text type="secondary">{percent(fulfilment.data.total.certified, fulfilment.data.total.planned)}</Typography.Text>}
              />
            </Col>
          </Row>
        )}
        {courses.length > 0 ? (
          <>
            <TrainingChart
              style={{ height: Math.max(220, courses.length * 56) }}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', inverse: true, data: courses.map((course) => course.courseName), axisLabel: { width: 260, overflow: 'truncate' } },
                series: [
                  { name: t('training.results.planned'), type: 'bar', data: courses.map((course) => course.planned), itemStyle: { color: '#bfbfbf' } },
                  { name: t('training.results.enrolled'), type: 'bar', data: courses.map((course) => course.enrolled), itemStyle: { color: '#1677ff' } },
                  { name: t('training.results.certified'), type: 'bar', data: courses.map((course) => course.certified), itemStyle: { color: '#52c41a' } },
                ],
              }}
            />
            <Table<CourseRow>
              rowKey="courseType"
              size="small"
              pagination={false}
              dataSource={courses}
              data-testid="fulfilment-table"
              columns={[
                { key: 'course', title: t('training.results.course'), render: (_, row) => row.courseName },
                { key: 'planned', title: t('training.results.planned'), align: 'right', width: 110, render: (_, row) => row.planned },
                { key: 'enrolled', title: t('training.results.enrolled'), align: 'right', width: 110, render: (_, row) => row.enrolled },
                { key: 'certified', title: t('training.results.certified'), align: 'right', width: 130, render: (_, row) => row.certified },
                { key: 'rate', title: t('training.results.rate'), align: 'right', width: 110, render: (_, row) => percent(row.certified, row.planned) },
              ]}
            />
          </>
        ) : (
          !fulfilment.isLoading && <Empty description={t('training.results.noPlan')} />
        )}
      </Card>

      <Card
        title={t('training.results.diversity')}
        extra={
          <a onClick={() => download('/api/training/diversity.xlsx', { unitId, year }).catch(notifyError)}>
            <DownloadOutlined /> {t('training.export')}
          </a>
        }
      >
        {diversity.isError && <QueryErrorAlert error={diversity.error} onRetry={() => void diversity.refetch()} />}
        {diversity.data && (
          <Typography.Paragraph>{t('training.results.formsUsed', { count: diversity.data.formsUsed, total: forms.length })}</Typography.Paragraph>
        )}
        {forms.length > 0 && (
          <>
            <TrainingChart
              style={{ height: 80 + forms.length * 48 }}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', inverse: true, data: forms.map((row) => formLabel(row.form, t)), axisLabel: { width: 260, overflow: 'truncate' } },
                series: [
                  { name: t('training.results.classes'), type: 'bar', data: forms.map((row) => row.classes), itemStyle: { color: '#1677ff' } },
                  { name: t('training.results.visits'), type: 'bar', data: forms.map((row) => row.visits), itemStyle: { color: '#52c41a' } },
                  { name: t('training.results.participants'), type: 'bar', data: forms.map((row) => row.participants), itemStyle: { color: '#faad14' } },
                ],
              }}
            />
            <Table<FormRow>
              rowKey={(row) => row.form.code}
              size="small"
              pagination={false}
              dataSource={forms}
              data-testid="diversity-table"
              columns={[
                { key: 'form', title: t('training.programme.form'), render: (_, row) => formLabel(row.form, t) },
                { key: 'classes', title: t('training.results.classes'), align: 'right', width: 110, render: (_, row) => row.classes },
                { key: 'visits', title: t('training.results.visits'), align: 'right', width: 140, render: (_, row) => row.visits },
                { key: 'participants', title: t('training.results.participants'), align: 'right', width: 130, render: (_, row) => row.participants },
              ]}
            />
          </>
        )}
      </Card>
    </Flex>
  );
}
