import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { roleLabelKey } from '../../app/auth/roles';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDateTime } from '../../app/format/dates';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useT, type Translate } from '../../app/i18n';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormDrawer } from './UserFormDrawer';
import { UserRowActions } from './UserRowActions';
import { UserStatusTags } from './UserStatusTags';
import { useUserList, type ManagedUser, type UserListParams } from './users.api';

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The search and page live in the URL so that Back and a shared link show the same list. */
function useUserListParams(): [UserListParams, (next: Partial<UserListParams>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const params: UserListParams = {
    q: searchParams.get('q') ?? '',
    page: positiveInt(searchParams.get('page'), 1),
    pageSize: positiveInt(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE),
  };
  function update(next: Partial<UserListParams>) {
    const merged = { ...params, ...next };
    const entries: [string, string][] = [];
    if (merged.q) entries.push(['q', merged.q]);
    if (merged.page !== 1) entries.push(['page', String(merged.page)]);
    if (merged.pageSize !== DEFAULT_PAGE_SIZE) entries.push(['pageSize', String(merged.pageSize)]);
    setSearchParams(entries);
  }
  return [params, update];
}

function userColumns(t: Translate, actions: (user: ManagedUser) => ReactNode): TableProps<ManagedUser>['columns'] {
  return [
    {
      key: 'user',
      title: t('user.fullName'),
      render: (_, user) => (
        <Flex vertical>
          <Typography.Text strong>{user.fullName}</Typography.Text>
          <Typography.Text type="secondary">{user.username}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'role', title: t('user.role'), render: (_, user) => t(roleLabelKey(user.role)) },
    { key: 'unit', title: t('user.unit'), render: (_, user) => user.unit.name },
    { key: 'status', title: t('users.column.status'), render: (_, user) => <UserStatusTags user={user} /> },
    {
      key: 'lastLogin',
      title: t('users.column.lastLogin'),
      render: (_, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>),
    },
    { key: 'actions', title: t('common.actions'), render: (_, user) => actions(user) },
  ];
}

export function UsersPage() {
  const t = useT();
  const [params, updateParams] = useUserListParams();
  const users = useUserList(params);
  const editor = useDialogState<ManagedUser>();
  const passwordReset = useDialogState<ManagedUser>();

  const columns = userColumns(t, (user) => <UserRowActions user={user} onEdit={editor.show} onResetPassword={passwordReset.show} />);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show(null)}>
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Input.Search
          // Remounted when the URL changes (e.g. Back), so the box shows the search actually applied.
          key={params.q}
          defaultValue={params.q}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          enterButton
          onSearch={(q) => updateParams({ q: q.trim(), page: 1 })}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {users.isError && <QueryErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
        <Table<ManagedUser>
          rowKey="id"
          columns={columns}
          dataSource={users.data?.items}
          loading={users.isFetching}
          scroll={{ x: 900 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.totalItems', { total }),
            onChange: (page, pageSize) => updateParams({ page: pageSize === params.pageSize ? page : 1, pageSize }),
          }}
        />
      </Card>
      <UserFormDrawer open={editor.open} user={editor.subject} onClose={editor.close} />
      <ResetPasswordModal open={passwordReset.open} user={passwordReset.subject} onClose={passwordReset.close} />
    </>
  );
}
