import { EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api/api-client';
import { describeApiError } from '../../app/api/api-errors';
import { UrlTabs } from '../../app/components/UrlTabs';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate, todayInVietnam } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { useFileDownload } from '../imports/file-transfer';
import { CadreTrainingTab } from '../training/CadreTrainingTab';
import { CadrePracticeTab } from '../grassroots/CadrePracticeTab';
import { CadreRotationsTab } from '../rotations/CadreRotationsTab';
import { CadreEvaluationsTab } from '../evaluations/CadreEvaluationsTab';
import { AsOfDatePicker } from './AsOfDatePicker';
import { formatDateOrYear, genderLabel, postTitle } from './cadre-format';
import { cadresPath, useProfileAsOf } from './cadre-url';
import { CadreFormDrawer } from './CadreFormDrawer';
import { CadrePhoto } from './CadrePhoto';
import { cadrePath, useCadreProfile, type CadreProfile } from './cadres.api';
import { PersonalInfoTab } from './PersonalInfoTab';
import { PostsTab } from './PostsTab';
import { QualificationsTab } from './QualificationsTab';

function ProfileHeader({ cadre, asOf, onAsOfChange, onEdit }: { cadre: CadreProfile; asOf: string; onAsOfChange: (asOf: string) => void; onEdit: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const download = useFileDownload();
  const [downloading, setDownloading] = useState(false);

  async function downloadResume() {
    setDownloading(true);
    try {
      await download(`${cadrePath(cadre.id)}/resume.docx`, undefined, 'so-yeu-ly-lich.docx');
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setDownloading(false);
    }
  }

  const facts = [
    formatDateOrYear(cadre.birthDate, cadre.birthDatePrecision) &&
      t('cadres.header.born', { date: formatDateOrYear(cadre.birthDate, cadre.birthDatePrecision)! }),
    genderLabel(cadre.gender, t),
    cadre.owningUnit && t('cadres.header.owningUnit', { unit: cadre.owningUnit.name }),
  ].filter(Boolean);

  return (
    <Card style={{ marginBottom: 16 }} data-testid="cadre-header">
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 12 }}>
        <Breadcrumb
          items={[
            { key: 'list', title: <Link to={cadresPath('/cadres', asOf)}>{t('nav.cadres')}</Link> },
            { key: 'cadre', title: cadre.fullName },
          ]}
        />
        <AsOfDatePicker value={asOf} onChange={onAsOfChange} label={t('cadres.asOf.profileLabel')} hint={t('cadres.asOf.profileHint')} />
      </Flex>
      <Flex gap={20} align="flex-start" wrap>
        <CadrePhoto cadre={cadre} canWrite={cadre.abilities.changePhoto} />
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 280 }}>
          <Flex align="center" gap={10} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="cadre-name">
              {cadre.fullName}
            </Typography.Title>
            {cadre.isKey && <Tag color="red">{t('cadres.header.keyCadre')}</Tag>}
          </Flex>
          <Typography.Text type="secondary">{facts.join(' · ')}</Typography.Text>
          <div data-testid="cadre-current-posts">
            {cadre.posts.length === 0 ? (
              <Typography.Text type="secondary">{t('cadres.header.noPost', { date: formatDate(asOf) })}</Typography.Text>
            ) : (
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{t('cadres.header.postsOn', { date: formatDate(asOf) })}</Typography.Text>
                {cadre.posts.map((post) => (
                  <Flex key={post.id} gap={6} align="center" wrap>
                    <Typography.Text strong>{postTitle(post, language)}</Typography.Text>
                    <Typography.Text>— {post.unit.name}</Typography.Text>
                    {post.concurrent && <Tag color="blue">{t('cadres.post.concurrent')}</Tag>}
                  </Flex>
                ))}
              </Flex>
            )}
          </div>
        </Flex>
        <Flex vertical gap={8} align="flex-end">
          {cadre.abilities.downloadResume && (
            <Button icon={<FileWordOutlined />} loading={downloading} onClick={() => void downloadResume()} data-testid="cadre-resume">
              {t('cadres.resume')}
            </Button>
          )}
          {cadre.abilities.edit && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="cadre-edit">
              {t('cadres.editPersonal')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

export function CadreProfilePage() {
  const t = useT();
  const { cadreId = '' } = useParams();
  const [asOf, setAsOf] = useProfileAsOf();
  const profile = useCadreProfile(cadreId, asOf);
  const [editing, setEditing] = useState(false);

  if (profile.isError && !profile.data) {
    if (profile.error instanceof ApiError && profile.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('cadres.profile.notFound')}
          subTitle={t('cadres.profile.notFoundHint')}
          extra={<Link to={cadresPath('/cadres', asOf)}>{t('cadres.backToList')}</Link>}
        />
      );
    }
    return <QueryErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  if (!profile.data) return <Skeleton active avatar paragraph={{ rows: 10 }} />;

  const cadre = profile.data;
  // Later features (training, rotation) add their tabs to this list.
  const tabs: { key: string; label: ReactNode; children: ReactNode }[] = [
    { key: 'personal', label: t('cadres.tab.personal'), children: <PersonalInfoTab cadre={cadre} /> },
    { key: 'posts', label: t('cadres.tab.posts'), children: <PostsTab cadre={cadre} asOf={asOf} canWrite={cadre.abilities.changePosts} /> },
    {
      key: 'qualifications',
      label: t('cadres.tab.qualifications'),
      children: <QualificationsTab cadre={cadre} asOf={asOf} canWrite={cadre.abilities.changeQualifications} />,
    },
    { key: 'training', label: t('training.profile.tab'), children: <CadreTrainingTab cadreId={cadre.id} /> },
    { key: 'practice', label: t('grassroots.practice.tab'), children: <CadrePracticeTab cadreId={cadre.id} /> },
    { key: 'rotations', label: t('rotations.tab.profile'), children: <CadreRotationsTab cadreId={cadre.id} /> },
    { key: 'evaluations', label: t('evaluations.tab'), children: <CadreEvaluationsTab cadreId={cadre.id} /> },
  ];

  return (
    <>
      <ProfileHeader cadre={cadre} asOf={asOf} onAsOfChange={setAsOf} onEdit={() => setEditing(true)} />
      {cadre.abilities.reach === 'history' && (
        <Alert
          type="info"
          showIcon
          title={t('cadres.profile.historyOnly')}
          description={t('cadres.profile.historyOnlyHint')}
          style={{ marginBottom: 16 }}
          data-testid="cadre-history-only"
        />
      )}
      {asOf !== todayInVietnam() && (
        <Alert type="warning" showIcon title={t('cadres.profile.pastState', { date: formatDate(asOf) })} style={{ marginBottom: 16 }} />
      )}
      {profile.isError && <QueryErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <UrlTabs items={tabs} defaultKey="personal" testId="cadre-tabs" />
      </Card>
      <CadreFormDrawer open={editing} cadre={cadre} asOf={asOf} onClose={() => setEditing(false)} />
    </>
  );
}
