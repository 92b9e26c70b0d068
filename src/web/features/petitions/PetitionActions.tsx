import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DATE_DISPLAY_FORMAT, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useServerFormErrors } from '../cadres/form-errors';
import { type PetitionDetail, usePetitionOptions, usePetitionStep } from './petitions.api';

type Step = 'decide' | 'referDown' | 'extend' | 'settle' | 'reportBack' | 'handlers';

const HANDLINGS = ['accepted', 'not_accepted', 'guided', 'transferred', 'filed'] as const;
const JUDGED_OUTCOMES = ['right', 'partly_right', 'wrong'] as const;

interface StepValues {
  on: Dayjs;
  note?: string;
  handling?: (typeof HANDLINGS)[number];
  transferredTo?: string;
  outcome?: string;
  agreed?: boolean;
  userIds?: string[];
}

/** The buttons of the steps the server says the caller may take now, each opening its own short form. */
export function PetitionActions({ petition }: { petition: PetitionDetail }) {
  const t = useT();
  const [open, setOpen] = useState<Step | null>(null);
  const steps: { step: Step; ability: boolean; label: string; primary?: boolean }[] = [
    { step: 'decide', ability: petition.abilities.handle, label: t('petitions.action.decide'), primary: true },
    { step: 'referDown', ability: petition.abilities.referDown, label: t('petitions.action.referDown') },
    { step: 'settle', ability: petition.abilities.settle, label: t('petitions.action.settle'), primary: true },
    { step: 'extend', ability: petition.abilities.extend, label: t('petitions.action.extend') },
    { step: 'reportBack', ability: petition.abilities.reportBack, label: t('petitions.action.reportBack'), primary: true },
    { step: 'handlers', ability: petition.abilities.assignHandlers, label: t('petitions.action.handlers') },
  ];
  return (
    <>
      <Flex gap={8} wrap>
        {steps
          .filter((step) => step.ability)
          .map((step) => (
            <Button key={step.step} type={step.primary ? 'primary' : 'default'} onClick={() => setOpen(step.step)} data-testid={`petition-action-${step.step}`}>
              {step.label}
            </Button>
          ))}
      </Flex>
      {open && <StepModal step={open} petition={petition} title={steps.find((step) => step.step === open)!.label} onClose={() => setOpen(null)} />}
    </>
  );
}

function StepModal({ step, petition, title, onClose }: { step: Step; petition: PetitionDetail; title: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<StepValues>();
  const mutation = usePetitionStep(petition.id);
  const options = usePetitionOptions(petition.unit.id);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const handling = Form.useWatch('handling', form);
  const judged = petition.type.code === 'khieu_nai' || petition.type.code === 'to_cao';

  function finish(values: StepValues) {
    clearFormError();
    const on = values.on ? toApiDate(values.on) : undefined;
    const request: Record<Step, { step: string; body: unknown; method?: 'PUT' }> = {
      decide: { step: 'decision', body: { handling: values.handling, on, note: values.note || null, transferredTo: values.transferredTo || null } },
      referDown: { step: 'refer-down', body: { on, note: values.note || null } },
      extend: { step: 'extension', body: { on, note: values.note ?? '' } },
      settle: { step: 'settlement', body: { on, outcome: judged ? values.outcome : 'answered', agreed: values.agreed ?? false, note: values.note || null } },
      reportBack: { step: 'report-back', body: { on, note: values.note || null } },
      handlers: { step: 'handlers', body: { userIds: values.userIds ?? [] }, method: 'PUT' },
    };
    mutation.mutate(request[step], {
      onSuccess: (result) => {
        void message.success(t('petitions.action.done'));
        onClose();
        if (result.childId) void navigate(`/petitions/${result.childId}`);
      },
      onError: handleError,
    });
  }

  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<StepValues>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={finish}
        initialValues={{
          on: fromApiDate(todayInVietnam()),
          handling: 'accepted',
          outcome: judged ? undefined : 'answered',
          agreed: true,
          userIds: petition.handlers.map((handler) => handler.id),
        }}
        data-testid="petition-step-form"
      >
        {step === 'referDown' && <Typography.Paragraph type="secondary">{t('petitions.action.referDownHint')}</Typography.Paragraph>}
        {step !== 'handlers' && (
          <Form.Item name="on" label={t('petitions.action.on')} rules={[{ required: true, message: t('petitions.required') }]}>
            <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
          </Form.Item>
        )}
        {step === 'decide' && (
          <Form.Item name="handling" label={t('petitions.action.handling')}>
            <Select
              options={HANDLINGS.filter((value) => judged || value !== 'not_accepted').map((value) => ({ value, label: t(`petitions.handling.${value}`) }))}
            />
          </Form.Item>
        )}
        {step === 'decide' && handling === 'transferred' && (
          <Form.Item name="transferredTo" label={t('petitions.action.transferredTo')} rules={[{ required: true, message: t('petitions.required') }]}>
            <Input />
          </Form.Item>
        )}
        {step === 'settle' && judged && (
          <Form.Item name="outcome" label={t('petitions.action.outcome')} rules={[{ required: true, message: t('petitions.required') }]}>
            <Select options={JUDGED_OUTCOMES.map((value) => ({ value, label: t(`petitions.outcome.${value}`) }))} />
          </Form.Item>
        )}
        {step === 'settle' && (
          <Form.Item name="agreed" valuePropName="checked">
            <Checkbox>{t('petitions.action.agreed')}</Checkbox>
          </Form.Item>
        )}
        {step === 'handlers' && (
          <Form.Item
            name="userIds"
            label={t('petitions.form.handlers')}
            extra={t('petitions.form.handlersHint')}
            rules={[{ required: true, message: t('petitions.required') }]}
          >
            <Select mode="multiple" options={options.data?.handlers.map((handler) => ({ value: handler.id, label: handler.fullName }))} />
          </Form.Item>
        )}
        {step !== 'handlers' && (
          <Form.Item
            name="note"
            label={step === 'extend' ? t('petitions.action.extensionNote') : t('petitions.action.note')}
            rules={step === 'extend' ? [{ required: true, whitespace: true, message: t('petitions.required') }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
        {formError && <Typography.Paragraph type="danger">{formError}</Typography.Paragraph>}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
