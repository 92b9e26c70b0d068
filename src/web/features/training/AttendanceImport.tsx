import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeApiError, useApiErrorNotice } from '../../app/api/api-errors';
import { useT } from '../../app/i18n';
import { useFileDownload, useFileUpload } from '../imports/file-transfer';
import type { ImportReport } from './training.api';

type ImportError = ImportReport['errors'][number];

/**
 * Attendance from a spreadsheet: the class's own template goes out, comes back
 * filled in, is checked first (nothing saved) and only then recorded.
 */
export function AttendanceImport({ classId }: { classId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const notifyError = useApiErrorNotice();
  const download = useFileDownload();
  const upload = useFileUpload();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/training/classes/${classId}/attendance/import`;

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await upload<ImportReport>(path, file, { query: { dryRun } });
      if (dryRun) {
        setReport(result);
      } else {
        void message.success(t('training.import.done', { recorded: result.recorded, rows: result.rows }));
        setReport(null);
        setFile(null);
        await queryClient.invalidateQueries({ queryKey: ['training'] });
      }
    } catch (error) {
      setFailure(describeApiError(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Divider titlePlacement="start">{t('training.import.title')}</Divider>
      <Flex gap={16} wrap align="flex-start">
        <Flex vertical gap={8} style={{ width: 260 }}>
          <Typography.Text type="secondary">{t('training.import.hint')}</Typography.Text>
          <Button icon={<DownloadOutlined />} onClick={() => download(`/api/training/classes/${classId}/attendance.xlsx`).catch(notifyError)}>
            {t('training.import.template')}
          </Button>
        </Flex>
        <div style={{ flex: 1, minWidth: 280 }}>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setReport(null);
              setFailure(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setReport(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('training.import.drop')}</p>
          </Upload.Dragger>
          <Flex gap={8} style={{ marginTop: 8 }}>
            <Button disabled={!file} loading={busy && !report} onClick={() => void send(true)}>
              {t('training.import.check')}
            </Button>
            {report && report.errors.length === 0 && (
              <Button type="primary" loading={busy} onClick={() => void send(false)}>
                {t('training.import.commit', { count: report.rows })}
              </Button>
            )}
          </Flex>
        </div>
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
      {report && report.errors.length === 0 && (
        <Alert type="success" showIcon title={t('training.import.valid', { count: report.rows })} style={{ marginTop: 12 }} />
      )}
      {report && report.errors.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            title={t('training.import.invalid', { count: report.errors.length })}
            description={t('training.import.nothingSaved')}
            style={{ marginTop: 12 }}
          />
          <Table<ImportError>
            size="small"
            style={{ marginTop: 8 }}
            rowKey={(error) => `${error.row}:${error.column ?? ''}:${error.message}`}
            dataSource={report.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { key: 'row', title: t('training.import.row'), width: 80, render: (_, error) => error.row },
              { key: 'column', title: t('training.import.column'), width: 160, render: (_, error) => error.column ?? '—' },
              { key: 'value', title: t('training.import.value'), width: 160, render: (_, error) => error.value ?? '—' },
              { key: 'message', title: t('training.import.problem'), render: (_, error) => error.message },
            ]}
          />
        </>
      )}
    </>
  );
}
