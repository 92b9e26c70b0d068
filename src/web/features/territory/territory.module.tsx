import { ClusterOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const territoryModule: AppModule = {
  key: 'territory',
  path: '/territory',
  labelKey: 'nav.territory',
  descriptionKey: 'nav.territory.description',
  icon: <ClusterOutlined />,
  page: lazy(() => import('./TerritoryPage').then((loaded) => ({ default: loaded.TerritoryPage }))),
};
