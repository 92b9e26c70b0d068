import { DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, fromApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { classBasicsInput, SaveFormModal, useSaveAndClose, type ClassBasicsValues } from './training-form-parts';
import { useUpdateClass, type ClassDetail } from './training.api';

export function ClassEditModal({ klass, onClose }: { klass: ClassDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ClassBasicsValues>();
  const update = useUpdateClass(klass.id);
  const { formError, submit } = useSaveAndClose(form, onClose);
  const required = { required: true, message: t('training.required') };

  return (
    <SaveFormModal<ClassBasicsValues>
      title={t('training.class.edit')}
      width={640}
      form={form}
      saving={update.isPending}
      initialValues={{
        name: klass.name,
        startDate: fromApiDate(klass.startDate),
        endDate: fromApiDate(klass.endDate),
        venue: klass.venue ?? undefined,
        venueUnitId: klass.venueUnitId ?? undefined,
        capacity: klass.capacity,
      }}
      onFinish={(values) => submit(update.mutate, classBasicsInput(values), t('training.class.saved'))}
      formError={formError}
      onClose={onClose}
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
    </SaveFormModal>
  );
}
