import { Card, Col, Descriptions, Row } from 'antd';
import { roleLabelKey } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/session';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.profile')}>
            <Descriptions
              column={1}
              items={[
                { key: 'fullName', label: t('user.fullName'), children: user.fullName },
                { key: 'username', label: t('user.username'), children: user.username },
                { key: 'role', label: t('user.role'), children: t(roleLabelKey(user.role)) },
                { key: 'unit', label: t('user.unit'), children: user.unit.name },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('account.changePassword')}>
            <ChangePasswordForm />
          </Card>
        </Col>
      </Row>
    </>
  );
}
