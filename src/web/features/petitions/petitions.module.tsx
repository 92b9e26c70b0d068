import { MessageOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const petitionsModule: AppModule = {
  key: 'petitions',
  path: '/petitions',
  labelKey: 'petitions.nav',
  descriptionKey: 'petitions.description',
  icon: <MessageOutlined />,
  page: lazy(() => import('./PetitionsPage').then((loaded) => ({ default: loaded.PetitionsPage }))),
};
