import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../api/api-client';
import { useT } from '../i18n';
import { forgetSession, sessionQueryKey } from './session';

/**
 * Turns any unexpected 401 into "signed out": the session is dropped and
 * `RequireAuth` then sends the user to the login page, remembering where they were.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const t = useT();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      // Several requests may fail at once; tell the user only once.
      const hadSession = queryClient.getQueryData(sessionQueryKey) != null;
      forgetSession(queryClient);
      if (hadSession) void message.warning(t('auth.sessionExpired'));
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient, message, t]);

  return children;
}
