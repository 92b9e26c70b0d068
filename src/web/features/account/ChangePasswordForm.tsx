import { Button, Form, Input } from 'antd';
import { confirmPasswordRules, MIN_PASSWORD_LENGTH, newPasswordRules } from '../../app/forms/password-rules';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { ApiError } from '../../app/api/api-client';
import { useT } from '../../app/i18n';
import { useChangeOwnPassword } from './account.api';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const t = useT();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangeOwnPassword();
  const handleError = useFormErrorHandler(form);

  function handleFinish({ currentPassword, newPassword }: ChangePasswordValues) {
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => form.resetFields(),
        onError: (error) => {
          // This answer is about one field, so it belongs under that field.
          if (error instanceof ApiError && error.id === 'AUTH_WRONG_CURRENT_PASSWORD') {
            form.setFields([{ name: 'currentPassword', errors: [error.message] }]);
          } else {
            handleError(error);
          }
        },
      },
    );
  }

  return (
    <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={handleFinish} data-testid="change-password-form">
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('account.currentPasswordRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        dependencies={['currentPassword']}
        rules={[
          ...newPasswordRules(t),
          ({ getFieldValue }) => ({
            validator: (_rule, value: unknown) =>
              !value || value !== getFieldValue('currentPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.sameAsCurrent'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirmPassword" label={t('password.confirm')} dependencies={['newPassword']} rules={confirmPasswordRules(t, 'newPassword')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
