import { TIME_OF_DAY_PATTERN } from '../../../core/training-forms';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { UnitPicker, type PickedUnit } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useServerFormErrors } from '../cadres/form-errors';
import { formLabel } from './training-labels';
import { classBasicsInput, type ClassBasicsValues } from './training-form-parts';
import { useCreateClass, useInstructors, useProgrammes } from './training.api';

interface SessionValues {
  date?: Dayjs;
  startTime: string;
  endTime: string;
  topic?: string;
  instructorIds?: string[];
}

interface ClassValues extends ClassBasicsValues {
  programmeId: string;
  unitId: string;
  sessions: SessionValues[];
  tests: { name: string; heldOn?: Dayjs }[];
}

const MORNING: Pick<SessionValues, 'startTime' | 'endTime'> = { startTime: '07:30', endTime: '11:30' };

/** One morning session per working day between the class's first and last day, the usual shape of a course. */
function workingDaySessions(start: Dayjs, end: Dayjs): SessionValues[] {
  const sessions: SessionValues[] = [];
  for (let day = start; !day.isAfter(end, 'day') && sessions.length < 500; day = day.add(1, 'day')) {
    if (day.day() !== 0 && day.day() !== 6) sessions.push({ date: day, ...MORNING });
  }
  return sessions;
}

export function ClassFormDrawer({ open, onClose, defaultUnit }: { open: boolean; onClose: () => void; defaultUnit: PickedUnit }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ClassValues>();
  const programmes = useProgrammes();
  const instructors = useInstructors();
  const create = useCreateClass();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);

  function handleProgrammeChange(programmeId: string) {
    const programme = programmes.data?.items.find((item) => item.id === programmeId);
    if (programme && !form.getFieldValue('name')) form.setFieldValue('name', programme.name);
  }

  function fillSessions() {
    const start = form.getFieldValue('startDate') as Dayjs | undefined;
    const end = form.getFieldValue('endDate') as Dayjs | undefined;
    if (!start || !end) {
      void form.validateFields(['startDate', 'endDate']);
      return;
    }
    form.setFieldValue('sessions', workingDaySessions(start, end));
  }

  function handleFinish(values: ClassValues) {
    clearFormError();
    create.mutate(
      {
        programmeId: values.programmeId,
        unitId: values.unitId,
        ...classBasicsInput(values),
        sessions: (values.sessions ?? []).map((session) => ({
          date: toApiDate(session.date!),
          startTime: session.startTime,
          endTime: session.endTime,
          topic: session.topic || null,
          instructorIds: session.instructorIds ?? [],
        })),
        tests: (values.tests ?? []).map((test) => ({ name: test.name, heldOn: test.heldOn ? toApiDate(test.heldOn) : null })),
      },
      {
        onSuccess: (created) => {
          void message.success(t('training.class.created'));
          onClose();
          void navigate(`/training/classes/${created.id}`);
        },
        onError: handleError,
      },
    );
  }

  const required = { required: true, message: t('training.required') };

  return (
    <Drawer open={open} onClose={onClose} title={t('training.class.create')} size={880} destroyOnHidden>
      <Form<ClassValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        disabled={create.isPending}
        initialValues={{ unitId: defaultUnit.id, capacity: 30, sessions: [], tests: [{ name: t('training.test.defaultName') }] }}
        data-testid="class-form"
      >
        <Form.Item name="programmeId" label={t('training.class.programme')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={programmes.isLoading}
            onChange={handleProgrammeChange}
            options={programmes.data?.items.map((programme) => ({ value: programme.id, label: `${programme.name} (${formLabel(programme.form, t)})` }))}
            data-testid="class-programme"
          />
        </Form.Item>
        <Form.Item name="name" label={t('training.class.name')} rules={[required]}>
          <Input data-testid="class-name" />
        </Form.Item>
        <Form.Item name="unitId" label={t('training.class.unit')} extra={t('training.class.unitHint')} rules={[required]}>
          <UnitPicker initialUnit={defaultUnit} allowClear={false} scope="mine" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="startDate" label={t('training.class.startDate')} rules={[required]}>
            <DatePicker format={DATE_DISPLAY_FORMAT} data-testid="class-start" />
          </Form.Item>
          <Form.Item name="endDate" label={t('training.class.endDate')} rules={[required]}>
            <DatePicker format={DATE_DISPLAY_FORMAT} data-testid="class-end" />
          </Form.Item>
          <Form.Item name="capacity" label={t('training.class.capacity')} rules={[required]}>
            <InputNumber min={1} max={10000} precision={0} data-testid="class-capacity" />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="venue" label={t('training.class.venue')} style={{ flex: 1, minWidth: 240 }}>
            <Input placeholder={t('training.class.venuePlaceholder')} />
          </Form.Item>
          <Form.Item name="venueUnitId" label={t('training.class.venueUnit')} extra={t('training.class.venueUnitHint')} style={{ flex: 1, minWidth: 240 }}>
            <UnitPicker allowClear />
          </Form.Item>
        </Flex>

        <Divider titlePlacement="start">{t('training.class.sessions')}</Divider>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid="session-row">
                  <Typography.Text style={{ width: 24, paddingTop: 5 }}>{index + 1}.</Typography.Text>
                  <Form.Item name={[field.name, 'date']} rules={[required]}>
                    <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('training.session.date')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'startTime']} rules={[required, { pattern: TIME_OF_DAY_PATTERN, message: t('training.session.timeFormat') }]}>
                    <Input placeholder="07:30" style={{ width: 72 }} aria-label={t('training.session.start')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'endTime']} rules={[required, { pattern: TIME_OF_DAY_PATTERN, message: t('training.session.timeFormat') }]}>
                    <Input placeholder="11:30" style={{ width: 72 }} aria-label={t('training.session.end')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'topic']} style={{ flex: 1, minWidth: 120 }}>
                    <Input placeholder={t('training.session.topic')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'instructorIds']} style={{ width: 200 }}>
                    <Select
                      mode="multiple"
                      placeholder={t('training.session.instructors')}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={instructors.data?.items.map((instructor) => ({ value: instructor.id, label: instructor.fullName }))}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('training.delete')} />
                </Flex>
              ))}
              <Flex gap={8}>
                <Button icon={<PlusOutlined />} onClick={() => add({ ...MORNING })}>
                  {t('training.session.add')}
                </Button>
                <Button icon={<ThunderboltOutlined />} onClick={fillSessions} data-testid="fill-sessions">
                  {t('training.session.fill')}
                </Button>
              </Flex>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('training.class.tests')}</Divider>
        <Form.List name="tests">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'name']} rules={[required]} style={{ flex: 1 }}>
                    <Input placeholder={t('training.test.name')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'heldOn']}>
                    <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('training.test.heldOn')} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('training.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                {t('training.test.add')}
              </Button>
            </>
          )}
        </Form.List>

        {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 16 }} data-testid="class-form-error" />}
        <Flex justify="flex-end" gap={8} style={{ marginTop: 24 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="class-submit">
            {t('training.class.createSubmit')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
