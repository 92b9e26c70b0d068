import { Card, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../app/format/dates';
import { useLanguage, useT, type Translate } from '../../app/i18n';
import type { Language } from '../../app/i18n';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { levelLabel, SCALES, STATUS_COLORS } from './compliance-labels';
import { WorkingLifeCell } from '../cadres/WorkingLife';
import { useCompliancePeople, type ComplianceStatus, type PeopleParams, type PersonCompliance, type PostCompliance } from './compliance.api';

const STATUS_FILTERS: (ComplianceStatus | 'all')[] = ['all', 'does_not_meet', 'meets', 'no_standard'];

function statusLabel(t: Translate, status: ComplianceStatus): string {
  return t(`compliance.status.${status}`);
}

/** One post: its status, the standard that judged it (unconfirmed figures flagged) and every gap with the course that closes it. */
export function PostVerdict({ post, t, language }: { post: PostCompliance; t: Translate; language: Language }) {
  return (
    <Flex vertical gap={2} style={{ marginBottom: 6 }} data-testid="post-verdict">
      <Flex gap={6} wrap align="center">
        <Typography.Text strong>{language === 'vi' ? post.titleName : post.titleNameEn}</Typography.Text>
        <Typography.Text type="secondary">{post.unit.name}</Typography.Text>
        <Tag color={STATUS_COLORS[post.status]}>{statusLabel(t, post.status)}</Tag>
        {post.rule && (
          <Tooltip title={post.rule.legalBasis}>
            <Tag>
              {post.rule.code}
              {post.rule.version && post.rule.version > 1 ? ` (v${post.rule.version})` : ''}
            </Tag>
          </Tooltip>
        )}
        {post.rule && !post.rule.confirmed && (
          <Tooltip title={t('compliance.rule.unconfirmedHint')}>
            <Tag color="gold">{t('compliance.rule.unconfirmed')}</Tag>
          </Tooltip>
        )}
        {post.firstAppointment && <Tag color="blue">{t('compliance.post.firstAppointment', { date: formatDate(post.startDate) })}</Tag>}
        {post.reelection && <Tag color="purple">{t('compliance.post.reelection', { date: formatDate(post.startDate) })}</Tag>}
      </Flex>
      {post.gaps.map((gap) => (
        <Typography.Text key={`${gap.kind}-${gap.message}`} type="danger" data-testid="gap">
          • {language === 'vi' ? gap.message : gap.messageEn}
          {gap.closingCourseName && <Typography.Text type="secondary"> — {t('compliance.gap.course', { course: gap.closingCourseName })}</Typography.Text>}
        </Typography.Text>
      ))}
      {post.noStandardReason && (
        <Typography.Text type="secondary">{language === 'vi' ? post.noStandardReason.message : post.noStandardReason.messageEn}</Typography.Text>
      )}
    </Flex>
  );
}

/** The drill-down to people: each person once, with every counted post judged and its gaps. */
export function PeopleTable({
  params,
  onStatus,
  onPage,
}: {
  params: PeopleParams;
  onStatus: (status: ComplianceStatus | undefined) => void;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const people = useCompliancePeople(params);
  const notRecorded = t('compliance.level.notRecorded');

  return (
    <Card
      title={t('compliance.people.title')}
      extra={
        <Segmented<ComplianceStatus | 'all'>
          value={params.status ?? 'all'}
          onChange={(value) => onStatus(value === 'all' ? undefined : value)}
          options={STATUS_FILTERS.map((value) => ({ value, label: value === 'all' ? t('compliance.people.all') : statusLabel(t, value) }))}
          data-testid="people-status-filter"
        />
      }
    >
      {people.isError && <QueryErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
      <Table<PersonCompliance>
        rowKey={(person) => person.cadre.id}
        dataSource={people.data?.items}
        loading={people.isFetching}
        data-testid="compliance-people"
        scroll={{ x: 900 }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: people.data?.total ?? 0,
          showSizeChanger: false,
          onChange: onPage,
          showTotal: (total) => t('common.totalItems', { total }),
        }}
        columns={[
          {
            key: 'name',
            title: t('compliance.people.name'),
            width: 220,
            render: (_, person) => (
              <Flex vertical>
                <Link to={`/cadres/${person.cadre.id}`}>{person.cadre.fullName}</Link>
                {person.cadre.birthDate && (
                  <Typography.Text type="secondary">
                    {person.cadre.birthDatePrecision === 'year' ? person.cadre.birthDate.slice(0, 4) : formatDate(person.cadre.birthDate)}
                  </Typography.Text>
                )}
                {person.cadre.workingLife && (
                  <span>
                    <WorkingLifeCell life={person.cadre.workingLife} />
                  </span>
                )}
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('compliance.people.status'),
            width: 150,
            render: (_, person) => person.status && <Tag color={STATUS_COLORS[person.status]}>{statusLabel(t, person.status)}</Tag>,
          },
          {
            key: 'levels',
            title: t('compliance.people.levels'),
            width: 220,
            render: (_, person) => (
              <Flex vertical>
                <Typography.Text>
                  {t('compliance.people.professional')}: {levelLabel(SCALES.professional, person.levels.professional, language, notRecorded)}
                  {person.levels.professionalField ? ` (${person.levels.professionalField})` : ''}
                </Typography.Text>
                <Typography.Text>
                  {t('compliance.people.politicalTheory')}: {levelLabel(SCALES.politicalTheory, person.levels.politicalTheory, language, notRecorded)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'posts',
            title: t('compliance.people.posts'),
            render: (_, person) => person.posts.map((post) => <PostVerdict key={post.postId} post={post} t={t} language={language} />),
          },
        ]}
      />
    </Card>
  );
}
