import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const usersModule: AppModule = {
  key: 'users',
  path: '/users',
  labelKey: 'nav.users',
  descriptionKey: 'nav.users.description',
  icon: <TeamOutlined />,
  ability: 'manageUsers',
  section: 'administration',
  page: lazy(() => import('./UsersPage').then((loaded) => ({ default: loaded.UsersPage }))),
};
