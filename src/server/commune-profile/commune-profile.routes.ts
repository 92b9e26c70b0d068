import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import {
  addAreaClassBodySchema,
  areaClassHistorySchema,
  areaClassSchema,
  asOfQuerySchema,
  createWeakBodySchema,
  designationSchema,
  idParamsSchema,
  listAreaClassesQuerySchema,
  listAreaClassesResponseSchema,
  listWeakQuerySchema,
  listWeakResponseSchema,
  updateAreaClassBodySchema,
  updateWeakBodySchema,
  weakHistoryResponseSchema,
} from './commune-profile.schema.js';
import { CommuneProfileService } from './commune-profile.service.js';

export const communeProfileRoutes: FeatureRoutes = (app, context) => {
  const profile = new CommuneProfileService(context);
  const tags = ['commune-profile'];

  app.get(
    '/api/communes/:id/area-classes',
    {
      schema: {
        tags,
        summary: 'Phân loại địa bàn của một xã: hiện hành (hoặc vào ngày asOf) và lịch sử',
        params: idParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: areaClassHistorySchema },
      },
    },
    (request) => profile.areaClassHistory(actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/communes/:id/area-classes',
    {
      schema: {
        tags,
        summary: 'Phân loại địa bàn mới từ một ngày (phân loại trước kết thúc ngày hôm trước)',
        params: idParamsSchema,
        body: addAreaClassBodySchema,
        response: { 201: areaClassSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await profile.addAreaClass(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/area-classes/:id',
    { schema: { tags, summary: 'Sửa một phân loại địa bàn', params: idParamsSchema, body: updateAreaClassBodySchema, response: { 200: areaClassSchema } } },
    (request) => profile.updateAreaClass(actorOf(request), request.params.id, request.body),
  );
  app.delete('/api/area-classes/:id', { schema: { tags, summary: 'Xóa phân loại nhập nhầm', params: idParamsSchema } }, async (request, reply) => {
    await profile.deleteAreaClass(actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/api/area-classes',
    {
      schema: {
        tags,
        summary: 'Các xã thuộc một đơn vị với phân loại địa bàn vào một ngày',
        querystring: listAreaClassesQuerySchema,
        response: { 200: listAreaClassesResponseSchema },
      },
    },
    (request) => profile.listAreaClasses(actorOf(request), request.query),
  );

  app.get(
    '/api/weak-units',
    {
      schema: { tags, summary: 'Xã có mặt hạn chế, yếu kém (theo năm hoặc ngày)', querystring: listWeakQuerySchema, response: { 200: listWeakResponseSchema } },
    },
    (request) => profile.listWeak(actorOf(request), request.query),
  );
  app.get(
    '/api/communes/:id/weak-designations',
    { schema: { tags, summary: 'Các năm một xã được xác định yếu kém', params: idParamsSchema, response: { 200: weakHistoryResponseSchema } } },
    (request) => profile.weakHistory(actorOf(request), request.params.id),
  );
  app.post(
    '/api/weak-units',
    { schema: { tags, summary: 'Xác định xã có mặt hạn chế, yếu kém trong một năm', body: createWeakBodySchema, response: { 201: designationSchema } } },
    async (request, reply) => reply.status(201).send(await profile.createWeak(actorOf(request), request.body)),
  );
  app.patch(
    '/api/weak-units/:id',
    { schema: { tags, summary: 'Sửa việc xác định xã yếu kém', params: idParamsSchema, body: updateWeakBodySchema, response: { 200: designationSchema } } },
    (request) => profile.updateWeak(actorOf(request), request.params.id, request.body),
  );
  app.delete('/api/weak-units/:id', { schema: { tags, summary: 'Xóa việc xác định xã yếu kém nhập nhầm', params: idParamsSchema } }, async (request, reply) => {
    await profile.deleteWeak(actorOf(request), request.params.id);
    return reply.status(204).send();
  });
};
