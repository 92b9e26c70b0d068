import { z } from 'zod';
import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { idSchema } from '../http/common.schema.js';
import {
  addLineageBodySchema,
  addLineageResponseSchema,
  asOfQuerySchema,
  byCodeParamsSchema,
  byCodeQuerySchema,
  byCodeResponseSchema,
  correctChangeBodySchema,
  correctChangeResponseSchema,
  countsResponseSchema,
  currentResponseSchema,
  lineageResponseSchema,
  listChangesQuerySchema,
  listChangesResponseSchema,
  listLoadsResponseSchema,
  listUnitsQuerySchema,
  listUnitsResponseSchema,
  loadListBodySchema,
  loadListResponseSchema,
  searchUnitsQuerySchema,
  searchUnitsResponseSchema,
  treeQuerySchema,
  treeResponseSchema,
  unitDetailResponseSchema,
  unitIdParamsSchema,
} from './territory.schema.js';
import { TerritoryService } from './territory.service.js';

// An official list with its conversion table is a few megabytes of CSV.
const LIST_BODY_LIMIT = 20 * 1024 * 1024;

export const territoryRoutes: FeatureRoutes = (app, context) => {
  const territory = new TerritoryService(context);
  const tags = ['territory'];

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Đơn vị trực thuộc có hiệu lực vào một ngày (không có parentId: các tỉnh)',
        querystring: listUnitsQuerySchema,
        response: { 200: listUnitsResponseSchema },
      },
    },
    (request) => territory.children(actorOf(request), request.query),
  );

  app.get(
    '/api/units/search',
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị theo tên (không dấu cũng được) hoặc mã',
        querystring: searchUnitsQuerySchema,
        response: { 200: searchUnitsResponseSchema },
      },
    },
    (request) => territory.search(actorOf(request), request.query),
  );

  app.get(
    '/api/units/tree',
    { schema: { tags, summary: 'Toàn bộ cây đơn vị có hiệu lực vào một ngày', querystring: treeQuerySchema, response: { 200: treeResponseSchema } } },
    (request) => territory.tree(request.query),
  );

  app.get(
    '/api/units/by-code/:code',
    {
      schema: {
        tags,
        summary: 'Đơn vị mang mã này vào một ngày (mã được dùng lại qua các thời kỳ)',
        params: byCodeParamsSchema,
        querystring: byCodeQuerySchema,
        response: { 200: byCodeResponseSchema },
      },
    },
    (request) => territory.byCode({ code: request.params.code, ...request.query }),
  );

  app.get(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Một đơn vị và lịch sử tên, loại, cấp trên',
        params: unitIdParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: unitDetailResponseSchema },
      },
    },
    (request) => territory.detail(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/units/:id/lineage',
    { schema: { tags, summary: 'Đơn vị tiền thân và kế thừa', params: unitIdParamsSchema, response: { 200: lineageResponseSchema } } },
    (request) => territory.lineage(request.params.id),
  );

  app.get(
    '/api/units/:id/counts',
    {
      schema: {
        tags,
        summary: 'Số đơn vị trực thuộc theo cấp và loại vào một ngày',
        params: unitIdParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: countsResponseSchema },
      },
    },
    (request) => territory.counts(request.params.id, request.query),
  );

  app.get(
    '/api/units/:id/current',
    {
      schema: {
        tags,
        summary: 'Đơn vị hiện nay (hoặc vào một ngày) mà địa bàn của đơn vị này thuộc về',
        params: unitIdParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: currentResponseSchema },
      },
    },
    (request) => territory.current(request.params.id, request.query),
  );

  app.post(
    '/api/units/lineage',
    { schema: { tags, summary: 'Thêm quan hệ kế thừa (quản trị)', body: addLineageBodySchema, response: { 201: addLineageResponseSchema } } },
    async (request, reply) => reply.status(201).send(await territory.addLineage(actorOf(request), request.body)),
  );

  app.delete(
    '/api/units/lineage/:id',
    { schema: { tags, summary: 'Xóa quan hệ kế thừa (quản trị)', params: z.object({ id: idSchema }) } },
    async (request, reply) => {
      await territory.removeLineage(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/territory/changes',
    {
      schema: {
        tags,
        summary: 'Các thay đổi đơn vị hành chính có ngày hiệu lực',
        querystring: listChangesQuerySchema,
        response: { 200: listChangesResponseSchema },
      },
    },
    (request) => territory.listChanges(request.query),
  );

  app.patch(
    '/api/territory/changes/:id',
    {
      schema: {
        tags,
        summary: 'Sửa ngày hiệu lực của một thay đổi (quản trị)',
        params: z.object({ id: idSchema }),
        body: correctChangeBodySchema,
        response: { 200: correctChangeResponseSchema },
      },
    },
    (request) => territory.correctChangeDate(actorOf(request), request.params.id, request.body),
  );

  app.get('/api/territory/loads', { schema: { tags, summary: 'Các danh mục đã nạp (quản trị)', response: { 200: listLoadsResponseSchema } } }, (request) =>
    territory.loads(actorOf(request)),
  );

  app.post(
    '/api/territory/loads',
    {
      bodyLimit: LIST_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Nạp danh mục chính thức mới (quản trị cấp toàn quốc); dryRun để kiểm tra trước',
        body: loadListBodySchema,
        response: { 200: loadListResponseSchema },
      },
    },
    (request) => territory.loadList(actorOf(request), request.body),
  );
};
