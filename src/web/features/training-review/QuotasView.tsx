import { Card, Col, Row, Statistic, Table } from 'antd';
import { EChart as ReactECharts } from '../compliance/EChart';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { useLanguage, useT } from '../../app/i18n';
import { useQuotas, type CourseCount, type Quotas, type ReviewDetail } from './training-review.api';

/** The plan's quotas (chỉ tiêu): places per course type, per field and per unit, from the accepted people. */
export function QuotasView({ review }: { review: ReviewDetail }) {
  const t = useT();
  const { language } = useLanguage();
  const quotas = useQuotas(review.id, review.status, review.counts.accepted);
  if (quotas.isError) return <QueryErrorAlert error={quotas.error} onRetry={() => void quotas.refetch()} />;
  const data = quotas.data;
  const courseName = (row: CourseCount) => (language === 'vi' ? row.courseName : row.courseNameEn);

  return (
    <Row gutter={[16, 16]} data-testid="quotas">
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t('reviews.quotas.places')} value={data?.places ?? 0} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t('reviews.quotas.people')} value={data?.people ?? 0} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card>
          <ReactECharts
            style={{ height: Math.max(140, 40 + (data?.byCourseType.length ?? 0) * 28) }}
            option={{
              grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', inverse: true, data: (data?.byCourseType ?? []).map(courseName), axisLabel: { width: 220, overflow: 'truncate' } },
              series: [
                {
                  type: 'bar',
                  data: (data?.byCourseType ?? []).map((row) => row.count),
                  itemStyle: { color: '#1677ff' },
                  label: { show: true, position: 'right' },
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('reviews.quotas.byCourse')}>
          <Table<CourseCount>
            rowKey="courseType"
            size="small"
            pagination={false}
            loading={quotas.isFetching}
            dataSource={data?.byCourseType}
            data-testid="quotas-by-course"
            columns={[
              { key: 'course', title: t('reviews.proposal.course'), render: (_, row) => courseName(row) },
              { key: 'field', title: t('reviews.quotas.field'), render: (_, row) => row.fieldLabel },
              { key: 'count', title: t('reviews.quotas.count'), align: 'right', render: (_, row) => row.count },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('reviews.quotas.byField')}>
          <Table<Quotas['byField'][number]>
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={data?.byField}
            columns={[
              { key: 'field', title: t('reviews.quotas.field'), render: (_, row) => (language === 'vi' ? row.label : row.labelEn) },
              { key: 'count', title: t('reviews.quotas.count'), align: 'right', render: (_, row) => row.count },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t('reviews.quotas.byUnit')}>
          <Table<Quotas['byUnit'][number]>
            rowKey={(row) => row.unit.id}
            size="small"
            pagination={false}
            dataSource={data?.byUnit}
            columns={[
              { key: 'unit', title: t('reviews.proposal.unit'), render: (_, row) => row.unit.name },
              { key: 'places', title: t('reviews.quotas.places'), align: 'right', width: 120, render: (_, row) => row.places },
              {
                key: 'courses',
                title: t('reviews.quotas.byCourse'),
                render: (_, row) => row.byCourseType.map((course) => `${courseName(course)}: ${course.count}`).join('; '),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
