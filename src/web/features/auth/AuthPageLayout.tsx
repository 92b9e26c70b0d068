import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { StarEmblem } from '../../app/layout/BrandMark';
import { AppFooter } from '../../app/layout/AppFooter';
import { DemoBanner } from '../../app/layout/DemoBanner';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { useT } from '../../app/i18n';
import { BRAND_RED_DARK } from '../../app/theme';

/** The frame around pages shown before the app itself: login and the forced password change. */
export function AuthPageLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: `linear-gradient(180deg, ${BRAND_RED_DARK} 0, ${BRAND_RED_DARK} 260px, #f3f4f6 260px)` }}>
      <DemoBanner />
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} justify="center" align="flex-start" style={{ padding: '8px 16px 32px' }}>
        <Card style={{ width: 'min(440px, 100%)', boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24, textAlign: 'center' }}>
            <StarEmblem size={56} />
            <Typography.Title level={2} style={{ margin: '8px 0 0' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </Flex>
          {children}
        </Card>
      </Flex>
      <Flex justify="center" style={{ padding: 16 }}>
        <AppFooter />
      </Flex>
    </Flex>
  );
}
