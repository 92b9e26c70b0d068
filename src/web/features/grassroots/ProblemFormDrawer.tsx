import { DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { UnitPicker } from '../../app/components/UnitPicker';
import { DATE_DISPLAY_FORMAT, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { SaveFormDrawer, useSaveAndClose } from '../training/training-form-parts';
import { type ProblemDetail, useProblemOptions, useSaveProblem } from './grassroots.api';

interface ProblemValues {
  communeId: string;
  year: number;
  title: string;
  fieldCode: string;
  leadCadreId: string;
  registeredOn: Dayjs;
  targetOn: Dayjs;
  resolution?: string;
  villageIds?: string[];
}

/** Registering or correcting a problem: the lead is chosen among the commune's standing members on the registration date. */
export function ProblemFormDrawer({
  problem,
  defaultCommune,
  onClose,
}: {
  problem: ProblemDetail | null;
  defaultCommune?: { id: string; name: string };
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ProblemValues>();
  const save = useSaveProblem();
  const { formError, submit } = useSaveAndClose(form, onClose);
  const communeId = Form.useWatch('communeId', form);
  const registeredOn = Form.useWatch('registeredOn', form);
  const options = useProblemOptions(communeId, registeredOn ? toApiDate(registeredOn) : todayInVietnam());
  const today = todayInVietnam();

  return (
    <SaveFormDrawer<ProblemValues>
      title={problem ? t('grassroots.edit') : t('grassroots.register')}
      size={600}
      form={form}
      saving={save.isPending}
      formError={formError}
      onClose={onClose}
      testId="problem-form"
      initialValues={
        problem
          ? {
              communeId: problem.commune.id,
              year: problem.year,
              title: problem.title,
              fieldCode: problem.field.code,
              leadCadreId: problem.lead.id,
              registeredOn: fromApiDate(problem.registeredOn),
              targetOn: fromApiDate(problem.targetOn),
              resolution: problem.resolution ?? undefined,
              villageIds: problem.villages.map((village) => village.id),
            }
          : { communeId: defaultCommune?.id, year: Number(today.slice(0, 4)), registeredOn: fromApiDate(today) }
      }
      onFinish={(values) =>
        submit(
          save.mutate,
          {
            id: problem?.id,
            input: {
              communeId: values.communeId,
              year: values.year,
              title: values.title,
              fieldCode: values.fieldCode,
              leadCadreId: values.leadCadreId,
              registeredOn: toApiDate(values.registeredOn),
              targetOn: toApiDate(values.targetOn),
              resolution: values.resolution || null,
              villageIds: values.villageIds ?? [],
              petitionIds: problem?.petitions.map((petition) => petition.id) ?? [],
              dialogueIds: problem?.dialogues.map((dialogue) => dialogue.id) ?? [],
            },
          },
          t('grassroots.saved'),
        )
      }
    >
      <Form.Item name="communeId" label={t('grassroots.form.commune')} rules={[{ required: true, message: t('grassroots.required') }]}>
        <UnitPicker scope="mine" disabled={problem !== null} initialUnit={problem ? problem.commune : defaultCommune} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="year" label={t('grassroots.year')} rules={[{ required: true, message: t('grassroots.required') }]}>
          <InputNumber min={2000} max={2100} precision={0} disabled={problem !== null} />
        </Form.Item>
        <Form.Item name="registeredOn" label={t('grassroots.form.registeredOn')} rules={[{ required: true, message: t('grassroots.required') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="targetOn" label={t('grassroots.form.targetOn')} rules={[{ required: true, message: t('grassroots.required') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('grassroots.form.title')} rules={[{ required: true, whitespace: true, message: t('grassroots.required') }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="fieldCode" label={t('grassroots.field')} rules={[{ required: true, message: t('grassroots.required') }]}>
        <Select options={options.data?.fields.map((field) => ({ value: field.code, label: field.label }))} loading={options.isLoading} />
      </Form.Item>
      <Form.Item
        name="leadCadreId"
        label={t('grassroots.form.lead')}
        extra={t('grassroots.form.leadHint')}
        rules={[{ required: true, message: t('grassroots.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={options.isLoading}
          options={options.data?.leads.map((lead) => ({ value: lead.id, label: `${lead.fullName} — ${lead.title}` }))}
        />
      </Form.Item>
      <Form.Item name="villageIds" label={t('grassroots.form.villages')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={options.data?.villages.map((village) => ({ value: village.id, label: village.name }))}
        />
      </Form.Item>
      <Form.Item name="resolution" label={t('grassroots.form.resolution')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </SaveFormDrawer>
  );
}
