import { actorOf } from '../auth/auth.hook.js';
import { CadreImportService } from './cadre-import.js';
import type { FeatureRoutes } from '../context.js';
import { cadreImportResultSchema, importHistoryQuerySchema, importHistoryResponseSchema, importQuerySchema } from './imports.schema.js';
import { ImportsService } from './imports.service.js';
import { attachmentHeader, readUploadedFile } from '../http/upload.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importsRoutes: FeatureRoutes = (app, context) => {
  const cadreImports = new CadreImportService(context);
  const imports = new ImportsService(context);
  const tags = ['imports'];

  app.post(
    '/api/imports/cadres',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách cán bộ từ Excel (multipart, trường file); dryRun=true chỉ kiểm tra',
        querystring: importQuerySchema,
        response: { 200: cadreImportResultSchema },
      },
    },
    async (request) => cadreImports.importFile(actorOf(request), await readUploadedFile(request), { dryRun: request.query.dryRun }),
  );

  app.get('/api/imports/cadres/template', { schema: { tags, summary: 'Tệp mẫu nhập danh sách cán bộ (.xlsx)' } }, async (_request, reply) => {
    const template = await cadreImports.template();
    return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(template.fileName)).send(template.content);
  });

  app.get(
    '/api/imports/cadres/history',
    { schema: { tags, summary: 'Lịch sử nhập danh sách cán bộ', querystring: importHistoryQuerySchema, response: { 200: importHistoryResponseSchema } } },
    (request) => imports.history(actorOf(request), 'cadres', request.query),
  );
};
