import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { uploadedCsv } from '../villages/villages.routes.js';
import { idParamsSchema, importQuerySchema, listByCommuneQuerySchema } from '../villages/villages.schema.js';
import {
  createOrganizationBodySchema,
  organizationImportResultSchema,
  organizationListSchema,
  organizationSchema,
  updateOrganizationBodySchema,
} from './party-organizations.schema.js';
import { PartyOrganizationsService } from './party-organizations.service.js';

export const partyOrganizationsRoutes: FeatureRoutes = (app, context) => {
  const organizations = new PartyOrganizationsService(context);
  const partyTags = ['party-organizations'];

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
    (request) => organizations.listOrganizations(actorOf(request), request.query),
  );
  app.get(
    '/api/party-organizations/:id',
    { schema: { tags: partyTags, summary: 'Một tổ chức đảng', params: idParamsSchema, response: { 200: organizationSchema } } },
    (request) => organizations.getOrganization(actorOf(request), request.params.id),
  );
  app.post(
    '/api/party-organizations',
    { schema: { tags: partyTags, summary: 'Thêm tổ chức cơ sở đảng hoặc chi bộ', body: createOrganizationBodySchema, response: { 201: organizationSchema } } },
    async (request, reply) => reply.status(201).send(await organizations.createOrganization(actorOf(request), request.body)),
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
    (request) => organizations.updateOrganization(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/party-organizations/:id',
    { schema: { tags: partyTags, summary: 'Xóa tổ chức đảng nhập nhầm', params: idParamsSchema } },
    async (request, reply) => {
      await organizations.deleteOrganization(actorOf(request), request.params.id);
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
    async (request) => organizations.importOrganizations(actorOf(request), await uploadedCsv(request), request.query.dryRun),
  );
};
