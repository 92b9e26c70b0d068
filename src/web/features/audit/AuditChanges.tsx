import { Table, Typography } from 'antd';
import { useT } from '../../app/i18n';
import type { AuditEntry } from './audit.api';
import { compareSnapshots, type FieldChange } from './audit-diff';
import './audit.css';

function SnapshotValue({ value }: { value: unknown }) {
  const t = useT();
  if (value === undefined || value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'boolean') return <>{t(value ? 'common.yes' : 'common.no')}</>;
  if (typeof value === 'object') return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
  return <>{String(value)}</>;
}

/** Read-only before/after view of one audit entry; changed fields are highlighted. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changes = compareSnapshots(entry.before, entry.after);
  const changedCount = changes.filter((change) => change.changed).length;
  return (
    <>
      <Typography.Text type="secondary">{t('audit.changes.summary', { changed: changedCount, total: changes.length })}</Typography.Text>
      <Table<FieldChange>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={changes}
        rowClassName={(change) => (change.changed ? 'audit-changed-row' : '')}
        style={{ marginTop: 8 }}
        columns={[
          {
            key: 'field',
            title: t('audit.changes.field'),
            dataIndex: 'field',
            width: '20%',
            render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
          },
          { key: 'before', title: t('audit.changes.before'), width: '40%', render: (_, change) => <SnapshotValue value={change.before} /> },
          { key: 'after', title: t('audit.changes.after'), width: '40%', render: (_, change) => <SnapshotValue value={change.after} /> },
        ]}
      />
    </>
  );
}
