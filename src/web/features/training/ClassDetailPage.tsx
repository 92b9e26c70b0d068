import { DeleteOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api/api-client';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useFileDownload } from '../imports/file-transfer';
import { AttendanceTab } from './AttendanceTab';
import { CertificatesTab } from './CertificatesTab';
import { ClassEditModal } from './ClassEditModal';
import { EnrolmentsTab } from './EnrolmentsTab';
import { ScheduleTab } from './ScheduleTab';
import { ScoresTab } from './ScoresTab';
import { formLabel } from './training-labels';
import { useClass, useDeleteClass } from './training.api';
import { useCanWriteTraining } from './training-permissions';

const TAB_PARAM = 'tab';

export function ClassDetailPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useApiErrorNotice();
  const download = useFileDownload();
  const { classId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const canWrite = useCanWriteTraining();
  const klass = useClass(classId);
  const remove = useDeleteClass(classId);
  const [editing, setEditing] = useState(false);

  if (klass.isError) {
    if (klass.error instanceof ApiError && klass.error.status === 404) {
      return <Result status="404" title={t('training.class.notFound')} extra={<Link to="/training">{t('training.backToClasses')}</Link>} />;
    }
    return <QueryErrorAlert error={klass.error} onRetry={() => void klass.refetch()} />;
  }
  if (!klass.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const detail = klass.data;

  const tabs = [
    { key: 'people', label: t('training.tab.people', { count: detail.enrolments.length }), children: <EnrolmentsTab klass={detail} canWrite={canWrite} /> },
    { key: 'schedule', label: t('training.tab.schedule'), children: <ScheduleTab klass={detail} canWrite={canWrite} /> },
    { key: 'attendance', label: t('training.tab.attendance'), children: <AttendanceTab klass={detail} canWrite={canWrite} /> },
    { key: 'scores', label: t('training.tab.scores'), children: <ScoresTab klass={detail} canWrite={canWrite} /> },
    { key: 'certificates', label: t('training.tab.certificates'), children: <CertificatesTab klass={detail} canWrite={canWrite} /> },
  ];
  const requested = searchParams.get(TAB_PARAM);
  const activeTab = tabs.some((tab) => tab.key === requested) ? requested! : 'people';

  function handleDelete() {
    remove.mutate(undefined, {
      onSuccess: () => {
        void message.success(t('training.class.deleted'));
        void navigate('/training');
      },
      onError: notifyError,
    });
  }

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'list', title: <Link to="/training">{t('training.title')}</Link> },
          { key: 'class', title: detail.name },
        ]}
      />
      <PageHeader
        title={detail.name}
        description={
          <>
            {detail.programme.name} <Tag style={{ marginInlineStart: 8 }}>{formLabel(detail.programme.form, t)}</Tag>
          </>
        }
        actions={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => download(`/api/training/classes/${classId}/results.xlsx`).catch(notifyError)}>
              {t('training.class.exportResults')}
            </Button>
            {canWrite && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('training.class.edit')}
              </Button>
            )}
            {canWrite && (
              <Popconfirm title={t('training.class.deleteConfirm')} okText={t('training.delete')} cancelText={t('common.cancel')} onConfirm={handleDelete}>
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('training.class.delete')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          data-testid="class-summary"
          items={[
            { key: 'dates', label: t('training.class.dates'), children: `${formatDate(detail.startDate)} – ${formatDate(detail.endDate)}` },
            { key: 'venue', label: t('training.class.venue'), children: detail.venue ?? '—' },
            { key: 'sessions', label: t('training.class.sessions'), children: detail.sessions.length },
            {
              key: 'capacity',
              label: t('training.class.enrolled'),
              children: (
                <Typography.Text type={detail.enrolled >= detail.capacity ? 'warning' : undefined}>
                  {t('training.class.enrolledOf', { enrolled: detail.enrolled, capacity: detail.capacity })}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={activeTab} onChange={(key) => setSearchParams({ [TAB_PARAM]: key }, { replace: true })} items={tabs} data-testid="class-tabs" />
      </Card>
      {editing && <ClassEditModal klass={detail} onClose={() => setEditing(false)} />}
    </>
  );
}
