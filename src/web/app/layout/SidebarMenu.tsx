import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { findModuleOfPath, MODULE_SECTIONS, type AppModule } from '../app-module';
import { useT, type Translate } from '../i18n';
import { useAvailableModules } from '../modules-context';

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItem(appModule: AppModule, t: Translate): MenuItem {
  return { key: appModule.key, icon: appModule.icon, label: <Link to={appModule.path}>{t(appModule.labelKey)}</Link> };
}

function buildMenuItems(modules: AppModule[], t: Translate): MenuItem[] {
  const ungrouped = modules.filter((appModule) => !appModule.section).map((appModule) => toMenuItem(appModule, t));
  const groups = MODULE_SECTIONS.flatMap((section): MenuItem[] => {
    const members = modules.filter((appModule) => appModule.section === section);
    if (members.length === 0) return [];
    return [{ type: 'group', key: section, label: t(`nav.section.${section}`), children: members.map((m) => toMenuItem(m, t)) }];
  });
  return [...ungrouped, ...groups];
}

export function SidebarMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { pathname } = useLocation();
  const modules = useAvailableModules();
  const active = findModuleOfPath(modules, pathname);
  return (
    <Menu
      mode="inline"
      items={buildMenuItems(modules, t)}
      selectedKeys={active ? [active.key] : []}
      onClick={onNavigate}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      data-testid="sidebar-menu"
    />
  );
}
