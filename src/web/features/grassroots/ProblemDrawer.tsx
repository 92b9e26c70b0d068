import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { CLOSING_PROBLEM_STATUSES, PROBLEM_STATUS_LABELS } from '../../../core/grassroots-problems';
import { FullPageSpinner } from '../../app/components/FullPageSpinner';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { useServerFormErrors } from '../cadres/form-errors';
import { type ProblemDetail, useProblem, useProblemStep } from './grassroots.api';
import { ProblemFormDrawer } from './ProblemFormDrawer';

/** One problem: who leads it, its history, the petitions and dialogues behind it, and the steps the server allows. */
export function ProblemDrawer({ id, onOpen, onClose }: { id: string; onOpen: (id: string) => void; onClose: () => void }) {
  const t = useT();
  const problem = useProblem(id);
  const [step, setStep] = useState<'progress' | 'carry-over' | 'edit' | null>(null);
  const data = problem.data;
  return (
    <Drawer open onClose={onClose} size={640} title={data?.title ?? ''} destroyOnHidden data-testid="problem-drawer">
      {problem.isLoading && <FullPageSpinner />}
      {problem.isError && <QueryErrorAlert error={problem.error} onRetry={() => void problem.refetch()} />}
      {data && (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            <Tag>{data.status.label}</Tag>
            {data.late && <Tag color="error">{t('grassroots.late')}</Tag>}
            {data.carriedFrom && (
              <Tag color="purple" style={{ cursor: 'pointer' }} onClick={() => onOpen(data.carriedFrom!.id)}>
                {t('grassroots.carriedFrom', { year: data.carriedFrom.year })}
              </Tag>
            )}
            {data.carriedTo && (
              <Tag color="purple" style={{ cursor: 'pointer' }} onClick={() => onOpen(data.carriedTo!.id)}>
                {t('grassroots.detail.carriedTo', { year: data.carriedTo.year })}
              </Tag>
            )}
          </Flex>
          <Flex gap={8} wrap>
            {data.abilities.update && (
              <Button type="primary" onClick={() => setStep('progress')} data-testid="problem-progress">
                {t('grassroots.action.progress')}
              </Button>
            )}
            {data.abilities.carryOver && <Button onClick={() => setStep('carry-over')}>{t('grassroots.action.carryOver')}</Button>}
            {data.abilities.edit && <Button onClick={() => setStep('edit')}>{t('grassroots.edit')}</Button>}
          </Flex>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'commune', label: t('grassroots.col.commune'), children: data.commune.name },
              { key: 'field', label: t('grassroots.field'), children: data.field.label },
              { key: 'lead', label: t('grassroots.col.lead'), children: data.lead.name },
              { key: 'registered', label: t('grassroots.form.registeredOn'), children: formatDate(data.registeredOn) },
              { key: 'target', label: t('grassroots.col.target'), children: formatDate(data.targetOn) },
              ...(data.villages.length > 0
                ? [{ key: 'villages', label: t('grassroots.form.villages'), children: data.villages.map((village) => village.name).join(', ') }]
                : []),
              ...(data.resolution ? [{ key: 'resolution', label: t('grassroots.form.resolution'), children: data.resolution }] : []),
            ]}
          />
          {data.petitions.length > 0 && (
            <div>
              <Typography.Text strong>{t('grassroots.detail.petitions')}</Typography.Text>
              {data.petitions.map((petition) => (
                <div key={petition.id}>
                  <Link to={`/petitions/${petition.id}`}>
                    {petition.number}: {petition.subject}
                  </Link>
                </div>
              ))}
            </div>
          )}
          {data.dialogues.length > 0 && (
            <div>
              <Typography.Text strong>{t('grassroots.detail.dialogues')}</Typography.Text>
              {data.dialogues.map((dialogue) => (
                <div key={dialogue.id}>
                  {formatDate(dialogue.heldOn)} — {dialogue.topic}
                </div>
              ))}
            </div>
          )}
          <div>
            <Typography.Text strong>{t('grassroots.detail.updates')}</Typography.Text>
            <Timeline
              style={{ marginTop: 12 }}
              items={data.updates.map((update, index) => ({
                key: index,
                content: (
                  <Flex vertical>
                    <Typography.Text strong>
                      {formatDate(update.on)} — {update.status.label}
                    </Typography.Text>
                    <Typography.Text>{update.note}</Typography.Text>
                    <Typography.Text type="secondary">{update.by}</Typography.Text>
                  </Flex>
                ),
              }))}
            />
          </div>
        </Flex>
      )}
      {data && step === 'edit' && <ProblemFormDrawer problem={data} onClose={() => setStep(null)} />}
      {data && (step === 'progress' || step === 'carry-over') && <StepModal problem={data} step={step} onOpen={onOpen} onClose={() => setStep(null)} />}
    </Drawer>
  );
}

interface StepValues {
  on: Dayjs;
  status?: string;
  targetOn?: Dayjs;
  note: string;
}

function StepModal({
  problem,
  step,
  onOpen,
  onClose,
}: {
  problem: ProblemDetail;
  step: 'progress' | 'carry-over';
  onOpen: (id: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const mutation = useProblemStep(problem.id);
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  return (
    <Modal
      open
      onCancel={onClose}
      footer={null}
      title={step === 'progress' ? t('grassroots.action.progress') : t('grassroots.action.carryOver')}
      destroyOnHidden
    >
      <Form<StepValues>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ on: fromApiDate(todayInVietnam()), status: 'in_progress' }}
        data-testid="problem-step-form"
        onFinish={(values) => {
          clearFormError();
          const body =
            step === 'progress'
              ? { on: toApiDate(values.on), status: values.status, note: values.note }
              : { on: toApiDate(values.on), targetOn: values.targetOn ? toApiDate(values.targetOn) : undefined, note: values.note };
          mutation.mutate(
            { step, body },
            {
              onSuccess: (result) => {
                void message.success(t('grassroots.action.done'));
                onClose();
                if (result.nextId) onOpen(result.nextId);
              },
              onError: handleError,
            },
          );
        }}
      >
        <Form.Item name="on" label={t('grassroots.action.on')} rules={[{ required: true, message: t('grassroots.required') }]}>
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        {step === 'progress' ? (
          <Form.Item name="status" label={t('grassroots.action.status')}>
            <Select
              options={(['in_progress', ...CLOSING_PROBLEM_STATUSES] as const).map((value) => ({ value, label: PROBLEM_STATUS_LABELS[value][language] }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="targetOn" label={t('grassroots.action.newTarget')} rules={[{ required: true, message: t('grassroots.required') }]}>
            <DatePicker format={DATE_DISPLAY_FORMAT} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('grassroots.action.note')} rules={[{ required: true, whitespace: true, message: t('grassroots.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
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
