import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader, readUploadedFile } from '../http/upload.js';
import { RotationReader } from './rotation-reader.js';
import { buildRotationsWorkbook } from './rotations.export.js';
import {
  exportRotationsQuerySchema,
  listRotationsQuerySchema,
  rotationBodySchema,
  rotationCheckSchema,
  rotationEndBodySchema,
  rotationListSchema,
  rotationOutcomesSchema,
  rotationParamsSchema,
  rotationSchema,
  rotationUpdateBodySchema,
  weakCommunesQuerySchema,
  weakCommunesSchema,
} from './rotations.schema.js';
import { RotationsService } from './rotations.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const rotationsRoutes: FeatureRoutes = (app, context) => {
  const rotations = new RotationsService(context);
  const reader = new RotationReader(context);
  const tags = ['rotations'];

  app.get(
    '/api/rotations',
    {
      schema: {
        tags,
        summary: 'Sổ luân chuyển, điều động cán bộ về cấp xã (vào hoặc ra khỏi một đơn vị) và số liệu tổng hợp',
        querystring: listRotationsQuerySchema,
        response: { 200: rotationListSchema },
      },
    },
    (request) => reader.list(actorOf(request), request.query),
  );

  app.get(
    '/api/rotations.xlsx',
    { schema: { tags, summary: 'Sổ luân chuyển, điều động cán bộ (.xlsx)', querystring: exportRotationsQuerySchema } },
    async (request, reply) => {
      const actor = actorOf(request);
      const [{ items, scopeName }, list] = await Promise.all([
        reader.all(actor, request.query),
        reader.list(actor, { ...request.query, page: 1, pageSize: 1 }),
      ]);
      const { fileName, content } = await buildRotationsWorkbook(items, scopeName, list.summary.sentence);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/rotations/outcomes',
    {
      schema: {
        tags,
        summary: 'Kết quả ở các xã yếu kém có cán bộ luân chuyển về: ra khỏi danh sách yếu kém, xếp loại cán bộ, giải quyết vấn đề, trước và sau',
        querystring: exportRotationsQuerySchema,
        response: { 200: rotationOutcomesSchema },
      },
    },
    (request) => reader.outcomes(actorOf(request), request.query),
  );

  app.get(
    '/api/rotations/weak-communes',
    {
      schema: {
        tags,
        summary: 'Các xã có mặt hạn chế, yếu kém của một năm và cán bộ luân chuyển, điều động về từng xã',
        querystring: weakCommunesQuerySchema,
        response: { 200: weakCommunesSchema },
      },
    },
    (request) => reader.weakCommunes(actorOf(request), request.query),
  );

  app.post(
    '/api/rotations/check',
    {
      schema: {
        tags,
        summary: 'Kiểm tra một quyết định luân chuyển trước khi ghi: các quy định chưa đáp ứng và căn cứ',
        body: rotationBodySchema,
        response: { 200: rotationCheckSchema },
      },
    },
    async (request) => {
      const { warnings, plannedEndDate, rule, destinationHolders } = await rotations.check(actorOf(request), request.body);
      return { warnings, plannedEndDate, rule, destinationHolders };
    },
  );

  app.post(
    '/api/rotations',
    {
      schema: {
        tags,
        summary: 'Ghi quyết định luân chuyển, điều động: mở chức danh nơi đến, kết thúc chức vụ nơi đi (một giao dịch)',
        body: rotationBodySchema,
        response: { 201: rotationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await rotations.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/rotations/:id',
    { schema: { tags, summary: 'Một đợt luân chuyển, điều động', params: rotationParamsSchema, response: { 200: rotationSchema } } },
    (request) => reader.detail(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/rotations/:id',
    {
      schema: {
        tags,
        summary: 'Sửa quyết định, thời hạn dự kiến, nhận xét giữa kỳ và khi kết thúc',
        params: rotationParamsSchema,
        body: rotationUpdateBodySchema,
        response: { 200: rotationSchema },
      },
    },
    (request) => rotations.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/rotations/:id/end',
    {
      schema: {
        tags,
        summary: 'Kết thúc đợt luân chuyển với đánh giá và bố trí: trở về nơi cũ, ở lại, hoặc bố trí khác',
        params: rotationParamsSchema,
        body: rotationEndBodySchema,
        response: { 200: rotationSchema },
      },
    },
    (request) => rotations.end(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/rotations/:id',
    { schema: { tags, summary: 'Xóa một đợt luân chuyển ghi nhầm (chưa kết thúc): trả lại chức vụ nơi đi', params: rotationParamsSchema } },
    async (request, reply) => {
      await rotations.delete(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/rotations/:id/decision-file',
    {
      schema: {
        tags,
        summary: 'Đính kèm bản quyết định (PDF, JPEG, PNG; tối đa 10 MB; multipart, trường file)',
        params: rotationParamsSchema,
        response: { 200: rotationSchema },
      },
    },
    async (request) =>
      rotations.attachDecision(actorOf(request), request.params.id, await readUploadedFile(request, 'Chưa chọn tệp quyết định (trường "file")')),
  );

  app.get(
    '/api/rotations/:id/decision-file',
    { schema: { tags, summary: 'Tải bản quyết định luân chuyển', params: rotationParamsSchema } },
    async (request, reply) => {
      const file = await reader.decisionFile(actorOf(request), request.params.id);
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', attachmentHeader(file.fileName))
        .header('Cache-Control', 'no-store')
        .send(file.content);
    },
  );
};
