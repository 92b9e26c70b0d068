import { Flex, Tag } from 'antd';
import { formatDateTime } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import type { ManagedUser } from './users.api';

export function UserStatusTags({ user }: { user: ManagedUser }) {
  const t = useT();
  return (
    <Flex gap={4} wrap>
      {user.disabled ? <Tag>{t('users.status.disabled')}</Tag> : <Tag color="green">{t('users.status.active')}</Tag>}
      {user.lockedUntil && <Tag color="orange">{t('users.status.lockedUntil', { time: formatDateTime(user.lockedUntil) })}</Tag>}
      {user.mustChangePassword && <Tag color="blue">{t('users.status.mustChangePassword')}</Tag>}
    </Flex>
  );
}
