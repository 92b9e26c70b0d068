import { FlagOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const grassrootsModule: AppModule = {
  key: 'grassroots',
  path: '/grassroots',
  labelKey: 'grassroots.nav',
  descriptionKey: 'grassroots.description',
  icon: <FlagOutlined />,
  page: lazy(() => import('./GrassrootsPage').then((loaded) => ({ default: loaded.GrassrootsPage }))),
};
