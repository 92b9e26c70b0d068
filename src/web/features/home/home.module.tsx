import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const homeModule: AppModule = {
  key: 'home',
  path: '/',
  labelKey: 'nav.home',
  descriptionKey: 'nav.home.description',
  icon: <HomeOutlined />,
  page: lazy(() => import('./HomePage').then((loaded) => ({ default: loaded.HomePage }))),
};
