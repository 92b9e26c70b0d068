import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader } from '../http/upload.js';
import { buildPlansWorkbook } from './succession.export.js';
import { addEntryBodySchema, entryParamsSchema, plansQuerySchema, plansSchema, removeEntryBodySchema } from './succession.schema.js';
import { SuccessionService } from './succession.service.js';

export const successionRoutes: FeatureRoutes = (app, context) => {
  const succession = new SuccessionService(context);
  const tags = ['succession'];

  app.get(
    '/api/succession-plans',
    {
      schema: {
        tags,
        summary: 'Quy hoạch các chức danh chủ chốt của một đơn vị cho một nhiệm kỳ: người trong quy hoạch, chức danh thiếu, cơ cấu so với chỉ tiêu',
        querystring: plansQuerySchema,
        response: { 200: plansSchema },
      },
    },
    (request) => succession.forUnit(actorOf(request), request.query),
  );

  app.get(
    '/api/succession-plans.xlsx',
    { schema: { tags, summary: 'Danh sách quy hoạch của một đơn vị cho một nhiệm kỳ (.xlsx)', querystring: plansQuerySchema } },
    async (request, reply) => {
      const { fileName, content } = await buildPlansWorkbook(await succession.forUnit(actorOf(request), request.query));
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', attachmentHeader(fileName))
        .header('Cache-Control', 'no-store')
        .send(content);
    },
  );

  app.post(
    '/api/succession-plans/entries',
    {
      schema: {
        tags,
        summary: 'Đưa một người vào quy hoạch một chức danh (kiểm tra số người tối đa, số chức danh, thời gian công tác còn lại)',
        body: addEntryBodySchema,
        response: { 200: plansSchema },
      },
    },
    (request) => succession.addEntry(actorOf(request), request.body),
  );

  app.post(
    '/api/succession-plans/entries/:id/remove',
    {
      schema: {
        tags,
        summary: 'Đưa một người ra khỏi quy hoạch, có ngày và lý do',
        params: entryParamsSchema,
        body: removeEntryBodySchema,
        response: { 200: plansSchema },
      },
    },
    (request) => succession.removeEntry(actorOf(request), request.params.id, request.body),
  );
};
