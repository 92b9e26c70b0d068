import { z } from 'zod';
import type { FeatureRoutes } from '../context.js';
import { HealthService } from './health.service.js';

const healthResponseSchema = z.object({ status: z.literal('ok'), version: z.string(), database: z.literal('ok') });
const metaResponseSchema = z.object({
  version: z.string(),
  demo: z.boolean(),
  /** The demo's reference date (YYYY-MM-DD) while it is loaded: the date the dashboard opens on. */
  demoAsOf: z.string().nullable(),
});

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
