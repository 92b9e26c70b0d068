import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const trainingReviewModule: AppModule = {
  key: 'training-reviews',
  path: '/training-reviews',
  labelKey: 'nav.trainingReviews',
  descriptionKey: 'nav.trainingReviews.description',
  icon: <AuditOutlined />,
  page: lazy(() => import('./TrainingReviewPage').then((loaded) => ({ default: loaded.TrainingReviewPage }))),
};
