import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { apiFetch } from '../../app/api/api-client';
import { useReloadSession } from '../../app/auth/session';
import { useT } from '../../app/i18n';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export function useChangeOwnPassword() {
  const t = useT();
  const { message } = App.useApp();
  const reloadSession = useReloadSession();
  return useMutation({
    mutationFn: (change: PasswordChange) => apiFetch<void>('/api/auth/password', { method: 'POST', body: change }),
    // Confirmed here rather than by the form: after a forced change the form is gone once the session reloads.
    // The reloaded session reports `mustChangePassword: false` and may carry a fresh CSRF token.
    onSuccess: () => {
      void message.success(t('account.passwordChanged'));
      return reloadSession();
    },
  });
}
