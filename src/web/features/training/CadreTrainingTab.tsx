import { Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate, todayInVietnam } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { formLabel } from './training-labels';
import { useCadreTraining, useVisits, type CadreTraining } from './training.api';

type ClassRow = CadreTraining['classes'][number];

function StatusTag({ row }: { row: ClassRow }) {
  const t = useT();
  const today = todayInVietnam();
  if (row.certificate) return <Tag color="green">{t('training.profile.status.certified')}</Tag>;
  if (row.startDate > today) return <Tag color="blue">{t('training.profile.status.upcoming')}</Tag>;
  if (row.endDate >= today) return <Tag color="processing">{t('training.profile.status.ongoing')}</Tag>;
  return <Tag>{t('training.profile.status.finished')}</Tag>;
}

/** Guidance visits in which this person was among those guided: training too, without a class. */
function GuidedVisits({ cadreId }: { cadreId: string }) {
  const t = useT();
  const visits = useVisits({ cadreId });
  const items = visits.data?.items ?? [];
  if (visits.isError) return <QueryErrorAlert error={visits.error} onRetry={() => void visits.refetch()} />;
  if (items.length === 0) return null;
  return (
    <div data-testid="cadre-guided-visits">
      <Typography.Title level={5}>{t('training.profile.visits')}</Typography.Title>
      <Flex vertical gap={4}>
        {items.map((visit) => (
          <Typography.Text key={visit.id}>
            {formatDate(visit.visitedOn)} — {visit.commune.name}: {visit.officers.map((officer) => officer.fullName).join(', ')}
            {visit.fields.length > 0 && <Typography.Text type="secondary"> ({visit.fields.join(', ')})</Typography.Text>}
          </Typography.Text>
        ))}
      </Flex>
    </div>
  );
}

/** The "Đào tạo" tab of a cadre's profile: every class the person was in, and the hours of study per year. */
export function CadreTrainingTab({ cadreId }: { cadreId: string }) {
  const t = useT();
  const training = useCadreTraining(cadreId);
  if (training.isError) return <QueryErrorAlert error={training.error} onRetry={() => void training.refetch()} />;
  const data = training.data;

  return (
    <Flex vertical gap={16} data-testid="cadre-training">
      {data && data.hoursByYear.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('training.profile.hours')}</Typography.Title>
          <Row gutter={[16, 16]}>
            {data.hoursByYear.map((entry) => (
              <Col key={entry.year} xs={12} md={6} lg={4}>
                <Statistic title={t('training.profile.year', { year: entry.year })} value={entry.hours} suffix={t('training.profile.hoursUnit')} />
              </Col>
            ))}
          </Row>
        </div>
      )}
      <Table<ClassRow>
        rowKey="classId"
        loading={training.isFetching}
        dataSource={data?.classes}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('training.profile.none')} /> }}
        columns={[
          {
            key: 'programme',
            title: t('training.class.programme'),
            render: (_, row) => (
              <Flex vertical gap={2}>
                <Typography.Text>{row.programme.name}</Typography.Text>
                <span>
                  <Tag>{formLabel(row.programme.form, t)}</Tag>
                </span>
              </Flex>
            ),
          },
          {
            key: 'class',
            title: t('training.class.name'),
            width: 240,
            render: (_, row) => <Link to={`/training/classes/${row.classId}`}>{row.className}</Link>,
          },
          { key: 'dates', title: t('training.class.dates'), width: 130, render: (_, row) => `${formatDate(row.startDate)} – ${formatDate(row.endDate)}` },
          { key: 'status', title: t('training.profile.status'), width: 140, render: (_, row) => <StatusTag row={row} /> },
          {
            key: 'attendance',
            title: t('training.enrol.attendance'),
            width: 150,
            render: (_, row) => t('training.enrol.presentOf', { present: row.present, total: row.sessions }),
          },
          {
            key: 'certificate',
            title: t('training.cert.certificate'),
            width: 200,
            render: (_, row) =>
              row.certificate ? (
                <Typography.Text>{t('training.cert.numberOn', { number: row.certificate.number, date: formatDate(row.certificate.issuedOn) })}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('training.profile.noCertificate')}</Typography.Text>
              ),
          },
        ]}
      />
      <GuidedVisits cadreId={cadreId} />
    </Flex>
  );
}
