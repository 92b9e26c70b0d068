import type { FeatureRoutes } from '../context.js';
import { healthResponseSchema, metaResponseSchema } from './health.schema.js';
import { HealthService } from './health.service.js';

export const healthRoutes: FeatureRoutes = (app, context) => {
  const health = new HealthService(context);
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Tình trạng hệ thống', response: { 200: healthResponseSchema } } },
    () => health.check(),
  );
  app.get('/api/meta', { config: { public: true }, schema: { tags: ['system'], summary: 'Thông tin phiên bản', response: { 200: metaResponseSchema } } }, () =>
    health.meta(),
  );
};
