import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useFileDownload } from '../imports/file-transfer';
import { EditDeleteActions, SaveFormModal, useSaveAndClose } from '../training/training-form-parts';
import { type ReceptionSession, useDeleteReceptionSession, useReceptionSessions, useSaveReceptionSession } from './petitions.api';
import { usePetitionDefaultDate } from './use-petition-date';

interface SessionValues {
  heldOn: Dayjs;
  kind: 'regular' | 'ad_hoc';
  hostName: string;
  hostRole: 'head' | 'deputy' | 'officer';
  citizens: number;
  note?: string;
}

/** The head's reception days of one unit: held, by whom, who came, what was taken; and the weeks or months that fell short of the law. */
export function ReceptionTab() {
  const t = useT();
  const user = useCurrentUser();
  const notifyError = useApiErrorNotice();
  const download = useFileDownload();
  const { defaultAsOf } = usePetitionDefaultDate();
  const [unitId, setUnitId] = useState(user.unit.id);
  const [period, setPeriod] = useState<[string, string]>([toApiDate(fromApiDate(defaultAsOf).subtract(3, 'month').startOf('month')), defaultAsOf]);
  const sessions = useReceptionSessions(unitId, period[0], period[1]);
  const remove = useDeleteReceptionSession();
  const [editing, setEditing] = useState<ReceptionSession | 'new' | null>(null);
  const data = sessions.data;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap align="center">
          <div style={{ width: 280, maxWidth: '100%' }}>
            <UnitPicker
              value={unitId}
              onChange={(id) => id && setUnitId(id)}
              initialUnit={{ id: user.unit.id, name: user.unit.name }}
              scope="mine"
              allowClear={false}
            />
          </div>
          <DatePicker.RangePicker
            value={[fromApiDate(period[0]), fromApiDate(period[1])]}
            format={DATE_DISPLAY_FORMAT}
            allowClear={false}
            onChange={(dates) => dates?.[0] && dates[1] && setPeriod([toApiDate(dates[0]), toApiDate(dates[1])])}
          />
        </Flex>
        <Flex gap={8} wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download('/api/reception-sessions/register.xlsx', { unitId, from: period[0], to: period[1] }).catch(notifyError)}
          >
            {t('petitions.reception.register')}
          </Button>
          {data?.abilities.record && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="reception-record">
              {t('petitions.reception.record')}
            </Button>
          )}
        </Flex>
      </Flex>
      {sessions.isError && <QueryErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {data &&
        (data.gaps.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="reception-gaps"
            title={t('petitions.reception.gaps')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {data.gaps.map((gap) => (
                  <li key={gap.from}>{gap.message}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon title={t('petitions.reception.noGaps')} />
        ))}
      <Table<ReceptionSession>
        rowKey="id"
        dataSource={data?.items}
        loading={sessions.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="reception-table"
        locale={{ emptyText: t('petitions.reception.none') }}
        columns={[
          { key: 'date', title: t('petitions.reception.heldOn'), width: 110, render: (_, session) => formatDate(session.heldOn) },
          {
            key: 'host',
            title: t('petitions.reception.host'),
            render: (_, session) => (
              <Flex vertical>
                <span>
                  <Tag color={session.kind.code === 'regular' ? 'blue' : 'default'}>{session.kind.label}</Tag>
                  {session.hostName}
                </span>
                <Typography.Text type="secondary">{session.hostRole.label}</Typography.Text>
              </Flex>
            ),
          },
          { key: 'citizens', title: t('petitions.reception.citizens'), width: 120, align: 'right', render: (_, session) => session.citizens },
          {
            key: 'petitions',
            title: t('petitions.reception.petitions'),
            render: (_, session) => (
              <Flex vertical>
                {session.petitions.map((petition) => (
                  <Link key={petition.id} to={`/petitions/${petition.id}`}>
                    {petition.number}: {petition.subject}
                  </Link>
                ))}
              </Flex>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            render: (_, session) =>
              session.abilities.edit && (
                <EditDeleteActions
                  onEdit={() => setEditing(session)}
                  deleteTitle={t('petitions.reception.deleteConfirm')}
                  onDelete={() => remove.mutate(session.id, { onError: notifyError })}
                />
              ),
          },
        ]}
      />
      {editing && <SessionModal unitId={unitId} session={editing === 'new' ? null : editing} defaultDate={defaultAsOf} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function SessionModal({
  unitId,
  session,
  defaultDate,
  onClose,
}: {
  unitId: string;
  session: ReceptionSession | null;
  defaultDate: string;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<SessionValues>();
  const save = useSaveReceptionSession();
  const { formError, submit } = useSaveAndClose(form, onClose);
  return (
    <SaveFormModal<SessionValues>
      title={session ? t('petitions.reception.edit') : t('petitions.reception.record')}
      form={form}
      saving={save.isPending}
      formError={formError}
      onClose={onClose}
      testId="reception-form"
      initialValues={
        session
          ? {
              heldOn: fromApiDate(session.heldOn),
              kind: session.kind.code as SessionValues['kind'],
              hostName: session.hostName,
              hostRole: session.hostRole.code as SessionValues['hostRole'],
              citizens: session.citizens,
              note: session.note ?? undefined,
            }
          : { heldOn: fromApiDate(defaultDate), kind: 'regular', hostRole: 'head', citizens: 0 }
      }
      onFinish={(values) =>
        submit(
          save.mutate,
          {
            id: session?.id,
            input: {
              unitId: session?.unit.id ?? unitId,
              heldOn: toApiDate(values.heldOn),
              kind: values.kind,
              hostName: values.hostName,
              hostRole: values.hostRole,
              citizens: values.citizens,
              note: values.note || null,
            },
          },
          t('petitions.reception.saved'),
        )
      }
    >
      <Flex gap={16} wrap>
        <Form.Item name="heldOn" label={t('petitions.reception.heldOn')} rules={[{ required: true, message: t('petitions.required') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="kind" label={t('petitions.reception.kind')} style={{ minWidth: 140 }}>
          <Select options={(['regular', 'ad_hoc'] as const).map((value) => ({ value, label: t(`petitions.reception.kind.${value}`) }))} />
        </Form.Item>
        <Form.Item name="citizens" label={t('petitions.reception.citizens')} rules={[{ required: true, message: t('petitions.required') }]}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Flex>
      <Form.Item name="hostName" label={t('petitions.reception.hostName')} rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="hostRole" label={t('petitions.reception.hostRole')}>
        <Select options={(['head', 'deputy', 'officer'] as const).map((value) => ({ value, label: t(`petitions.reception.hostRole.${value}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('petitions.reception.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </SaveFormModal>
  );
}
