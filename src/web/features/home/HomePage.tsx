import { Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { roleLabelKey } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/session';
import { formatDate, todayInVietnam } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useAvailableModules } from '../../app/modules';
import { BRAND_RED } from '../../app/theme';
import { homeModule } from './home.module';

function WelcomeCard() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: user.fullName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Descriptions
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'role', label: t('user.role'), children: t(roleLabelKey(user.role)) },
          { key: 'scope', label: t('home.scope'), children: `${user.unit.name} (${t(`unitLevel.${user.unit.level}`)})` },
          { key: 'today', label: t('home.today'), children: formatDate(todayInVietnam()) },
        ]}
      />
    </Card>
  );
}

function ModuleLinks() {
  const t = useT();
  const modules = useAvailableModules().filter((appModule) => appModule.key !== homeModule.key);
  return (
    <>
      <Typography.Title level={4}>{t('home.modules')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {modules.map((appModule) => (
          <Col key={appModule.key} xs={24} sm={12} xl={8}>
            <Link to={appModule.path} style={{ display: 'block', height: '100%' }}>
              <Card hoverable style={{ height: '100%' }}>
                <Flex gap={16} align="flex-start">
                  <span style={{ fontSize: 24, lineHeight: 1, color: BRAND_RED }}>{appModule.icon}</span>
                  <Flex vertical gap={4}>
                    <Typography.Text strong>{t(appModule.labelKey)}</Typography.Text>
                    <Typography.Text type="secondary">{t(appModule.descriptionKey)}</Typography.Text>
                  </Flex>
                </Flex>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function HomePage() {
  return (
    <Flex vertical gap={24}>
      <WelcomeCard />
      <ModuleLinks />
    </Flex>
  );
}
