import { Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useVisits, type Visit } from './training.api';

/** Where the training module's guidance visits open already filtered on one commune. */
export function communeVisitsPath(communeId: string): string {
  return `/training?${new URLSearchParams({ tab: 'visits', communeId }).toString()}`;
}

/** The people guided on a visit, each a link to their training record. */
export function GuidedCadreLinks({ cadres }: { cadres: Visit['cadres'] }) {
  if (cadres.length === 0) return '—';
  return cadres.map((cadre, index) => (
    <span key={cadre.id}>
      {index > 0 && ', '}
      <Link to={`/cadres/${cadre.id}?tab=training`}>{cadre.fullName}</Link>
    </span>
  ));
}

function LongText({ text }: { text: string | null }) {
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Text>;
}

/** The commune's own page shows the guidance visits it received, read-only; they are recorded in the training module. */
export function CommuneVisitsTab({ commune }: { commune: { id: string; name: string } }) {
  const t = useT();
  const visits = useVisits({ communeId: commune.id });

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('training.communeVisits.intro', { name: commune.name })}</Typography.Text>
        <Link to={communeVisitsPath(commune.id)} data-testid="commune-visits-link">
          {t('training.communeVisits.open')}
        </Link>
      </Flex>
      {visits.isError && <QueryErrorAlert error={visits.error} onRetry={() => void visits.refetch()} />}
      <Table<Visit>
        rowKey="id"
        size="small"
        dataSource={visits.data?.items}
        loading={visits.isFetching}
        pagination={false}
        data-testid="commune-visits-table"
        locale={{ emptyText: t('training.visit.none') }}
        columns={[
          { key: 'date', title: t('training.visit.date'), width: 110, render: (_, visit) => formatDate(visit.visitedOn) },
          { key: 'officers', title: t('training.visit.officers'), render: (_, visit) => visit.officers.map((officer) => officer.fullName).join(', ') },
          {
            key: 'fields',
            title: t('training.programme.fields'),
            render: (_, visit) => (visit.fields.length === 0 ? '—' : visit.fields.map((field) => <Tag key={field}>{field}</Tag>)),
          },
          {
            key: 'cadres',
            title: t('training.visit.cadres'),
            render: (_, visit) => <GuidedCadreLinks cadres={visit.cadres} />,
          },
          { key: 'solved', title: t('training.visit.solved'), render: (_, visit) => <LongText text={visit.solved} /> },
          { key: 'followUps', title: t('training.visit.followUps'), render: (_, visit) => <LongText text={visit.followUps} /> },
        ]}
      />
    </>
  );
}
