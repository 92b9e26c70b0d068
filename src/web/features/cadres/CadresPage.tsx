import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/pages/NotFoundPage';
import { CadreImportPage } from '../imports/CadreImportPage';
import { CadreListPage } from './CadreListPage';
import { CadreProfilePage } from './CadreProfilePage';

export function CadresPage() {
  return (
    <Routes>
      <Route index element={<CadreListPage />} />
      <Route path="import" element={<CadreImportPage />} />
      <Route path=":cadreId" element={<CadreProfilePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
