import { CloseOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Flex, Layout } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { findModuleOfPath } from '../app-module';
import { FullPageSpinner } from '../components/FullPageSpinner';
import { useT } from '../i18n';
import { appModules } from '../modules';
import { AppFooter } from './AppFooter';
import { BrandMark } from './BrandMark';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { SidebarMenu } from './SidebarMenu';
import { UserMenu } from './UserMenu';

function useDocumentTitle(): void {
  const t = useT();
  const { pathname } = useLocation();
  const active = findModuleOfPath(appModules, pathname);
  const title = active ? `${t(active.labelKey)} · ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export function AppShell() {
  const t = useT();
  const [isNarrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  useDocumentTitle();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, position: 'sticky', top: 0, zIndex: 30 }}>
        <Flex align="center" gap={8}>
          {/* On a phone the menu opens from the header, where it is seen, instead of a tab over the page's title. */}
          {isNarrow && (
            <Button
              type="text"
              icon={collapsed ? <MenuOutlined /> : <CloseOutlined />}
              onClick={() => setCollapsed((previous) => !previous)}
              aria-label={t(collapsed ? 'shell.openMenu' : 'shell.closeMenu')}
              aria-expanded={!collapsed}
              style={{ color: '#fff', fontSize: 20 }}
              data-testid="menu-toggle"
            />
          )}
          <Link to="/" style={{ display: 'flex' }}>
            <BrandMark inverted />
          </Link>
        </Flex>
        <Flex align="center" gap={16}>
          <LanguageSwitch />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <DemoBanner />
      <Layout style={{ position: 'relative' }}>
        <Layout.Sider
          width={240}
          breakpoint="lg"
          collapsedWidth={0}
          trigger={null}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onBreakpoint={setNarrow}
          // On phones the menu floats over the page instead of squeezing it.
          style={
            isNarrow ? { position: 'absolute', insetBlock: 0, zIndex: 20, boxShadow: '2px 0 8px rgba(0,0,0,0.12)' } : { borderInlineEnd: '1px solid #eceef1' }
          }
        >
          <SidebarMenu onNavigate={() => isNarrow && setCollapsed(true)} />
        </Layout.Sider>
        <Layout>
          <Layout.Content style={{ padding: isNarrow ? 12 : 24 }}>
            <Suspense fallback={<FullPageSpinner />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px' }}>
            <AppFooter />
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
