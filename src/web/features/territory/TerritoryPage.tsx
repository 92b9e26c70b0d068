import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/pages/NotFoundPage';
import { UnitPage } from './UnitPage';
import { UnitTreePage } from './UnitTreePage';

export function TerritoryPage() {
  return (
    <Routes>
      <Route index element={<UnitTreePage />} />
      <Route path="units/:unitId" element={<UnitPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
