import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ForcedPasswordChangePage } from '../../features/auth/ForcedPasswordChangePage';
import { describeApiError } from '../api/api-errors';
import { FullPageSpinner } from '../components/FullPageSpinner';
import { useT } from '../i18n';
import { useSession } from './session';

export interface LoginRedirectState {
  from?: { pathname: string; search: string };
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const session = useSession();

  // Only a failed first check blocks the app; a failed background refresh keeps the session we have.
  if (session.data === undefined) {
    if (!session.isError) return <FullPageSpinner />;
    return (
      <Result
        status="error"
        title={t('auth.sessionCheckFailed')}
        subTitle={describeApiError(session.error, t)}
        extra={<Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!session.data) {
    const state: LoginRedirectState = { from: { pathname: location.pathname, search: location.search } };
    return <Navigate to="/login" replace state={state} />;
  }
  if (session.data.user.mustChangePassword) return <ForcedPasswordChangePage />;
  return children;
}
