import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/pages/NotFoundPage';
import { ReviewDetailPage } from './ReviewDetailPage';
import { ReviewListPage } from './ReviewListPage';

export function TrainingReviewPage() {
  return (
    <Routes>
      <Route index element={<ReviewListPage />} />
      <Route path=":reviewId" element={<ReviewDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
