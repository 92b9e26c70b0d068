import { Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { foldVietnamese } from '../../../core/text';
import { useT } from '../../app/i18n';
import type { ImportIssue } from './imports.api';

const WHOLE_ROW = '';

/** The report of a check: row, column, value and message, narrowed by column or by words of the value or message. */
export function ImportIssuesTable({ issues, total, testId }: { issues: ImportIssue[]; total: number; testId: string }) {
  const t = useT();
  const [column, setColumn] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const columns = [...new Set(issues.map((issue) => issue.column ?? WHOLE_ROW))];
  const needle = foldVietnamese(search);
  const shown = issues.filter(
    (issue) =>
      (column === undefined || (issue.column ?? WHOLE_ROW) === column) &&
      (needle === '' || foldVietnamese(`${issue.row} ${issue.value ?? ''} ${issue.message}`).includes(needle)),
  );

  return (
    <div data-testid={testId}>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          value={column}
          onChange={setColumn}
          placeholder={t('imports.issues.anyColumn')}
          options={columns.map((name) => ({ value: name, label: name === WHOLE_ROW ? t('imports.issues.wholeRow') : name }))}
          style={{ width: 220 }}
          aria-label={t('imports.issues.column')}
        />
        <Input.Search allowClear placeholder={t('imports.issues.search')} onChange={(event) => setSearch(event.target.value)} style={{ width: 300 }} />
      </Flex>
      {total > issues.length && <Typography.Paragraph type="secondary">{t('imports.issues.truncated', { shown: issues.length, total })}</Typography.Paragraph>}
      <Table<ImportIssue>
        rowKey={(issue) => `${issue.row}|${issue.column ?? ''}|${issue.message}`}
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 800 }}
        columns={[
          { key: 'row', title: t('imports.issues.row'), width: 70, align: 'right', render: (_, issue) => issue.row },
          {
            key: 'column',
            title: t('imports.issues.column'),
            width: 170,
            render: (_, issue) => issue.column ?? <Typography.Text type="secondary">{t('imports.issues.wholeRow')}</Typography.Text>,
          },
          {
            key: 'value',
            title: t('imports.issues.value'),
            width: 200,
            render: (_, issue) =>
              issue.value === null ? <Typography.Text type="secondary">—</Typography.Text> : <Typography.Text code>{issue.value}</Typography.Text>,
          },
          { key: 'message', title: t('imports.issues.message'), render: (_, issue) => issue.message },
        ]}
      />
    </div>
  );
}
