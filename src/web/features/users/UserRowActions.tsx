import { App, Button, Popconfirm, Space } from 'antd';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { useT } from '../../app/i18n';
import { useUnlockUser, useUpdateUser, type ManagedUser } from './users.api';

interface UserRowActionsProps {
  user: ManagedUser;
  onEdit: (user: ManagedUser) => void;
  onResetPassword: (user: ManagedUser) => void;
}

export function UserRowActions({ user, onEdit, onResetPassword }: UserRowActionsProps) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const currentUser = useCurrentUser();
  const updateUser = useUpdateUser();
  const unlockUser = useUnlockUser();

  function toggleDisabled() {
    const disabled = !user.disabled;
    updateUser.mutate(
      { id: user.id, changes: { disabled } },
      {
        onSuccess: () => void message.success(t(disabled ? 'users.disabledDone' : 'users.enabledDone', { name: user.fullName })),
        onError: notifyError,
      },
    );
  }

  function unlock() {
    unlockUser.mutate(user.id, {
      onSuccess: () => void message.success(t('users.unlockDone', { name: user.fullName })),
      onError: notifyError,
    });
  }

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onEdit(user)}>
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" onClick={() => onResetPassword(user)}>
        {t('users.resetPassword')}
      </Button>
      {user.lockedUntil && (
        <Popconfirm title={t('users.unlockConfirm', { name: user.fullName })} onConfirm={unlock} okText={t('users.unlock')} cancelText={t('common.cancel')}>
          <Button type="link" size="small" loading={unlockUser.isPending}>
            {t('users.unlock')}
          </Button>
        </Popconfirm>
      )}
      {/* Disabling one's own account would lock the last administrator out. */}
      {user.id !== currentUser.id && (
        <Popconfirm
          title={t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', { name: user.fullName })}
          onConfirm={toggleDisabled}
          okText={t(user.disabled ? 'users.enable' : 'users.disable')}
          okButtonProps={{ danger: !user.disabled }}
          cancelText={t('common.cancel')}
        >
          <Button type="link" size="small" danger={!user.disabled} loading={updateUser.isPending}>
            {t(user.disabled ? 'users.enable' : 'users.disable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
