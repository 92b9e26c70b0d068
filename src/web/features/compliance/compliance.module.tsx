import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const complianceModule: AppModule = {
  key: 'compliance',
  path: '/compliance',
  labelKey: 'nav.compliance',
  descriptionKey: 'nav.compliance.description',
  icon: <SafetyCertificateOutlined />,
  page: lazy(() => import('./CompliancePage').then((loaded) => ({ default: loaded.CompliancePage }))),
};
