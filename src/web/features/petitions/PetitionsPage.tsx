import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/pages/NotFoundPage';
import { PetitionDetailPage } from './PetitionDetailPage';
import { PetitionsHomePage } from './PetitionsHomePage';

export function PetitionsPage() {
  return (
    <Routes>
      <Route index element={<PetitionsHomePage />} />
      <Route path=":petitionId" element={<PetitionDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
