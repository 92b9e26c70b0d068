import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { confirmPasswordRules, MIN_PASSWORD_LENGTH, newPasswordRules } from '../../app/forms/password-rules';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { useT } from '../../app/i18n';
import { useResetUserPassword, type ManagedUser } from './users.api';

interface ResetPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

function ResetPasswordForm({ user, onDone }: { user: ManagedUser; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetPasswordValues>();
  const resetPassword = useResetUserPassword();
  const handleError = useFormErrorHandler(form);

  function handleFinish({ newPassword }: ResetPasswordValues) {
    resetPassword.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.resetPassword.done', { name: user.fullName }));
          onDone();
        },
        onError: handleError,
      },
    );
  }

  return (
    <Form<ResetPasswordValues> form={form} layout="vertical" onFinish={handleFinish} disabled={resetPassword.isPending}>
      <Typography.Paragraph type="secondary">{t('users.resetPassword.explanation')}</Typography.Paragraph>
      <Form.Item name="newPassword" label={t('account.newPassword')} extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })} rules={newPasswordRules(t)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirmPassword" label={t('password.confirm')} dependencies={['newPassword']} rules={confirmPasswordRules(t, 'newPassword')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={resetPassword.isPending}>
          {t('users.resetPassword.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

export function ResetPasswordModal({ open, user, onClose }: { open: boolean; user: ManagedUser | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} onCancel={onClose} title={t('users.resetPassword.title', { name: user?.fullName ?? '' })} footer={null} destroyOnHidden>
      {user && <ResetPasswordForm user={user} onDone={onClose} />}
    </Modal>
  );
}
