import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import {
  cadreDisciplineParamsSchema,
  cadreEvaluationsSchema,
  cadreParamsSchema,
  cadreYearParamsSchema,
  disciplineBodySchema,
  evaluationBodySchema,
  evaluationSummaryQuerySchema,
  evaluationSummarySchema,
} from './evaluations.schema.js';
import { EvaluationsService } from './evaluations.service.js';

export const evaluationsRoutes: FeatureRoutes = (app, context) => {
  const evaluations = new EvaluationsService(context);
  const tags = ['evaluations'];
  const response = { 200: cadreEvaluationsSchema };

  app.get(
    '/api/cadres/:id/evaluations',
    { schema: { tags, summary: 'Đánh giá, xếp loại hằng năm và kỷ luật của một người', params: cadreParamsSchema, response } },
    (request) => evaluations.ofPerson(actorOf(request), request.params.id),
  );

  app.put(
    '/api/cadres/:id/evaluations/:year',
    {
      schema: {
        tags,
        summary: 'Ghi xếp loại của một năm (kiểm tra theo cách đánh giá của năm đó và kỷ luật trong năm)',
        params: cadreYearParamsSchema,
        body: evaluationBodySchema,
        response,
      },
    },
    (request) => evaluations.setYear(actorOf(request), request.params.id, request.params.year, request.body),
  );

  app.delete(
    '/api/cadres/:id/evaluations/:year',
    { schema: { tags, summary: 'Xóa xếp loại của một năm ghi nhầm', params: cadreYearParamsSchema, response } },
    (request) => evaluations.deleteYear(actorOf(request), request.params.id, request.params.year),
  );

  app.post(
    '/api/cadres/:id/disciplines',
    {
      schema: {
        tags,
        summary: 'Ghi một quyết định kỷ luật (hình thức, ngày, cơ quan quyết định, số quyết định)',
        params: cadreParamsSchema,
        body: disciplineBodySchema,
        response,
      },
    },
    (request) => evaluations.addDiscipline(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/cadres/:id/disciplines/:disciplineId',
    { schema: { tags, summary: 'Xóa một quyết định kỷ luật ghi nhầm', params: cadreDisciplineParamsSchema, response } },
    (request) => evaluations.deleteDiscipline(actorOf(request), request.params.id, request.params.disciplineId),
  );

  app.get(
    '/api/evaluations/summary',
    {
      schema: {
        tags,
        summary: 'Số người theo mức xếp loại của một năm trong một đơn vị, theo đơn vị trực thuộc, và tỉ lệ hoàn thành xuất sắc so với mức trần',
        querystring: evaluationSummaryQuerySchema,
        response: { 200: evaluationSummarySchema },
      },
    },
    (request) => evaluations.summary(actorOf(request), request.query),
  );
};
