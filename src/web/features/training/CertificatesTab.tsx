import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate, todayInVietnam } from '../../app/format/dates';
import { useT, type Translate } from '../../app/i18n';
import { useServerFormErrors } from '../cadres/form-errors';
import { certificateShortfalls, type Shortfall } from '../../../core/certificate-eligibility';
import { useIssueCertificate, useRevokeCertificate, type Certificate, type ClassDetail, type Enrolment } from './training.api';

interface Row {
  enrolment: Enrolment;
  shortfalls: Shortfall[];
  certificate: Certificate | null;
  revoked: Certificate[];
}

function describeShortfall(shortfall: Shortfall, t: Translate): string {
  switch (shortfall.kind) {
    case 'noSessions':
      return t('training.cert.noSessions');
    case 'attendance': {
      const params = { number: shortfall.session, date: formatDate(shortfall.date) };
      if (shortfall.status === 'absent') return t('training.cert.absent', params);
      if (shortfall.status === 'excused') return t('training.cert.excused', params);
      return t('training.cert.unrecorded', params);
    }
    case 'score':
      return shortfall.score === null
        ? t('training.cert.noScore', { test: shortfall.test })
        : t('training.cert.lowScore', { test: shortfall.test, score: shortfall.score });
  }
}

/** A number to start from: the year and the next place in the class's register; the clerk may change it. */
function suggestedNumber(klass: ClassDetail, offset: number): string {
  const year = todayInVietnam().slice(0, 4);
  return `CC-${year}-${String(klass.certificates.length + offset + 1).padStart(3, '0')}`;
}

interface IssueValues {
  number: string;
  issuedOn: Dayjs;
}

function IssueModal({ klass, rows, onClose }: { klass: ClassDetail; rows: Row[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const issue = useIssueCertificate(klass.id);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const [busy, setBusy] = useState(false);
  const single = rows.length === 1;

  async function handleFinish(values: IssueValues) {
    clearFormError();
    setBusy(true);
    let issued = 0;
    try {
      // Numbers run on from the first one given, in the order of the class list.
      const start = /^(.*?)(\d+)$/.exec(values.number);
      for (const [index, row] of rows.entries()) {
        const number = single || !start ? values.number : `${start[1]}${String(Number(start[2]) + index).padStart(start[2]!.length, '0')}`;
        await issue.mutateAsync({ cadreId: row.enrolment.cadreId, number, issuedOn: toApiDate(values.issuedOn) });
        issued += 1;
      }
      void message.success(t('training.cert.issued', { count: issued }));
      onClose();
    } catch (error) {
      handleError(error);
      if (issued > 0) void message.info(t('training.cert.issuedPartly', { count: issued }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      onCancel={onClose}
      title={single ? t('training.cert.issueFor', { name: rows[0]!.enrolment.fullName }) : t('training.cert.issueAll', { count: rows.length })}
      footer={null}
      destroyOnHidden
    >
      {!single && <Typography.Paragraph type="secondary">{t('training.cert.issueAllHint')}</Typography.Paragraph>}
      <Form<IssueValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void handleFinish(values)}
        disabled={busy}
        initialValues={{ number: suggestedNumber(klass, 0), issuedOn: fromApiDate(klass.endDate <= todayInVietnam() ? klass.endDate : todayInVietnam()) }}
        data-testid="issue-form"
      >
        <Form.Item
          name="number"
          label={single ? t('training.cert.number') : t('training.cert.firstNumber')}
          rules={[{ required: true, message: t('training.required') }]}
        >
          <Input data-testid="certificate-number" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('training.cert.issuedOn')}
          extra={t('training.cert.issuedOnHint')}
          rules={[{ required: true, message: t('training.required') }]}
        >
          <DatePicker format={DATE_DISPLAY_FORMAT} data-testid="certificate-date" />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="issue-error" />}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="issue-submit">
            {t('training.cert.issue')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

function RevokeModal({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeCertificate();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);

  return (
    <Modal
      open
      onCancel={onClose}
      title={t('training.cert.revokeTitle', { number: certificate.number, name: certificate.fullName })}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('training.cert.revokeHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        disabled={revoke.isPending}
        onFinish={(values) => {
          clearFormError();
          revoke.mutate(
            { id: certificate.id, reason: values.reason },
            {
              onSuccess: () => {
                void message.success(t('training.cert.revoked'));
                onClose();
              },
              onError: handleError,
            },
          );
        }}
      >
        <Form.Item name="reason" label={t('training.cert.revokeReason')} rules={[{ required: true, whitespace: true, message: t('training.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button danger type="primary" htmlType="submit" loading={revoke.isPending}>
            {t('training.cert.revoke')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

export function CertificatesTab({ klass, canWrite }: { klass: ClassDetail; canWrite: boolean }) {
  const t = useT();
  const [issuing, setIssuing] = useState<Row[] | null>(null);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const rows: Row[] = klass.enrolments.map((enrolment) => {
    const own = klass.certificates.filter((certificate) => certificate.cadreId === enrolment.cadreId);
    return {
      enrolment,
      shortfalls: certificateShortfalls({
        sessions: klass.sessions,
        tests: klass.tests,
        attendanceOf: (sessionId) => enrolment.attendance.find((entry) => entry.sessionId === sessionId)?.status ?? null,
        scoreOf: (testId) => enrolment.scores.find((entry) => entry.testId === testId)?.score ?? null,
      }),
      certificate: own.find((certificate) => !certificate.revoked) ?? null,
      revoked: own.filter((certificate) => certificate.revoked),
    };
  });
  const waiting = rows.filter((row) => row.shortfalls.length === 0 && !row.certificate);
  const notEligible = rows.filter((row) => row.shortfalls.length > 0 && !row.certificate).length;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid="certificate-counts">
          {t('training.cert.counts', { issued: rows.filter((row) => row.certificate).length, waiting: waiting.length, notEligible })}
        </Typography.Text>
        {canWrite && (
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            disabled={waiting.length === 0}
            onClick={() => setIssuing(waiting)}
            data-testid="issue-all"
          >
            {t('training.cert.issueAll', { count: waiting.length })}
          </Button>
        )}
      </Flex>
      <Table<Row>
        rowKey={(row) => row.enrolment.cadreId}
        dataSource={rows}
        pagination={false}
        data-testid="certificates-table"
        locale={{ emptyText: t('training.enrol.none') }}
        columns={[
          {
            key: 'name',
            title: t('training.person'),
            width: 220,
            render: (_, row) => <Link to={`/cadres/${row.enrolment.cadreId}?tab=training`}>{row.enrolment.fullName}</Link>,
          },
          {
            key: 'eligibility',
            title: t('training.cert.eligibility'),
            render: (_, row) =>
              row.shortfalls.length === 0 ? (
                <Tag color="green">{t('training.cert.eligible')}</Tag>
              ) : (
                <Flex vertical gap={4}>
                  <span>
                    <Tag color="red">{t('training.cert.notEligible')}</Tag>
                  </span>
                  <Typography.Text type="danger" style={{ fontSize: 13 }}>
                    {row.shortfalls.map((shortfall) => describeShortfall(shortfall, t)).join('; ')}
                  </Typography.Text>
                </Flex>
              ),
          },
          {
            key: 'certificate',
            title: t('training.cert.certificate'),
            width: 260,
            render: (_, row) => (
              <Flex vertical gap={2}>
                {row.certificate ? (
                  <Typography.Text strong>
                    {t('training.cert.numberOn', { number: row.certificate.number, date: formatDate(row.certificate.issuedOn) })}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                )}
                {row.revoked.map((certificate) => (
                  <Typography.Text key={certificate.id} type="secondary" delete title={certificate.revokeReason ?? undefined}>
                    {t('training.cert.numberOn', { number: certificate.number, date: formatDate(certificate.issuedOn) })}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 150,
                  render: (_: unknown, row: Row) =>
                    row.certificate ? (
                      <Button size="small" danger onClick={() => setRevoking(row.certificate)}>
                        {t('training.cert.revoke')}
                      </Button>
                    ) : (
                      <Button size="small" type="primary" ghost disabled={row.shortfalls.length > 0} onClick={() => setIssuing([row])}>
                        {t('training.cert.issue')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {issuing && <IssueModal klass={klass} rows={issuing} onClose={() => setIssuing(null)} />}
      {revoking && <RevokeModal certificate={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}
