import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useServerFormErrors } from '../cadres/form-errors';
import { useUpdateClass, type ClassDetail } from './training.api';

interface EditValues {
  name: string;
  startDate: Dayjs;
  endDate: Dayjs;
  venue?: string;
  venueUnitId?: string;
  capacity: number;
}

export function ClassEditModal({ klass, onClose }: { klass: ClassDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateClass(klass.id);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const required = { required: true, message: t('training.required') };

  return (
    <Modal open onCancel={onClose} title={t('training.class.edit')} footer={null} width={640} destroyOnHidden>
      <Form<EditValues>
        form={form}
        layout="vertical"
        disabled={update.isPending}
        initialValues={{
          name: klass.name,
          startDate: fromApiDate(klass.startDate),
          endDate: fromApiDate(klass.endDate),
          venue: klass.venue ?? undefined,
          venueUnitId: klass.venueUnitId ?? undefined,
          capacity: klass.capacity,
        }}
        onFinish={(values) => {
          clearFormError();
          update.mutate(
            {
              name: values.name,
              startDate: toApiDate(values.startDate),
              endDate: toApiDate(values.endDate),
              venue: values.venue || null,
              venueUnitId: values.venueUnitId ?? null,
              capacity: values.capacity,
            },
            {
              onSuccess: () => {
                void message.success(t('training.class.saved'));
                onClose();
              },
              onError: handleError,
            },
          );
        }}
      >
        <Form.Item name="name" label={t('training.class.name')} rules={[required]}>
          <Input />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="startDate" label={t('training.class.startDate')} rules={[required]}>
            <DatePicker format={DATE_DISPLAY_FORMAT} />
          </Form.Item>
          <Form.Item name="endDate" label={t('training.class.endDate')} rules={[required]}>
            <DatePicker format={DATE_DISPLAY_FORMAT} />
          </Form.Item>
          <Form.Item name="capacity" label={t('training.class.capacity')} rules={[required]}>
            <InputNumber min={1} max={10000} precision={0} />
          </Form.Item>
        </Flex>
        <Form.Item name="venue" label={t('training.class.venue')}>
          <Input />
        </Form.Item>
        <Form.Item name="venueUnitId" label={t('training.class.venueUnit')}>
          <UnitPicker allowClear />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
