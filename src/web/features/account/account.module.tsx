import { UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const accountModule: AppModule = {
  key: 'account',
  path: '/account',
  labelKey: 'nav.account',
  descriptionKey: 'nav.account.description',
  icon: <UserOutlined />,
  section: 'personal',
  page: lazy(() => import('./AccountPage').then((loaded) => ({ default: loaded.AccountPage }))),
};
