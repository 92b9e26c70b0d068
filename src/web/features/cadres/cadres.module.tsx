import { IdcardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const cadresModule: AppModule = {
  key: 'cadres',
  path: '/cadres',
  labelKey: 'nav.cadres',
  descriptionKey: 'nav.cadres.description',
  icon: <IdcardOutlined />,
  page: lazy(() => import('./CadresPage').then((loaded) => ({ default: loaded.CadresPage }))),
};
