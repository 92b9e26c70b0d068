import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { DATE_DISPLAY_FORMAT, formatDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { SaveFormModal, useSaveAndClose } from '../training/training-form-parts';
import {
  type LegalPeriod,
  type WorkCalendar,
  useAddLegalPeriod,
  useLegalPeriods,
  useRemoveCalendarDay,
  useSetCalendarDay,
  useWorkCalendar,
} from './petitions.api';
import { usePetitionDefaultDate } from './use-petition-date';

const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

/** The dated rules every clock runs on: the offices' days off of a year and the legal periods, kept up to date by an administrator. */
export function LegalCalendarTab() {
  const t = useT();
  const user = useCurrentUser();
  const { defaultAsOf } = usePetitionDefaultDate();
  const [year, setYear] = useState(Number(defaultAsOf.slice(0, 4)));
  const calendar = useWorkCalendar(year);
  const periods = useLegalPeriods();
  const manage = user.abilities.manageLegalCalendar;
  const [adding, setAdding] = useState(false);

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('petitions.calendar.hint')}
      </Typography.Paragraph>
      <Card
        size="small"
        title={t('petitions.calendar.days')}
        extra={
          <Flex gap={8} align="center">
            <InputNumber
              min={2000}
              max={2100}
              precision={0}
              value={year}
              onChange={(value) => value && setYear(value)}
              prefix={t('petitions.calendar.year')}
              style={{ width: 130 }}
            />
            {manage && <DayForm />}
          </Flex>
        }
      >
        {calendar.isError && <QueryErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />}
        <DaysTable days={calendar.data?.days ?? []} loading={calendar.isFetching} manage={manage} />
      </Card>
      <Card size="small" title={t('petitions.periods.title')} extra={manage && <Button onClick={() => setAdding(true)}>{t('petitions.periods.add')}</Button>}>
        {periods.isError && <QueryErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />}
        <Table<LegalPeriod>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 700 }}
          loading={periods.isFetching}
          dataSource={periods.data?.items}
          data-testid="legal-periods"
          columns={[
            { key: 'label', title: t('petitions.periods.label'), render: (_, period) => period.label },
            {
              key: 'amount',
              title: t('petitions.periods.amount'),
              width: 150,
              render: (_, period) => `${period.amount} ${t(`petitions.periods.unit.${period.unit}`)}`,
            },
            {
              key: 'valid',
              title: t('petitions.periods.validFrom'),
              width: 200,
              render: (_, period) => `${formatDate(period.validFrom)}${period.validTo ? ` – ${formatDate(period.validTo)}` : ''}`,
            },
            { key: 'basis', title: t('petitions.periods.basis'), render: (_, period) => period.basis },
          ]}
        />
      </Card>
      {adding && <PeriodModal periods={periods.data?.items ?? []} onClose={() => setAdding(false)} />}
    </Flex>
  );
}

function DaysTable({ days, loading, manage }: { days: WorkCalendar['days']; loading: boolean; manage: boolean }) {
  const t = useT();
  const notifyError = useApiErrorNotice();
  const remove = useRemoveCalendarDay();
  return (
    <Table<WorkCalendar['days'][number]>
      size="small"
      rowKey="date"
      pagination={false}
      loading={loading}
      dataSource={days}
      data-testid="calendar-days"
      columns={[
        {
          key: 'date',
          title: t('petitions.calendar.date'),
          width: 140,
          render: (_, day) => `${WEEKDAYS[new Date(`${day.date}T00:00:00Z`).getUTCDay()]} ${formatDate(day.date)}`,
        },
        {
          key: 'kind',
          title: t('petitions.calendar.kind'),
          width: 100,
          render: (_, day) => <Tag color={day.kind === 'day_off' ? 'red' : 'blue'}>{t(`petitions.calendar.${day.kind}`)}</Tag>,
        },
        { key: 'name', title: t('petitions.calendar.name'), render: (_, day) => day.name },
        { key: 'source', title: t('petitions.calendar.source'), render: (_, day) => t(`petitions.calendar.source.${day.source}`) },
        ...(manage
          ? [
              {
                key: 'remove',
                width: 80,
                render: (_: unknown, day: WorkCalendar['days'][number]) => (
                  <Popconfirm title={formatDate(day.date)} onConfirm={() => remove.mutate(day.date, { onError: notifyError })}>
                    <Button size="small" danger>
                      {t('petitions.calendar.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** A day off or a Saturday worked, as a government notice announces it. */
function DayForm() {
  const t = useT();
  const notifyError = useApiErrorNotice();
  const setDay = useSetCalendarDay();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<'day_off' | 'working_day'>('day_off');
  const [name, setName] = useState('');
  return (
    <Flex gap={4} wrap>
      <DatePicker format={DATE_DISPLAY_FORMAT} value={date} onChange={setDate} aria-label={t('petitions.calendar.date')} style={{ width: 130 }} />
      <Select
        value={kind}
        onChange={setKind}
        style={{ width: 100 }}
        options={[
          { value: 'day_off', label: t('petitions.calendar.day_off') },
          { value: 'working_day', label: t('petitions.calendar.working_day') },
        ]}
      />
      <Input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('petitions.calendar.name')} style={{ width: 160 }} />
      <Button
        type="primary"
        disabled={!date || !name.trim()}
        loading={setDay.isPending}
        onClick={() => date && setDay.mutate({ date: toApiDate(date), kind, name }, { onError: notifyError, onSuccess: () => setName('') })}
      >
        {t('petitions.calendar.add')}
      </Button>
    </Flex>
  );
}

interface PeriodValues {
  code: string;
  amount: number;
  unit: LegalPeriod['unit'];
  validFrom: Dayjs;
  basis: string;
}

/** A new version of a period when a law changes it, from the day it takes effect. */
function PeriodModal({ periods, onClose }: { periods: LegalPeriod[]; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<PeriodValues>();
  const add = useAddLegalPeriod();
  const { formError, submit } = useSaveAndClose(form, onClose);
  const codes = [...new Map(periods.map((period) => [period.code, period.label])).entries()];
  return (
    <SaveFormModal<PeriodValues>
      title={t('petitions.periods.add')}
      form={form}
      saving={add.isPending}
      formError={formError}
      onClose={onClose}
      initialValues={{ unit: 'calendar_days' }}
      onFinish={(values) =>
        submit(
          add.mutate,
          { code: values.code, amount: values.amount, unit: values.unit, validFrom: toApiDate(values.validFrom), basis: values.basis },
          t('petitions.action.done'),
        )
      }
    >
      <Form.Item name="code" label={t('petitions.periods.label')} rules={[{ required: true, message: t('petitions.required') }]}>
        <Select options={codes.map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="amount" label={t('petitions.periods.amount')} rules={[{ required: true, message: t('petitions.required') }]}>
          <InputNumber min={0} max={3650} precision={0} />
        </Form.Item>
        <Form.Item name="unit" label={t('petitions.periods.unit')} style={{ minWidth: 160 }}>
          <Select options={(['calendar_days', 'working_days', 'times'] as const).map((value) => ({ value, label: t(`petitions.periods.unit.${value}`) }))} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('petitions.periods.validFrom')} rules={[{ required: true, message: t('petitions.required') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item name="basis" label={t('petitions.periods.basis')} rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}>
        <Input />
      </Form.Item>
    </SaveFormModal>
  );
}
