import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/app-module';

export const auditModule: AppModule = {
  key: 'audit',
  path: '/audit',
  labelKey: 'nav.audit',
  descriptionKey: 'nav.audit.description',
  icon: <AuditOutlined />,
  ability: 'readAudit',
  section: 'administration',
  page: lazy(() => import('./AuditPage').then((loaded) => ({ default: loaded.AuditPage }))),
};
