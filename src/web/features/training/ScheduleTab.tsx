import { TIME_OF_DAY_PATTERN } from '../../../core/training-forms';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Divider, Flex, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useServerFormErrors } from '../cadres/form-errors';
import { actionsColumn, DeleteButton, EditDeleteActions, SaveFormModal, useSaveAndClose } from './training-form-parts';
import { useAddTest, useDeleteSession, useDeleteTest, useInstructors, useSaveSession, type ClassDetail, type ClassSession } from './training.api';

interface SessionValues {
  date: Dayjs;
  startTime: string;
  endTime: string;
  topic?: string;
  instructorIds?: string[];
}

function SessionModal({ klass, session, onClose }: { klass: ClassDetail; session: ClassSession | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<SessionValues>();
  const instructors = useInstructors();
  const save = useSaveSession(klass.id);
  const { formError, submit } = useSaveAndClose(form, onClose);
  const required = { required: true, message: t('training.required') };
  const timeRules = [required, { pattern: TIME_OF_DAY_PATTERN, message: t('training.session.timeFormat') }];

  return (
    <SaveFormModal<SessionValues>
      title={session ? t('training.session.edit') : t('training.session.add')}
      form={form}
      saving={save.isPending}
      initialValues={
        session
          ? {
              date: fromApiDate(session.date),
              startTime: session.startTime,
              endTime: session.endTime,
              topic: session.topic ?? undefined,
              instructorIds: session.instructors.map((instructor) => instructor.id),
            }
          : { date: fromApiDate(klass.startDate), startTime: '07:30', endTime: '11:30', instructorIds: [] }
      }
      onFinish={(values) => {
        submit(
          save.mutate,
          {
            sessionId: session?.id,
            session: {
              date: toApiDate(values.date),
              startTime: values.startTime,
              endTime: values.endTime,
              topic: values.topic || null,
              instructorIds: values.instructorIds ?? [],
            },
          },
          t('training.session.saved'),
        );
      }}
      formError={formError}
      onClose={onClose}
    >
      <Flex gap={12}>
        <Form.Item name="date" label={t('training.session.date')} rules={[required]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} />
        </Form.Item>
        <Form.Item name="startTime" label={t('training.session.start')} rules={timeRules}>
          <Input style={{ width: 90 }} placeholder="07:30" />
        </Form.Item>
        <Form.Item name="endTime" label={t('training.session.end')} rules={timeRules}>
          <Input style={{ width: 90 }} placeholder="11:30" />
        </Form.Item>
      </Flex>
      <Form.Item name="topic" label={t('training.session.topic')}>
        <Input />
      </Form.Item>
      <Form.Item name="instructorIds" label={t('training.session.instructors')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={instructors.data?.items.map((instructor) => ({ value: instructor.id, label: instructor.fullName }))}
        />
      </Form.Item>
    </SaveFormModal>
  );
}

function AddTestForm({ classId }: { classId: string }) {
  const t = useT();
  const [form] = Form.useForm<{ name: string; heldOn?: Dayjs }>();
  const add = useAddTest(classId);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  return (
    <Form
      form={form}
      layout="inline"
      disabled={add.isPending}
      onFinish={(values) => {
        clearFormError();
        add.mutate(
          { name: values.name, heldOn: values.heldOn ? toApiDate(values.heldOn) : null },
          { onSuccess: () => form.resetFields(), onError: handleError },
        );
      }}
    >
      <Form.Item name="name" rules={[{ required: true, message: t('training.required') }]}>
        <Input placeholder={t('training.test.name')} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item name="heldOn">
        <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('training.test.heldOn')} />
      </Form.Item>
      <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
        {t('training.test.add')}
      </Button>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 8, width: '100%' }} />}
    </Form>
  );
}

/** Sessions and tests after the class is open: a session moves, an instructor changes, a test is added. */
export function ScheduleTab({ klass, canWrite }: { klass: ClassDetail; canWrite: boolean }) {
  const t = useT();
  const notifyError = useApiErrorNotice();
  const deleteSession = useDeleteSession(klass.id);
  const deleteTest = useDeleteTest(klass.id);
  const [editing, setEditing] = useState<ClassSession | 'new' | null>(null);

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('training.session.add')}
          </Button>
        </Flex>
      )}
      <Table<ClassSession>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={klass.sessions}
        data-testid="sessions-table"
        locale={{ emptyText: t('training.attendance.noSessions') }}
        columns={[
          { key: 'number', title: '#', width: 48, render: (_, __, index) => index + 1 },
          { key: 'date', title: t('training.session.date'), width: 120, render: (_, session) => formatDate(session.date) },
          { key: 'time', title: t('training.session.time'), width: 120, render: (_, session) => `${session.startTime}–${session.endTime}` },
          { key: 'topic', title: t('training.session.topic'), render: (_, session) => session.topic ?? '—' },
          {
            key: 'instructors',
            title: t('training.session.instructors'),
            render: (_, session) => session.instructors.map((instructor) => instructor.fullName).join(', ') || '—',
          },
          ...actionsColumn<ClassSession>(
            t,
            canWrite
              ? (session) => (
                  <EditDeleteActions
                    onEdit={() => setEditing(session)}
                    deleteTitle={t('training.session.deleteConfirm')}
                    onDelete={() => deleteSession.mutate(session.id, { onError: notifyError })}
                  />
                )
              : null,
          ),
        ]}
      />
      <Divider titlePlacement="start">{t('training.class.tests')}</Divider>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={klass.tests}
        locale={{ emptyText: t('training.scores.noTests') }}
        style={{ marginBottom: 12 }}
        columns={[
          { key: 'name', title: t('training.test.name'), render: (_, test) => test.name },
          { key: 'heldOn', title: t('training.test.heldOn'), width: 140, render: (_, test) => (test.heldOn ? formatDate(test.heldOn) : '—') },
          ...actionsColumn<ClassDetail['tests'][number]>(
            t,
            canWrite
              ? (test) => <DeleteButton confirmTitle={t('training.test.deleteConfirm')} onDelete={() => deleteTest.mutate(test.id, { onError: notifyError })} />
              : null,
          ),
        ]}
      />
      {canWrite && <AddTestForm classId={klass.id} />}
      {editing && <SessionModal klass={klass} session={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
