import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { listAuditQuerySchema, listAuditResponseSchema } from './audit.schema.js';
import { AuditService } from './audit.service.js';

export const auditRoutes: FeatureRoutes = (app, context) => {
  const audit = new AuditService(context);
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Nhật ký thao tác', querystring: listAuditQuerySchema, response: { 200: listAuditResponseSchema } } },
    (request) => audit.list(actorOf(request), request.query),
  );
};
