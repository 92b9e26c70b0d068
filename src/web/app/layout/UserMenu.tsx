import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Flex, Grid, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { roleLabelKey } from '../auth/roles';
import { useCurrentUser, useSignOut } from '../auth/session';
import { useT } from '../i18n';
import { BRAND_GOLD, BRAND_RED_DARK } from '../theme';

/** Vietnamese names put the given name last, and that is the name people are called by. */
function initialOf(fullName: string): string {
  const givenName = fullName.trim().split(/\s+/).at(-1) ?? '';
  return givenName.charAt(0).toLocaleUpperCase('vi');
}

export function UserMenu() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const screens = Grid.useBreakpoint();

  const identity = (
    <Flex vertical style={{ lineHeight: 1.3 }}>
      <Typography.Text strong>{user.fullName}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(roleLabelKey(user.role))} · {t('shell.scope', { unit: user.unit.name })}
      </Typography.Text>
    </Flex>
  );

  const items: MenuProps['items'] = [
    // Narrow screens have no room for name and scope in the header, so the menu carries them.
    ...(screens.md ? [] : [{ key: 'identity', label: identity, disabled: true }, { type: 'divider' as const }]),
    { key: 'account', icon: <UserOutlined />, label: t('shell.myAccount'), onClick: () => void navigate('/account') },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout-button">{t('shell.logout')}</span>,
      disabled: signOut.isPending,
      onClick: () => signOut.mutate(),
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <button type="button" className="user-menu-trigger" data-testid="user-menu" aria-label={t('shell.userMenu')}>
        <Flex align="center" gap={10}>
          <Avatar style={{ background: BRAND_GOLD, color: BRAND_RED_DARK, fontWeight: 600 }}>{initialOf(user.fullName)}</Avatar>
          {screens.md && (
            <Flex vertical align="flex-start" style={{ lineHeight: 1.3 }}>
              <Typography.Text strong style={{ color: '#ffffff' }} data-testid="user-menu-name">
                {user.fullName}
              </Typography.Text>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 12 }}>
                {t(roleLabelKey(user.role))} · {t('shell.scope', { unit: user.unit.name })}
              </Typography.Text>
            </Flex>
          )}
          <DownOutlined style={{ color: '#ffffff', fontSize: 10 }} />
        </Flex>
      </button>
    </Dropdown>
  );
}
