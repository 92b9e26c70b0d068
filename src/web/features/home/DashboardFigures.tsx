import { FlagOutlined, ReadOutlined, SafetyCertificateOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { BRAND_RED } from '../../app/theme';
import type { ComplianceSummary } from '../compliance/compliance.api';
import { describeFigures, formatCount, formatShare } from './dashboard-format';

interface FigureCardProps {
  testId: string;
  icon: ReactNode;
  color: string;
  title: string;
  value: string;
  /** A share written beside the value, smaller. */
  share?: string;
  note: ReactNode;
}

function FigureCard({ testId, icon, color, title, value, share, note }: FigureCardProps) {
  return (
    <Card style={{ flex: '1 1 180px', minWidth: 180, borderTop: `3px solid ${color}` }} styles={{ body: { padding: '14px 18px' } }} data-testid={testId}>
      <Flex vertical gap={4}>
        <Flex gap={8} align="flex-start">
          <span style={{ color, fontSize: 16, lineHeight: '22px' }} aria-hidden>
            {icon}
          </span>
          <Typography.Text type="secondary">{title}</Typography.Text>
        </Flex>
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text strong style={{ fontSize: 30, lineHeight: 1.15, color }} data-testid={`${testId}-value`}>
            {value}
          </Typography.Text>
          {share && (
            <Typography.Text strong style={{ fontSize: 18, color }} data-testid={`${testId}-share`}>
              {share}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {note}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** The article's figures of the unit on the date: one sentence, then each figure on its own card. */
export function DashboardFigures({ summary }: { summary: ComplianceSummary }) {
  const t = useT();
  const { language } = useLanguage();
  const n = (value: number) => formatCount(value, language);
  const shareOf = (part: number) => (summary.totalPeople === 0 ? null : part / summary.totalPeople);
  const shareOfAll = (part: number) => t('dashboard.kpi.share', { share: formatShare(shareOf(part), language) });

  return (
    <Flex vertical gap={16}>
      <Card style={{ borderLeft: `4px solid ${BRAND_RED}` }} styles={{ body: { padding: '16px 20px' } }}>
        <Typography.Text type="secondary">{t('dashboard.sentence.title', { unit: summary.unit.name, date: formatDate(summary.asOf) })}</Typography.Text>
        <Typography.Paragraph style={{ fontSize: 17, margin: '4px 0 0' }} data-testid="dashboard-sentence">
          {describeFigures(summary, language)}
        </Typography.Paragraph>
      </Card>
      <Flex gap={16} wrap data-testid="dashboard-figures">
        <FigureCard
          testId="kpi-people"
          icon={<TeamOutlined />}
          color={BRAND_RED}
          title={t(summary.scope === 'key' ? 'dashboard.kpi.keyPeople' : 'dashboard.kpi.people')}
          value={n(summary.totalPeople)}
          note={t('dashboard.kpi.peopleNote')}
        />
        <FigureCard
          testId="kpi-meeting"
          icon={<SafetyCertificateOutlined />}
          color="#237804"
          title={t('dashboard.kpi.meeting')}
          value={n(summary.meeting)}
          share={formatShare(summary.meetingShare, language)}
          note={
            summary.notMeeting > 0 ? (
              <Typography.Text type="danger" style={{ fontSize: 13 }}>
                {t('dashboard.kpi.notMeeting', { count: n(summary.notMeeting) })}
              </Typography.Text>
            ) : summary.totalPeople > 0 ? (
              t('dashboard.kpi.allMeeting')
            ) : (
              '—'
            )
          }
        />
        <FigureCard
          testId="kpi-university"
          icon={<ReadOutlined />}
          color="#0958d9"
          title={t('dashboard.kpi.university')}
          value={n(summary.universityOrHigher)}
          share={formatShare(shareOf(summary.universityOrHigher), language)}
          note={t('dashboard.kpi.universityNote')}
        />
        <FigureCard
          testId="kpi-postgraduate"
          icon={<TrophyOutlined />}
          color="#531dab"
          title={t('dashboard.kpi.postgraduate')}
          value={n(summary.postgraduate)}
          note={`${t('dashboard.kpi.postgraduateNote')} · ${shareOfAll(summary.postgraduate)}`}
        />
        <FigureCard
          testId="kpi-advanced-theory"
          icon={<FlagOutlined />}
          color="#d4380d"
          title={t('dashboard.kpi.advancedTheory')}
          value={n(summary.advancedPoliticalTheory)}
          note={shareOfAll(summary.advancedPoliticalTheory)}
        />
      </Flex>
    </Flex>
  );
}
