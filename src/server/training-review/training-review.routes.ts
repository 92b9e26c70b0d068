import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader } from '../http/upload.js';
import {
  addPersonBodySchema,
  createReviewBodySchema,
  decideBodySchema,
  focusQuerySchema,
  focusResponseSchema,
  listReviewsQuerySchema,
  listReviewsResponseSchema,
  proposalParamsSchema,
  quotasResponseSchema,
  returnBodySchema,
  reviewDetailSchema,
  reviewParamsSchema,
  setFocusBodySchema,
} from './training-review.schema.js';
import { TrainingReviewService } from './training-review.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const trainingReviewRoutes: FeatureRoutes = (app, context) => {
  const reviews = new TrainingReviewService(context);
  const tags = ['training-reviews'];
  const detail = { 200: reviewDetailSchema };

  app.get(
    '/api/training-focus',
    { schema: { tags, summary: 'Lĩnh vực trọng tâm đào tạo, bồi dưỡng của năm', querystring: focusQuerySchema, response: { 200: focusResponseSchema } } },
    (request) => reviews.focus(actorOf(request), request.query),
  );

  app.put(
    '/api/training-focus',
    { schema: { tags, summary: 'Đặt lĩnh vực trọng tâm của năm (cấp tỉnh)', body: setFocusBodySchema, response: { 200: focusResponseSchema } } },
    (request) => reviews.setFocus(actorOf(request), request.body),
  );

  app.get(
    '/api/training-reviews',
    {
      schema: {
        tags,
        summary: 'Các đợt rà soát nhu cầu đào tạo, bồi dưỡng',
        querystring: listReviewsQuerySchema,
        response: { 200: listReviewsResponseSchema },
      },
    },
    (request) => reviews.list(actorOf(request), request.query),
  );

  app.post(
    '/api/training-reviews',
    {
      schema: {
        tags,
        summary: 'Rà soát một đơn vị cho một năm: hệ thống đề xuất người cần đào tạo',
        body: createReviewBodySchema,
        response: { 201: reviewDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await reviews.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/training-reviews/:id',
    { schema: { tags, summary: 'Một đợt rà soát và các đề xuất', params: reviewParamsSchema, response: detail } },
    (request) => reviews.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/training-reviews/:id/proposals/:proposalId',
    { schema: { tags, summary: 'Chọn hoặc không chọn một đề xuất (kèm lý do)', params: proposalParamsSchema, body: decideBodySchema, response: detail } },
    (request) => reviews.decide(actorOf(request), request.params.id, request.params.proposalId, request.body),
  );

  app.post(
    '/api/training-reviews/:id/proposals',
    {
      schema: {
        tags,
        summary: 'Bổ sung một người vào danh sách',
        params: reviewParamsSchema,
        body: addPersonBodySchema,
        response: { 201: reviewDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await reviews.addPerson(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/training-reviews/:id/submit',
    { schema: { tags, summary: 'Trình cấp tỉnh phê duyệt', params: reviewParamsSchema, response: detail } },
    (request) => reviews.submit(actorOf(request), request.params.id),
  );

  app.post(
    '/api/training-reviews/:id/return',
    { schema: { tags, summary: 'Trả lại đơn vị để sửa (cấp tỉnh)', params: reviewParamsSchema, body: returnBodySchema, response: detail } },
    (request) => reviews.returnToUnit(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/training-reviews/:id/approve',
    { schema: { tags, summary: 'Phê duyệt kế hoạch (cấp tỉnh, quản trị)', params: reviewParamsSchema, response: detail } },
    (request) => reviews.approve(actorOf(request), request.params.id),
  );

  app.post(
    '/api/training-reviews/:id/new-version',
    { schema: { tags, summary: 'Phiên bản mới của kế hoạch đã phê duyệt', params: reviewParamsSchema, response: { 201: reviewDetailSchema } } },
    async (request, reply) => reply.status(201).send(await reviews.newVersion(actorOf(request), request.params.id)),
  );

  app.get(
    '/api/training-reviews/:id/quotas',
    { schema: { tags, summary: 'Chỉ tiêu theo loại khóa, lĩnh vực và đơn vị', params: reviewParamsSchema, response: { 200: quotasResponseSchema } } },
    (request) => reviews.quotas(actorOf(request), request.params.id),
  );

  app.get(
    '/api/training-reviews/:id/export.xlsx',
    { schema: { tags, summary: 'Xuất kế hoạch ra Excel', params: reviewParamsSchema } },
    async (request, reply) => {
      const { fileName, content } = await reviews.exportXlsx(actorOf(request), request.params.id);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );
};
