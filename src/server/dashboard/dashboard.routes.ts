import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader } from '../http/upload.js';
import { dashboardExportQuerySchema } from './dashboard.schema.js';
import { DashboardService } from './dashboard.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const dashboardRoutes: FeatureRoutes = (app, context) => {
  const dashboard = new DashboardService(context);

  app.get(
    '/api/dashboard/export.xlsx',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Xuất Excel các bảng của trang tổng quan (tổng hợp, chuyên môn, lý luận chính trị, đơn vị trực thuộc)',
        querystring: dashboardExportQuerySchema,
      },
    },
    async (request, reply) => {
      const { fileName, content } = await dashboard.exportXlsx(actorOf(request), request.query);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );
};
