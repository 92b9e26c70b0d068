import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/pages/NotFoundPage';
import { ComplianceOverviewPage } from './ComplianceOverviewPage';
import { StandardsPage } from './StandardsPage';

export function CompliancePage() {
  return (
    <Routes>
      <Route index element={<ComplianceOverviewPage />} />
      <Route path="standards" element={<StandardsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
