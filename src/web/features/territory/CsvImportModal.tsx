import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload, type TableProps } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/api-client';
import { describeApiError } from '../../app/api/api-errors';
import { useT } from '../../app/i18n';

export interface ImportResult<Item> {
  dryRun: boolean;
  created: number;
  items: Item[];
}

interface LineProblem {
  line: number;
  message: string;
}

type CheckState<Item> = { status: 'idle' } | { status: 'valid'; result: ImportResult<Item> } | { status: 'invalid'; summary: string; problems: LineProblem[] };

/** The server reports each bad line as the field `line.<n>`. */
function lineProblems(error: unknown): LineProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.fieldProblems
    .map((problem) => ({ line: Number(/^line\.(\d+)$/.exec(problem.path)?.[1]), message: problem.message }))
    .filter((problem) => Number.isInteger(problem.line));
}

function downloadText(fileName: string, text: string): void {
  // The byte order mark makes Excel open the Vietnamese text as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export interface CsvImportModalProps<Item> {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Which columns the file has, in words. */
  columnsHint: string;
  template: { fileName: string; text: string };
  previewColumns: TableProps<Item>['columns'];
  run: (file: File, dryRun: boolean) => Promise<ImportResult<Item>>;
  itemKey: (item: Item) => string | number;
}

/**
 * Check first (nothing is kept; every line is checked against the database
 * and the lines above it), then import. All or nothing on the server.
 */
export function CsvImportModal<Item extends object>({ open, onClose, title, columnsHint, template, previewColumns, run, itemKey }: CsvImportModalProps<Item>) {
  const t = useT();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<CheckState<Item>>({ status: 'idle' });
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  function reset() {
    setFile(null);
    setCheck({ status: 'idle' });
    setFailure(null);
  }

  function close() {
    reset();
    onClose();
  }

  async function submit(dryRun: boolean) {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setFailure(null);
    try {
      const result = await run(file, dryRun);
      if (dryRun) {
        setCheck({ status: 'valid', result });
      } else {
        void message.success(t('territory.import.done', { count: result.created }));
        close();
      }
    } catch (error) {
      const problems = lineProblems(error);
      if (problems.length > 0) {
        setCheck({ status: 'invalid', summary: t('territory.import.invalid', { count: problems.length }), problems });
      } else {
        setCheck({ status: 'idle' });
        setFailure(describeApiError(error, t));
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal
      open={open}
      onCancel={close}
      title={title}
      width={860}
      destroyOnHidden
      footer={
        <Flex justify="space-between" gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => downloadText(template.fileName, template.text)}>
            {t('territory.import.template')}
          </Button>
          <Flex gap={8}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button disabled={!file || busy !== null} loading={busy === 'check'} onClick={() => void submit(true)} data-testid="import-check">
              {t('territory.import.check')}
            </Button>
            <Button
              type="primary"
              disabled={check.status !== 'valid' || busy !== null}
              loading={busy === 'import'}
              onClick={() => void submit(false)}
              data-testid="import-commit"
            >
              {check.status === 'valid' ? t('territory.import.commitCount', { count: check.result.created }) : t('territory.import.commit')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {columnsHint}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,text/csv"
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setCheck({ status: 'idle' });
            setFailure(null);
            // Kept in the browser until the user asks for a check.
            return false;
          }}
          onRemove={reset}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('territory.import.drop')}</p>
          <p className="ant-upload-hint">{t('territory.import.dropHint')}</p>
        </Upload.Dragger>
        {failure && <Alert type="error" showIcon title={failure} />}
        {check.status === 'invalid' && (
          <div data-testid="import-problems">
            <Alert type="error" showIcon title={check.summary} description={t('territory.import.nothingSaved')} style={{ marginBottom: 12 }} />
            <Table<LineProblem>
              rowKey={(problem) => `${problem.line}-${problem.message}`}
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={check.problems}
              columns={[
                { key: 'line', title: t('territory.import.line'), width: 80, render: (_, problem) => problem.line },
                { key: 'message', title: t('territory.import.problem'), render: (_, problem) => problem.message },
              ]}
            />
          </div>
        )}
        {check.status === 'valid' && (
          <div data-testid="import-preview">
            <Alert type="success" showIcon title={t('territory.import.valid', { count: check.result.created })} style={{ marginBottom: 12 }} />
            <Table<Item>
              rowKey={itemKey}
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={check.result.items}
              columns={previewColumns}
            />
          </div>
        )}
      </Flex>
    </Modal>
  );
}
