import type { FastifyRequest } from 'fastify';
import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { AppError } from '../http/errors.js';
import {
  createVillageBodySchema,
  idParamsSchema,
  importQuerySchema,
  listByCommuneQuerySchema,
  updateVillageBodySchema,
  villageImportResultSchema,
  villageListSchema,
  villageSchema,
} from './villages.schema.js';
import { VillagesService } from './villages.service.js';

/** The CSV sent as the multipart field «file». */
export async function uploadedCsv(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: 'Hãy gửi tệp CSV dạng multipart/form-data trong trường «file»' });
  const file = await request.file();
  if (!file) throw new AppError('BAD_REQUEST', { message: 'Hãy gửi tệp CSV trong trường «file»' });
  return (await file.toBuffer()).toString('utf8');
}

export const villagesRoutes: FeatureRoutes = (app, context) => {
  const villages = new VillagesService(context);
  const villageTags = ['villages'];

  app.get(
    '/api/villages',
    { schema: { tags: villageTags, summary: 'Thôn, tổ dân phố của một xã', querystring: listByCommuneQuerySchema, response: { 200: villageListSchema } } },
    (request) => villages.listVillages(actorOf(request), request.query),
  );
  app.get(
    '/api/villages/:id',
    { schema: { tags: villageTags, summary: 'Một thôn, tổ dân phố', params: idParamsSchema, response: { 200: villageSchema } } },
    (request) => villages.getVillage(actorOf(request), request.params.id),
  );
  app.post(
    '/api/villages',
    { schema: { tags: villageTags, summary: 'Thêm thôn, tổ dân phố', body: createVillageBodySchema, response: { 201: villageSchema } } },
    async (request, reply) => reply.status(201).send(await villages.createVillage(actorOf(request), request.body)),
  );
  app.patch(
    '/api/villages/:id',
    { schema: { tags: villageTags, summary: 'Sửa thôn, tổ dân phố', params: idParamsSchema, body: updateVillageBodySchema, response: { 200: villageSchema } } },
    (request) => villages.updateVillage(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/villages/:id',
    { schema: { tags: villageTags, summary: 'Xóa thôn, tổ dân phố nhập nhầm', params: idParamsSchema } },
    async (request, reply) => {
      await villages.deleteVillage(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/villages/import',
    {
      schema: {
        tags: villageTags,
        summary: 'Nhập thôn, tổ dân phố từ tệp CSV (Mã xã, Loại, Tên, Từ ngày, Đến ngày, Ghi chú); tất cả hoặc không',
        querystring: importQuerySchema,
        response: { 200: villageImportResultSchema },
      },
    },
    async (request) => villages.importVillages(actorOf(request), await uploadedCsv(request), request.query.dryRun),
  );
};
