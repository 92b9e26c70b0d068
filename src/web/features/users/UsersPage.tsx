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
import { nextPaging, pagingEntries, readPaging } from '../../app/url/paging';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormDrawer } from './UserFormDrawer';
import { UserRowActions } from './UserRowActions';
import { UserStatusTags } from './UserStatusTags';
import { useUserList, type ManagedUser, type UserListParams } from './users.api';

/** The search and page live in the URL so that Back and a shared link show the same list. */
function useUserListParams(): [UserListParams, (next: Partial<UserListParams>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const params: UserListParams = { q: searchParams.get('q') ?? '', ...readPaging(searchParams) };
  function update(next: Partial<UserListParams>) {
    const { q, ...paging } = { ...params, ...next };
    setSearchParams([...(q ? [['q', q] as [string, string]] : []), ...pagingEntries(paging)]);
  }
  return [params, update];
}

function userColumns(t: Translate, actions: (user: ManagedUser) => ReactNode): TableProps<ManagedUser>['columns'] {
  return [
    {
      key: 'user',
      title: t('user.fullName'),
      width: 200,
      render: (_, user) => (
        <Flex vertical>
          <Typography.Text strong>{user.fullName}</Typography.Text>
          <Typography.Text type="secondary">{user.username}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'role', title: t('user.role'), width: 150, render: (_, user) => t(roleLabelKey(user.role)) },
    { key: 'unit', title: t('user.unit'), width: 160, render: (_, user) => user.unit.name },
    { key: 'status', title: t('users.column.status'), render: (_, user) => <UserStatusTags user={user} /> },
    {
      key: 'lastLogin',
      title: t('users.column.lastLogin'),
      width: 150,
      render: (_, user) =>
        user.lastLoginAt ? formatDateTime(user.lastLoginAt) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>,
    },
    { key: 'actions', title: t('common.actions'), width: 240, fixed: 'right', render: (_, user) => actions(user) },
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
          scroll={{ x: 1100 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.totalItems', { total }),
            onChange: (page, pageSize) => updateParams(nextPaging(params, page, pageSize)),
          }}
        />
      </Card>
      <UserFormDrawer open={editor.open} user={editor.subject} onClose={editor.close} />
      <ResetPasswordModal open={passwordReset.open} user={passwordReset.subject} onClose={passwordReset.close} />
    </>
  );
}
