import { Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { formatCount } from '../../../core/numbers';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDateTime } from '../../app/format/dates';
import { useT, type Translate } from '../../app/i18n';
import { DEFAULT_PAGE_SIZE } from '../../app/url/paging';
import { useCadreImportHistory, type ImportRun, type ImportStatus } from './imports.api';

const STATUS_COLORS: Record<ImportStatus, string> = { checked: 'blue', committed: 'green', rejected: 'red', unreadable: 'default' };

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

function historyColumns(t: Translate): TableProps<ImportRun>['columns'] {
  return [
    { key: 'at', title: t('imports.history.at'), width: 140, render: (_, run) => formatDateTime(run.at) },
    {
      key: 'user',
      title: t('imports.history.user'),
      width: 170,
      render: (_, run) => run.user?.fullName ?? <Typography.Text type="secondary">{t('imports.history.system')}</Typography.Text>,
    },
    {
      key: 'file',
      title: t('imports.history.file'),
      render: (_, run) => (
        <Tooltip title={`SHA-256: ${run.sha256}`}>
          <Typography.Text>{run.fileName}</Typography.Text> <Typography.Text type="secondary">({formatFileSize(run.fileSize)})</Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'status',
      title: t('imports.history.status'),
      width: 150,
      render: (_, run) => (
        <Tooltip title={run.message}>
          <Tag color={STATUS_COLORS[run.status]}>{t(`imports.status.${run.status}`)}</Tag>
        </Tooltip>
      ),
    },
    { key: 'rows', title: t('imports.history.rows'), width: 80, align: 'right', render: (_, run) => formatCount(run.rows) },
    { key: 'created', title: t('imports.history.created'), width: 90, align: 'right', render: (_, run) => formatCount(run.created) },
    { key: 'updated', title: t('imports.history.updated'), width: 100, align: 'right', render: (_, run) => formatCount(run.updated) },
    {
      key: 'errors',
      title: t('imports.history.errors'),
      width: 80,
      align: 'right',
      render: (_, run) => (run.errorCount > 0 ? <Typography.Text type="danger">{formatCount(run.errorCount)}</Typography.Text> : '0'),
    },
  ];
}

/** Every attempt, checks and refusals included: who brought which file (by its fingerprint) and what came of it. */
export function ImportHistoryTable() {
  const t = useT();
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const history = useCadreImportHistory(paging);
  return (
    <>
      {history.isError && <QueryErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      <Table<ImportRun>
        rowKey="id"
        size="small"
        columns={historyColumns(t)}
        dataSource={history.data?.items}
        loading={history.isFetching}
        scroll={{ x: 1000 }}
        data-testid="import-history"
        locale={{ emptyText: t('imports.history.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: history.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.totalItems', { total }),
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
    </>
  );
}
