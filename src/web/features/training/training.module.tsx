import { ReadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const trainingModule: AppModule = {
  key: 'training',
  path: '/training',
  labelKey: 'training.title',
  descriptionKey: 'training.description',
  icon: <ReadOutlined />,
  page: lazy(() => import('./TrainingPage').then((loaded) => ({ default: loaded.TrainingPage }))),
};
