import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/pages/NotFoundPage';
import { ClassDetailPage } from './ClassDetailPage';
import { TrainingHomePage } from './TrainingHomePage';

export function TrainingPage() {
  return (
    <Routes>
      <Route index element={<TrainingHomePage />} />
      <Route path="classes/:classId" element={<ClassDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
