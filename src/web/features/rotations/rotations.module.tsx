import { SwapOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const rotationsModule: AppModule = {
  key: 'rotations',
  path: '/rotations',
  labelKey: 'rotations.nav',
  descriptionKey: 'rotations.description',
  icon: <SwapOutlined />,
  page: lazy(() => import('./RotationsPage').then((loaded) => ({ default: loaded.RotationsPage }))),
};
