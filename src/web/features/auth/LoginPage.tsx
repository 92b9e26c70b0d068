import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../app/api/api-client';
import { describeApiError } from '../../app/api/api-errors';
import type { LoginRedirectState } from '../../app/auth/RequireAuth';
import { useSession, useSignIn, type Credentials } from '../../app/auth/session';
import { useT } from '../../app/i18n';
import { AuthPageLayout } from './AuthPageLayout';
import { useSecondsUntil } from './useSecondsUntil';

/** Back to the page that sent the user here, or home. */
function pathAfterLogin(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  return from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/';
}

function lockoutSecondsOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.id !== 'AUTH_LOCKED') return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : null;
}

function formatCountdown(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function LoginPage() {
  const t = useT();
  const location = useLocation();
  const session = useSession();
  const signIn = useSignIn();
  const [form] = Form.useForm<Credentials>();
  const typedUsername = Form.useWatch('username', form);
  const [lockout, setLockout] = useState<{ username: string; unlocksAt: number } | null>(null);
  const secondsUntilUnlock = useSecondsUntil(lockout?.unlocksAt ?? null);
  // The lockout belongs to one account; someone switching to another username may go ahead.
  const lockedSeconds = lockout && lockout.username === typedUsername ? secondsUntilUnlock : 0;

  function handleFinish(credentials: Credentials) {
    signIn.mutate(credentials, {
      onError: (error) => {
        const seconds = lockoutSecondsOf(error);
        setLockout(seconds === null ? null : { username: credentials.username, unlocksAt: Date.now() + seconds * 1000 });
      },
    });
  }

  // Right after signing in, and for someone who opens the login page while still signed in.
  if (session.data) return <Navigate to={pathAfterLogin(location.state)} replace />;

  return (
    <AuthPageLayout>
      {signIn.isError && (
        <Alert
          type="error"
          showIcon
          title={describeApiError(signIn.error, t)}
          description={lockedSeconds > 0 ? t('login.retryIn', { time: formatCountdown(lockedSeconds) }) : undefined}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form<Credentials> form={form} layout="vertical" requiredMark={false} onFinish={handleFinish} data-testid="login-form">
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending} disabled={lockedSeconds > 0} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthPageLayout>
  );
}
