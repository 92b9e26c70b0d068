import { Alert, Button, Flex } from 'antd';
import { useSignOut } from '../../app/auth/session';
import { useT } from '../../app/i18n';
import { ChangePasswordForm } from '../account/ChangePasswordForm';
import { AuthPageLayout } from './AuthPageLayout';

/** Replaces every page until a user with an administrator-issued password has chosen their own. */
export function ForcedPasswordChangePage() {
  const t = useT();
  const signOut = useSignOut();
  return (
    <AuthPageLayout>
      <Alert type="info" showIcon title={t('forcedPassword.title')} description={t('forcedPassword.description')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm />
      <Flex justify="center" style={{ marginTop: 8 }}>
        <Button type="link" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t('shell.logout')}
        </Button>
      </Flex>
    </AuthPageLayout>
  );
}
