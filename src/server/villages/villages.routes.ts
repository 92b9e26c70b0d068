import type { FastifyRequest } from 'fastify';
import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { AppError } from '../http/errors.js';
import {
  createOrganizationBodySchema,
  createVillageBodySchema,
  idParamsSchema,
  importQuerySchema,
  listByCommuneQuerySchema,
  organizationImportResultSchema,
  organizationListSchema,
  organizationSchema,
  updateOrganizationBodySchema,
  updateVillageBodySchema,
  villageImportResultSchema,
  villageListSchema,
  villageSchema,
} from './villages.schema.js';
import { VillagesService } from './villages.service.js';

/** The CSV sent as the multipart field «file». */
async function uploadedCsv(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: 'Hãy gửi tệp CSV dạng multipart/form-data trong trường «file»' });
  const file = await request.file();
  if (!file) throw new AppError('BAD_REQUEST', { message: 'Hãy gửi tệp CSV trong trường «file»' });
  return (await file.toBuffer()).toString('utf8');
}

export const villagesRoutes: FeatureRoutes = (app, context) => {
  const villages = new VillagesService(context);
  const villageTags = ['villages'];
  const partyTags = ['party-organizations'];

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

  app.get(
    '/api/party-organizations',
    {
      schema: {
        tags: partyTags,
        summary: 'Tổ chức cơ sở đảng và chi bộ của một xã',
        querystring: listByCommuneQuerySchema,
        response: { 200: organizationListSchema },
      },
    },
    (request) => villages.listOrganizations(actorOf(request), request.query),
  );
  app.get(
    '/api/party-organizations/:id',
    { schema: { tags: partyTags, summary: 'Một tổ chức đảng', params: idParamsSchema, response: { 200: organizationSchema } } },
    (request) => villages.getOrganization(actorOf(request), request.params.id),
  );
  app.post(
    '/api/party-organizations',
    { schema: { tags: partyTags, summary: 'Thêm tổ chức cơ sở đảng hoặc chi bộ', body: createOrganizationBodySchema, response: { 201: organizationSchema } } },
    async (request, reply) => reply.status(201).send(await villages.createOrganization(actorOf(request), request.body)),
  );
  app.patch(
    '/api/party-organizations/:id',
    {
      schema: {
        tags: partyTags,
        summary: 'Sửa tổ chức đảng',
        params: idParamsSchema,
        body: updateOrganizationBodySchema,
        response: { 200: organizationSchema },
      },
    },
    (request) => villages.updateOrganization(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/party-organizations/:id',
    { schema: { tags: partyTags, summary: 'Xóa tổ chức đảng nhập nhầm', params: idParamsSchema } },
    async (request, reply) => {
      await villages.deleteOrganization(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/party-organizations/import',
    {
      schema: {
        tags: partyTags,
        summary: 'Nhập tổ chức đảng từ tệp CSV (Mã xã, Loại, Tên, Trực thuộc, Thôn/Tổ dân phố, Từ ngày, Đến ngày, Ghi chú); tất cả hoặc không',
        querystring: importQuerySchema,
        response: { 200: organizationImportResultSchema },
      },
    },
    async (request) => villages.importOrganizations(actorOf(request), await uploadedCsv(request), request.query.dryRun),
  );
};
