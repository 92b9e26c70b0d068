import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Radio, Switch, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/api-client';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { useT } from '../../app/i18n';
import { useCreateStandardSet, type NewStandardSet } from './compliance.api';

// The server's set code pattern: checked here too so that the message appears by the field.
const SET_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

function StandardSetForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewStandardSet>();
  const createSet = useCreateStandardSet();
  const handleError = useFormErrorHandler(form);
  const [conflict, setConflict] = useState<string | null>(null);

  function handleFinish(values: NewStandardSet) {
    setConflict(null);
    createSet.mutate(
      { ...values, code: values.code.trim(), note: values.note ?? '' },
      {
        onSuccess: (saved) => {
          void message.success(t('standards.newSet.saved', { name: saved.nameVi }));
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.id === 'CONFLICT') setConflict(error.message);
          else handleError(error);
        },
      },
    );
  }

  const required = (message: string) => ({ required: true, whitespace: true, message });
  return (
    <Form<NewStandardSet>
      form={form}
      layout="vertical"
      initialValues={{ scope: 'provincial', confirmed: false, note: '' }}
      onFinish={handleFinish}
      disabled={createSet.isPending}
      data-testid="standard-set-form"
    >
      <Typography.Paragraph type="secondary">{t('standards.newSet.explanation')}</Typography.Paragraph>
      {conflict && <Alert type="error" showIcon title={conflict} style={{ marginBottom: 16 }} data-testid="set-conflict" />}
      <Form.Item
        name="code"
        label={t('standards.set.code')}
        extra={t('standards.newSet.codeHint')}
        rules={[required(t('standards.newSet.codeRequired')), { pattern: SET_CODE_PATTERN, message: t('standards.newSet.codeFormat') }]}
      >
        <Input autoComplete="off" placeholder="tinh-2026" data-testid="set-code" />
      </Form.Item>
      <Form.Item name="nameVi" label={t('standards.newSet.nameVi')} rules={[required(t('standards.newSet.nameViRequired')), { max: 300 }]}>
        <Input autoComplete="off" data-testid="set-name-vi" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('standards.newSet.nameEn')} rules={[required(t('standards.newSet.nameEnRequired')), { max: 300 }]}>
        <Input autoComplete="off" data-testid="set-name-en" />
      </Form.Item>
      <Form.Item name="scope" label={t('standards.set.scope')}>
        <Radio.Group
          options={[
            { value: 'provincial', label: t('standards.scope.provincial') },
            { value: 'national', label: t('standards.scope.national') },
          ]}
        />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('standards.rule.basis')} rules={[required(t('standards.version.basisRequired')), { max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="set-basis" />
      </Form.Item>
      <Form.Item name="confirmed" label={t('standards.version.confirmed')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="note" label={t('standards.version.note')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={createSet.isPending} data-testid="set-save">
          {t('standards.newSet.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** A new standard set: it judges nobody until its rules are written and an administrator turns it on. */
export function StandardSetDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open={open} onClose={onClose} title={t('standards.newSet.title')} size={screens.md ? 560 : '100%'} destroyOnHidden>
      <StandardSetForm onDone={onClose} />
    </Drawer>
  );
}
