import { ArrowLeftOutlined, CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Progress, Result, Row, Spin, Statistic, Steps, Tabs, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatCount } from '../../../core/numbers';
import { Link, useSearchParams } from 'react-router';
import { describeApiError } from '../../app/api/api-errors';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n';
import { cadresPath, readAsOf } from '../cadres/cadre-url';
import { useFileDownload, useFileUpload } from './file-transfer';
import { formatFileSize, ImportHistoryTable } from './ImportHistoryTable';
import { ImportIssuesTable } from './ImportIssuesTable';
import { CADRE_IMPORT_PATH, CADRE_TEMPLATE_PATH, type CadreImportResult } from './imports.api';

/** What the server is doing with the file: bytes still on their way, or rows being checked. */
type Transfer = { phase: 'uploading'; sent: number } | { phase: 'processing' };

type Stage = { step: 'choose' } | { step: 'report'; report: CadreImportResult } | { step: 'done'; result: CadreImportResult };

const STEP_INDEX: Record<Stage['step'], number> = { choose: 0, report: 1, done: 2 };

function TransferProgress({ transfer, committing }: { transfer: Transfer; committing: boolean }) {
  const t = useT();
  return (
    <Card size="small" style={{ background: '#fafafa' }} data-testid="import-progress">
      {transfer.phase === 'uploading' ? (
        <>
          <Typography.Text>{t('imports.progress.uploading')}</Typography.Text>
          <Progress percent={Math.round(transfer.sent * 100)} status="active" />
        </>
      ) : (
        <Flex align="center" gap={12}>
          <Spin />
          <Typography.Text>{committing ? t('imports.progress.committing') : t('imports.progress.checking')}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

function ReportSummary({ report }: { report: CadreImportResult }) {
  const t = useT();
  const figures = [
    { key: 'rows', title: t('imports.report.rows'), value: report.rows },
    { key: 'created', title: t('imports.report.created'), value: report.created },
    { key: 'updated', title: t('imports.report.updated'), value: report.updated },
    { key: 'postsAdded', title: t('imports.report.postsAdded'), value: report.postsAdded },
    { key: 'qualificationsAdded', title: t('imports.report.qualificationsAdded'), value: report.qualificationsAdded },
    { key: 'errors', title: t('imports.report.errors'), value: report.errorCount, danger: report.errorCount > 0 },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="import-summary">
      {figures.map((figure) => (
        <Col key={figure.key} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic
              title={figure.title}
              value={figure.value}
              formatter={(value) => formatCount(Number(value))}
              styles={{ content: figure.danger ? { color: '#cf1322' } : undefined }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ReportDetails({ report }: { report: CadreImportResult }) {
  const t = useT();
  const details = [
    t('imports.report.unchanged', { count: formatCount(report.unchanged) }),
    t('imports.report.postsEnded', { count: formatCount(report.postsEnded) }),
    t('imports.report.warnings', { count: formatCount(report.warningCount) }),
  ];
  return <Typography.Text type="secondary">{details.join(' · ')}</Typography.Text>;
}

function ReportIssues({ report }: { report: CadreImportResult }) {
  const t = useT();
  const tabs = [
    ...(report.errorCount > 0
      ? [
          {
            key: 'errors',
            label: t('imports.report.errorsTab', { count: formatCount(report.errorCount) }),
            children: <ImportIssuesTable issues={report.errors} total={report.errorCount} testId="import-errors" />,
          },
        ]
      : []),
    ...(report.warningCount > 0
      ? [
          {
            key: 'warnings',
            label: t('imports.report.warningsTab', { count: formatCount(report.warningCount) }),
            children: <ImportIssuesTable issues={report.warnings} total={report.warningCount} testId="import-warnings" />,
          },
        ]
      : []),
  ];
  if (tabs.length === 0) return null;
  return <Tabs items={tabs} />;
}

/**
 * Template and file, a check that stores nothing and reports every problem by
 * row and column, then the import itself — possible only for a file without
 * errors, and all or nothing on the server.
 */
export function CadreImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const [searchParams] = useSearchParams();
  const asOf = readAsOf(searchParams);
  const queryClient = useQueryClient();
  const upload = useFileUpload();
  const download = useFileDownload();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const [committing, setCommitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [downloadingTemplate, setDownloadingTemplate] = useState(false);

  async function send(dryRun: boolean) {
    if (!file) return;
    setFailure(null);
    setCommitting(!dryRun);
    setTransfer({ phase: 'uploading', sent: 0 });
    try {
      const result = await upload<CadreImportResult>(CADRE_IMPORT_PATH, file, {
        query: { dryRun },
        onProgress: (sent) => setTransfer(sent >= 1 ? { phase: 'processing' } : { phase: 'uploading', sent }),
      });
      if (result.committed) {
        setStage({ step: 'done', result });
        void message.success(t('imports.done.title'));
      } else {
        // A refused import (the data changed since the check) reports like a check.
        setStage({ step: 'report', report: result });
      }
    } catch (error) {
      setFailure(describeApiError(error, t));
    } finally {
      setTransfer(null);
      void queryClient.invalidateQueries({ queryKey: ['cadres'] });
    }
  }

  async function downloadTemplate() {
    setDownloadingTemplate(true);
    try {
      await download(CADRE_TEMPLATE_PATH, undefined, 'mau-nhap-danh-sach-can-bo.xlsx');
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setDownloadingTemplate(false);
    }
  }

  function chooseAnother() {
    setFile(null);
    setFailure(null);
    setStage({ step: 'choose' });
  }

  const busy = transfer !== null;

  const chooseStep = (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={t('imports.choose.templateTitle')}
        description={t('imports.choose.templateHint')}
        action={
          <Button icon={<DownloadOutlined />} loading={downloadingTemplate} onClick={() => void downloadTemplate()} data-testid="import-template">
            {t('imports.choose.template')}
          </Button>
        }
      />
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        disabled={busy}
        fileList={file ? [{ uid: 'file', name: `${file.name} (${formatFileSize(file.size)})`, status: 'done' }] : []}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setFailure(null);
          // Kept in the browser until the user asks for a check.
          return false;
        }}
        onRemove={() => setFile(null)}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.choose.drop')}</p>
        <p className="ant-upload-hint">{t('imports.choose.dropHint')}</p>
      </Upload.Dragger>
      <Flex justify="flex-end">
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          disabled={!file || busy}
          loading={busy}
          onClick={() => void send(true)}
          data-testid="import-check"
        >
          {t('imports.choose.check')}
        </Button>
      </Flex>
    </Flex>
  );

  const reportStep = (report: CadreImportResult) => (
    <Flex vertical gap={16} data-testid="import-report">
      {report.errorCount > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t(report.dryRun ? 'imports.report.hasErrors' : 'imports.report.rejected', { count: formatCount(report.errorCount), file: report.fileName })}
          description={t('imports.report.nothingSaved')}
        />
      ) : (
        <Alert type="success" showIcon title={t('imports.report.noErrors', { file: report.fileName })} description={t('imports.report.nothingSavedYet')} />
      )}
      <ReportSummary report={report} />
      <ReportDetails report={report} />
      <ReportIssues report={report} />
      <Flex justify="space-between" gap={8} wrap>
        <Button icon={<ReloadOutlined />} onClick={chooseAnother} disabled={busy} data-testid="import-choose-another">
          {t('imports.report.chooseAnother')}
        </Button>
        <Tooltip title={report.errorCount > 0 ? t('imports.report.commitBlocked') : undefined}>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={report.errorCount > 0 || busy}
            loading={busy}
            onClick={() => void send(false)}
            data-testid="import-commit"
          >
            {t('imports.report.commit', { count: formatCount(report.rows) })}
          </Button>
        </Tooltip>
      </Flex>
    </Flex>
  );

  const doneStep = (result: CadreImportResult) => (
    <Result
      status="success"
      title={t('imports.done.title')}
      subTitle={t('imports.done.summary', {
        file: result.fileName,
        rows: formatCount(result.rows),
        created: formatCount(result.created),
        updated: formatCount(result.updated),
        posts: formatCount(result.postsAdded),
      })}
      extra={[
        <Link key="list" to={cadresPath('/cadres', asOf)}>
          <Button type="primary">{t('imports.done.toList')}</Button>
        </Link>,
        <Button key="again" onClick={chooseAnother}>
          {t('imports.done.again')}
        </Button>,
      ]}
      data-testid="import-done"
    />
  );

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        description={t('imports.description')}
        actions={
          <Link to={cadresPath('/cadres', asOf)}>
            <Button icon={<ArrowLeftOutlined />}>{t('cadres.backToList')}</Button>
          </Link>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={STEP_INDEX[stage.step]}
          status={stage.step === 'done' ? 'finish' : stage.step === 'report' && stage.report.errorCount > 0 ? 'error' : 'process'}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('imports.step.choose'), content: t('imports.step.chooseHint') },
            { title: t('imports.step.check'), content: t('imports.step.checkHint') },
            { title: t('imports.step.commit'), content: t('imports.step.commitHint') },
          ]}
          data-testid="import-steps"
        />
        <Flex vertical gap={16}>
          {failure && <Alert type="error" showIcon title={failure} data-testid="import-failure" />}
          {transfer && <TransferProgress transfer={transfer} committing={committing} />}
          {stage.step === 'choose' && chooseStep}
          {stage.step === 'report' && reportStep(stage.report)}
          {stage.step === 'done' && doneStep(stage.result)}
        </Flex>
      </Card>
      <Card title={t('imports.history.title')}>
        <ImportHistoryTable />
      </Card>
    </>
  );
}
