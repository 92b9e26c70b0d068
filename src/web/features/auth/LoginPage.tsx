import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../app/api/api-client';
import { describeApiError } from '../../app/api/api-errors';
import type { LoginRedirectState } from '../../app/auth/RequireAuth';
import { useSignIn, type Credentials } from '../../app/auth/session';
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
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = useSignIn();
  const [unlocksAt, setUnlocksAt] = useState<number | null>(null);
  const lockedSeconds = useSecondsUntil(unlocksAt);

  function handleFinish(credentials: Credentials) {
    signIn.mutate(credentials, {
      onSuccess: () => void navigate(pathAfterLogin(location.state), { replace: true }),
      onError: (error) => {
        const seconds = lockoutSecondsOf(error);
        setUnlocksAt(seconds === null ? null : Date.now() + seconds * 1000);
      },
    });
  }

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
      <Form<Credentials> layout="vertical" requiredMark={false} onFinish={handleFinish} data-testid="login-form">
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={signIn.isPending}
          disabled={lockedSeconds > 0}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </Form>
    </AuthPageLayout>
  );
}
