import { App, Button, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import { ApiError } from '../../app/api/api-client';
import { ROLES, type Role } from '../../app/api/types';
import { roleLabelKey } from '../../app/auth/roles';
import { UnitPicker } from '../../app/components/UnitPicker';
import { MIN_PASSWORD_LENGTH, newPasswordRules } from '../../app/forms/password-rules';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { useT } from '../../app/i18n';
import { useCreateUser, useUpdateUser, type ManagedUser } from './users.api';

interface UserFormValues {
  username: string;
  fullName: string;
  role: Role;
  unitId: string;
  password: string;
}

const MAX_NAME_LENGTH = 200;

/** Create when `user` is null, edit otherwise. Mounted afresh for every opening, so it starts clean. */
function UserForm({ user, onDone }: { user: ManagedUser | null; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const handleError = useFormErrorHandler(form);
  const saving = createUser.isPending || updateUser.isPending;

  function finishWith(confirmation: string) {
    void message.success(confirmation);
    onDone();
  }

  function handleSaveError(error: unknown) {
    if (error instanceof ApiError && error.id === 'USERNAME_TAKEN') {
      form.setFields([{ name: 'username', errors: [error.message] }]);
    } else {
      handleError(error);
    }
  }

  function handleFinish(values: UserFormValues) {
    const fullName = values.fullName.trim();
    if (user) {
      updateUser.mutate(
        { id: user.id, changes: { fullName, role: values.role, unitId: values.unitId } },
        { onSuccess: () => finishWith(t('users.saved')), onError: handleSaveError },
      );
    } else {
      createUser.mutate(
        { username: values.username.trim(), fullName, role: values.role, unitId: values.unitId, password: values.password },
        { onSuccess: () => finishWith(t('users.created')), onError: handleSaveError },
      );
    }
  }

  return (
    <Form<UserFormValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      initialValues={user ? { username: user.username, fullName: user.fullName, role: user.role, unitId: user.unit.id } : undefined}
      disabled={saving}
    >
      <Form.Item name="username" label={t('user.username')} rules={[{ required: true, whitespace: true, message: t('users.form.usernameRequired') }]}>
        <Input autoComplete="off" disabled={user !== null} />
      </Form.Item>
      <Form.Item
        name="fullName"
        label={t('user.fullName')}
        rules={[
          { required: true, whitespace: true, message: t('users.form.fullNameRequired') },
          { max: MAX_NAME_LENGTH, message: t('users.form.fullNameTooLong', { max: MAX_NAME_LENGTH }) },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('users.form.roleRequired') }]}>
        <Select<Role> options={ROLES.map((role) => ({ value: role, label: t(roleLabelKey(role)) }))} placeholder={t('users.form.rolePlaceholder')} />
      </Form.Item>
      <Form.Item name="unitId" label={t('user.unit')} extra={t('users.form.unitHint')} rules={[{ required: true, message: t('users.form.unitRequired') }]}>
        <UnitPicker initialUnit={user ? { id: user.unit.id, name: user.unit.name } : undefined} />
      </Form.Item>
      {!user && (
        <Form.Item name="password" label={t('users.form.initialPassword')} extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {user ? t('common.save') : t('users.create')}
        </Button>
      </Flex>
    </Form>
  );
}

export function UserFormDrawer({ open, user, onClose }: { open: boolean; user: ManagedUser | null; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.fullName }) : t('users.createTitle')}
      size={screens.sm ? 520 : '100%'}
      destroyOnHidden
    >
      <UserForm user={user} onDone={onClose} />
    </Drawer>
  );
}
