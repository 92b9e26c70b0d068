import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { DeleteButton, SaveFormDrawer, useSaveAndClose } from '../training/training-form-parts';
import { AttendanceMonthGrid } from './AttendanceMonthGrid';
import {
  type CellAssignment,
  type CellMeeting,
  type CellYear,
  useCellYear,
  useCreateAssignment,
  useDeleteAssignment,
  useUpdateAssignment,
  useUpdateMeeting,
} from './party-cells.api';

/** One grassroots party committee's year: the month grid, the meetings of a month, and the assignments. */
export function CommitteeAttendance({ committeeId, year }: { committeeId: string; year: number }) {
  const t = useT();
  const query = useCellYear(committeeId, year);
  const [month, setMonth] = useState<string | null>(null);
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return <Card loading />;
  const pickedMonth = month ?? data.asOf.slice(0, 7);
  return (
    <Flex vertical gap={16} data-testid="committee-attendance">
      <Card size="small" title={t('cells.grid.title', { committee: `${data.committee.name} (${data.committee.commune.name})`, year: data.year })}>
        {data.assignments.length === 0 ? (
          <Empty description={t('cells.grid.none')} />
        ) : (
          <AttendanceMonthGrid key={`${data.committee.id}-${data.year}`} data={data} onPickMonth={setMonth} />
        )}
      </Card>
      <Meetings data={data} month={pickedMonth} onMonth={setMonth} />
      <Assignments data={data} />
    </Flex>
  );
}

function Meetings({ data, month, onMonth }: { data: CellYear; month: string; onMonth: (month: string) => void }) {
  const t = useT();
  const [editing, setEditing] = useState<CellMeeting | null>(null);
  const cellNames = new Map(data.cells.map((cell) => [cell.id, cell.name]));
  const meetings = data.meetings.filter((meeting) => meeting.heldOn.startsWith(month));
  const months = Array.from({ length: 12 }, (_, index) => `${data.year}-${String(index + 1).padStart(2, '0')}`);
  return (
    <Card
      size="small"
      title={t('cells.meetings.title')}
      extra={
        <Select
          value={month}
          onChange={onMonth}
          style={{ width: 140 }}
          options={months.map((value) => ({ value, label: t('cells.grid.month', { month: Number(value.slice(5)) }) }))}
          data-testid="cells-month"
        />
      }
    >
      <Table<CellMeeting>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={meetings}
        locale={{ emptyText: t('cells.meetings.none') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'cell', title: t('cells.assignments.cell'), render: (_, row) => cellNames.get(row.cellId) ?? '' },
          { key: 'date', title: t('cells.meetings.heldOn'), width: 120, render: (_, row) => formatDate(row.heldOn) },
          {
            key: 'attendance',
            title: t('cells.meetings.attendance'),
            render: (_, row) => (
              <Flex gap={4} wrap>
                {row.attendance.map((entry) => (
                  <Tag key={entry.cadreId} color={entry.status === 'present' ? 'green' : entry.status === 'excused' ? 'gold' : 'red'}>
                    {entry.fullName}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'issues',
            title: t('cells.meetings.issues'),
            responsive: ['md'],
            render: (_, row) => (
              <Flex vertical>
                <span>{row.issuesRaised ?? ''}</span>
                {row.followUp && <Typography.Text type="secondary">{row.followUp}</Typography.Text>}
              </Flex>
            ),
          },
          ...(data.abilities.edit
            ? [
                {
                  key: 'edit',
                  width: 48,
                  render: (_: unknown, row: CellMeeting) => (
                    <Button size="small" icon={<EditOutlined />} aria-label={t('cells.meetings.edit')} onClick={() => setEditing(row)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <MeetingDrawer meeting={editing} cellName={cellNames.get(editing.cellId) ?? ''} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface MeetingValues {
  heldOn: Dayjs;
  issuesRaised?: string;
  followUp?: string;
}

function MeetingDrawer({ meeting, cellName, onClose }: { meeting: CellMeeting; cellName: string; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<MeetingValues>();
  const update = useUpdateMeeting();
  const { formError, submit } = useSaveAndClose(form, onClose);
  return (
    <SaveFormDrawer<MeetingValues>
      title={`${t('cells.meetings.edit')}: ${cellName}`}
      size={520}
      form={form}
      saving={update.isPending}
      formError={formError}
      onClose={onClose}
      initialValues={{ heldOn: fromApiDate(meeting.heldOn), issuesRaised: meeting.issuesRaised ?? '', followUp: meeting.followUp ?? '' }}
      onFinish={(values) =>
        submit(
          update.mutate,
          { id: meeting.id, input: { heldOn: toApiDate(values.heldOn), issuesRaised: values.issuesRaised ?? null, followUp: values.followUp ?? null } },
          t('cells.meetings.saved'),
        )
      }
    >
      <Form.Item name="heldOn" label={t('cells.meetings.heldOn')} rules={[{ required: true, message: t('cells.required') }]}>
        <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
      </Form.Item>
      <Form.Item name="issuesRaised" label={t('cells.meetings.issues')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="followUp" label={t('cells.meetings.followUp')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
    </SaveFormDrawer>
  );
}

function Assignments({ data }: { data: CellYear }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const remove = useDeleteAssignment();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<CellAssignment | null>(null);
  const cellNames = new Map(data.cells.map((cell) => [cell.id, cell.name]));
  const frequencies = new Map(data.frequencies.map((f) => [f.months, f.label]));
  return (
    <Card
      size="small"
      title={t('cells.assignments.title')}
      extra={
        data.abilities.edit && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="cells-add-assignment">
            {t('cells.assignments.add')}
          </Button>
        )
      }
    >
      <Table<CellAssignment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.assignments}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'cell', title: t('cells.assignments.cell'), render: (_, row) => cellNames.get(row.cellId) ?? '' },
          { key: 'member', title: t('cells.assignments.member'), render: (_, row) => row.fullName },
          { key: 'frequency', title: t('cells.assignments.frequency'), responsive: ['md'], render: (_, row) => frequencies.get(row.frequencyMonths) ?? '' },
          {
            key: 'period',
            title: t('cells.assignments.period'),
            responsive: ['lg'],
            render: (_, row) => `${formatDate(row.validFrom)} – ${row.validTo ? formatDate(row.validTo) : t('cells.assignments.ongoing')}`,
          },
          { key: 'visits', title: t('cells.visits'), align: 'right', render: (_, row) => `${row.done}/${row.planned}` },
          ...(data.abilities.edit
            ? [
                {
                  key: 'actions',
                  width: 88,
                  render: (_: unknown, row: CellAssignment) => (
                    <Flex gap={4}>
                      {row.validTo === null && (
                        <Button size="small" icon={<StopOutlined />} aria-label={t('cells.assignments.end')} onClick={() => setEnding(row)} />
                      )}
                      <DeleteButton
                        confirmTitle={t('cells.assignments.deleteConfirm')}
                        onDelete={() => remove.mutate(row.id, { onSuccess: () => void message.success(t('cells.assignments.saved')), onError: notifyError })}
                      />
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AssignmentDrawer data={data} onClose={() => setAdding(false)} />}
      {ending && <EndDrawer assignment={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}

interface AssignmentValues {
  cellId: string;
  cadreId: string;
  frequencyMonths: number;
  validFrom: Dayjs;
  decision?: string;
}

function AssignmentDrawer({ data, onClose }: { data: CellYear; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<AssignmentValues>();
  const create = useCreateAssignment(data.committee.id);
  const { formError, submit } = useSaveAndClose(form, onClose);
  return (
    <SaveFormDrawer<AssignmentValues>
      title={t('cells.assignments.add')}
      size={520}
      form={form}
      saving={create.isPending}
      formError={formError}
      onClose={onClose}
      initialValues={{ frequencyMonths: 1, validFrom: fromApiDate(`${data.year}-01-01`) }}
      onFinish={(values) =>
        submit(
          create.mutate,
          {
            cellId: values.cellId,
            cadreId: values.cadreId,
            frequencyMonths: values.frequencyMonths,
            validFrom: toApiDate(values.validFrom),
            decision: values.decision ?? null,
          },
          t('cells.assignments.saved'),
        )
      }
    >
      <Form.Item name="cellId" label={t('cells.assignments.cell')} rules={[{ required: true, message: t('cells.required') }]}>
        <Select showSearch optionFilterProp="label" options={data.cells.map((cell) => ({ value: cell.id, label: cell.name }))} />
      </Form.Item>
      <Form.Item name="cadreId" label={t('cells.assignments.member')} rules={[{ required: true, message: t('cells.required') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={data.members.map((member) => ({ value: member.id, label: `${member.fullName} — ${member.title}` }))}
        />
      </Form.Item>
      <Form.Item name="frequencyMonths" label={t('cells.assignments.frequency')} rules={[{ required: true, message: t('cells.required') }]}>
        <Select options={data.frequencies.map((f) => ({ value: f.months, label: f.label }))} />
      </Form.Item>
      <Form.Item name="validFrom" label={t('cells.assignments.from')} rules={[{ required: true, message: t('cells.required') }]}>
        <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
      </Form.Item>
      <Form.Item name="decision" label={t('cells.assignments.decision')}>
        <Input maxLength={200} />
      </Form.Item>
    </SaveFormDrawer>
  );
}

function EndDrawer({ assignment, onClose }: { assignment: CellAssignment; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ validTo: Dayjs }>();
  const update = useUpdateAssignment();
  const { formError, submit } = useSaveAndClose(form, onClose);
  return (
    <SaveFormDrawer<{ validTo: Dayjs }>
      title={`${t('cells.assignments.end')}: ${assignment.fullName}`}
      size={420}
      form={form}
      saving={update.isPending}
      formError={formError}
      onClose={onClose}
      initialValues={{}}
      onFinish={(values) => submit(update.mutate, { id: assignment.id, input: { validTo: toApiDate(values.validTo) } }, t('cells.assignments.saved'))}
    >
      <Form.Item name="validTo" label={t('cells.assignments.to')} rules={[{ required: true, message: t('cells.required') }]}>
        <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
      </Form.Item>
    </SaveFormDrawer>
  );
}
