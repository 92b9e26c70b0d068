import { Card, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDateTime } from '../../app/format/dates';
import { useT, type Translate } from '../../app/i18n';
import { nextPaging, pagingEntries, readPaging, type Paging } from '../../app/url/paging';
import { AuditChanges } from './AuditChanges';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { useAuditLog, type AuditEntry, type AuditQuery } from './audit.api';
import { auditActionColor, auditActionLabel, auditEntityLabel } from './audit-labels';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function calendarDate(value: string | null): string | undefined {
  return value && CALENDAR_DATE.test(value) ? value : undefined;
}

interface AuditPageState extends Paging {
  filter: AuditFilter;
}

/**
 * Filters and page live in the URL, so Back works and a link to "what this
 * user did last week" can be shared. The user's name rides along only for display.
 */
function useAuditPageState(): [AuditPageState, (next: Partial<AuditPageState>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const userId = searchParams.get('userId');
  const state: AuditPageState = {
    filter: {
      entity: searchParams.get('entity') ?? undefined,
      entityId: searchParams.get('entityId') ?? undefined,
      user: userId ? { id: userId, name: searchParams.get('userName') ?? userId } : undefined,
      action: searchParams.get('action') ?? undefined,
      from: calendarDate(searchParams.get('from')),
      to: calendarDate(searchParams.get('to')),
    },
    ...readPaging(searchParams),
  };

  function update(next: Partial<AuditPageState>) {
    const { filter, page, pageSize } = { ...state, ...next };
    const entries: [string, string | undefined][] = [
      ['entity', filter.entity],
      ['entityId', filter.entityId],
      ['userId', filter.user?.id],
      ['userName', filter.user?.name],
      ['action', filter.action],
      ['from', filter.from],
      ['to', filter.to],
    ];
    const present = entries.filter((entry): entry is [string, string] => entry[1] !== undefined);
    setSearchParams([...present, ...pagingEntries({ page, pageSize })]);
  }

  return [state, update];
}

function toAuditQuery({ filter, page, pageSize }: AuditPageState): AuditQuery {
  const { user, ...rest } = filter;
  return { ...rest, userId: user?.id, page, pageSize };
}

function auditColumns(t: Translate): TableProps<AuditEntry>['columns'] {
  return [
    { key: 'at', title: t('audit.column.at'), width: 150, render: (_, entry) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</span> },
    {
      key: 'user',
      title: t('audit.column.user'),
      width: 200,
      render: (_, entry) =>
        entry.user ? (
          <Flex vertical>
            <Typography.Text>{entry.user.fullName}</Typography.Text>
            <Typography.Text type="secondary">{entry.user.username}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('audit.systemActor')}</Typography.Text>
        ),
    },
    {
      key: 'action',
      title: t('audit.column.action'),
      width: 140,
      render: (_, entry) => <Tag color={auditActionColor(entry.action)}>{auditActionLabel(entry.action, t)}</Tag>,
    },
    {
      key: 'entity',
      title: t('audit.column.entity'),
      width: 200,
      render: (_, entry) => (
        <Flex vertical>
          <Typography.Text>{auditEntityLabel(entry.entity, t)}</Typography.Text>
          {entry.entityId && (
            <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
              {entry.entityId}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'summary', title: t('audit.column.summary'), render: (_, entry) => entry.summary ?? <Typography.Text type="secondary">—</Typography.Text> },
    { key: 'ip', title: t('audit.column.ip'), width: 140, render: (_, entry) => entry.ip ?? '—' },
  ];
}

export function AuditPage() {
  const t = useT();
  const [state, update] = useAuditPageState();
  const auditLog = useAuditLog(toAuditQuery(state));

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card>
        <AuditFilters key={JSON.stringify(state.filter)} filter={state.filter} onChange={(filter) => update({ filter, page: 1 })} />
        {auditLog.isError && <QueryErrorAlert error={auditLog.error} onRetry={() => void auditLog.refetch()} />}
        <Table<AuditEntry>
          rowKey="id"
          columns={auditColumns(t)}
          dataSource={auditLog.data?.items}
          loading={auditLog.isFetching}
          scroll={{ x: 1100 }}
          expandable={{
            rowExpandable: (entry) => entry.before !== null || entry.after !== null,
            expandedRowRender: (entry) => <AuditChanges entry={entry} />,
          }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: auditLog.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.totalItems', { total }),
            onChange: (page, pageSize) => update(nextPaging(state, page, pageSize)),
          }}
        />
      </Card>
    </>
  );
}
