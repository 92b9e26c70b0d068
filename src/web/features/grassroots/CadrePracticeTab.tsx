import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { z } from 'zod';
import { apiFetch } from '../../app/api/api-client';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import type { cadrePracticeSchema } from '../../../server/grassroots/grassroots.schema';

type Practice = z.output<typeof cadrePracticeSchema>;

/** "Rèn luyện qua thực tiễn" on a cadre's profile: problems led and how they ended, briefings chaired. */
export function CadrePracticeTab({ cadreId }: { cadreId: string }) {
  const t = useT();
  const practice = useQuery({
    queryKey: ['grassroots', 'practice', cadreId],
    queryFn: ({ signal }) => apiFetch<Practice>(`/api/cadres/${cadreId}/practice`, { signal }),
  });
  if (practice.isError) return <QueryErrorAlert error={practice.error} onRetry={() => void practice.refetch()} />;
  const data = practice.data;
  if (!data) return null;
  if (data.problems.length === 0 && data.briefings.length === 0 && data.cells.length === 0 && data.dialogues.length === 0)
    return <Empty description={t('grassroots.practice.none')} />;
  return (
    <Flex vertical gap={16} data-testid="cadre-practice">
      <Row gutter={[16, 16]}>
        {[
          { key: 'led', title: t('grassroots.practice.led'), value: data.summary.led },
          { key: 'resolved', title: t('grassroots.practice.resolved'), value: data.summary.resolved },
          { key: 'onTime', title: t('grassroots.practice.onTime'), value: data.summary.resolvedOnTime },
          { key: 'briefings', title: t('grassroots.practice.briefings'), value: data.summary.briefings },
          { key: 'dialogues', title: t('grassroots.practice.dialogues'), value: data.summary.dialogues },
          { key: 'cells', title: t('cells.practice.meetings'), value: data.summary.cellMeetings },
        ].map((item) => (
          <Col key={item.key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={item.title} value={item.value} />
            </Card>
          </Col>
        ))}
      </Row>
      {data.problems.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.problems}
          title={() => t('grassroots.practice.problems')}
          columns={[
            { key: 'year', title: t('grassroots.year'), width: 70, render: (_, row) => row.year },
            {
              key: 'title',
              title: t('grassroots.col.title'),
              render: (_, row) => (
                <Flex vertical>
                  <span>{row.title}</span>
                  <Typography.Text type="secondary">
                    {row.field.label} · {row.commune.name}
                  </Typography.Text>
                </Flex>
              ),
            },
            { key: 'status', title: t('grassroots.status'), width: 170, render: (_, row) => <Tag>{row.status.label}</Tag> },
          ]}
        />
      )}
      {data.dialogues.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.dialogues}
          title={() => t('grassroots.practice.dialogues')}
          columns={[
            { key: 'date', title: t('grassroots.briefing.heldOn'), width: 120, render: (_, row) => formatDate(row.heldOn) },
            {
              key: 'topic',
              title: t('grassroots.practice.dialogueTopic'),
              render: (_, row) => (
                <Flex vertical>
                  <span>{row.topic}</span>
                  <Typography.Text type="secondary">{row.commune.name}</Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'agreed',
              title: t('grassroots.practice.agreed'),
              width: 130,
              render: (_, row) =>
                row.agreed === null ? '—' : row.agreed ? <Tag color="green">{t('grassroots.practice.yes')}</Tag> : <Tag>{t('grassroots.practice.no')}</Tag>,
            },
          ]}
        />
      )}
      {data.cells.length > 0 && (
        <Table
          size="small"
          rowKey="assignmentId"
          pagination={false}
          dataSource={data.cells}
          title={() => t('cells.practice.title')}
          data-testid="cadre-practice-cells"
          columns={[
            {
              key: 'cell',
              title: t('cells.assignments.cell'),
              render: (_, row) => (
                <Flex vertical>
                  <span>{row.cell.name}</span>
                  <Typography.Text type="secondary">
                    {row.commune.name} · {row.frequency}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'period',
              title: t('cells.assignments.period'),
              responsive: ['md'],
              render: (_, row) => `${formatDate(row.validFrom)} – ${row.validTo ? formatDate(row.validTo) : t('cells.assignments.ongoing')}`,
            },
            { key: 'attended', title: t('cells.practice.attended'), width: 110, align: 'right', render: (_, row) => row.attended },
            { key: 'last', title: t('cells.lastVisit'), width: 130, responsive: ['sm'], render: (_, row) => (row.lastVisit ? formatDate(row.lastVisit) : '—') },
          ]}
        />
      )}
      {data.briefings.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.briefings}
          title={() => t('grassroots.practice.briefings')}
          columns={[
            { key: 'date', title: t('grassroots.briefing.heldOn'), width: 120, render: (_, row) => formatDate(row.heldOn) },
            { key: 'commune', title: t('grassroots.briefing.commune'), render: (_, row) => row.commune.name },
            { key: 'issues', title: t('grassroots.briefing.issues'), width: 120, render: (_, row) => row.issues },
          ]}
        />
      )}
    </Flex>
  );
}
