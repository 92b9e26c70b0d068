import { z } from 'zod';
import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader, readUploadedFile } from '../http/upload.js';
import { GrassrootsReportService } from './grassroots-report.service.js';
import {
  briefingBodySchema,
  briefingIssueParamsSchema,
  briefingListSchema,
  briefingSchema,
  briefingUpdateBodySchema,
  cadrePracticeSchema,
  carryOverBodySchema,
  issueToProblemBodySchema,
  listBriefingsQuerySchema,
  listProblemsQuerySchema,
  problemAttachmentParamsSchema,
  problemBodySchema,
  problemDetailSchema,
  problemListSchema,
  problemOptionsQuerySchema,
  problemOptionsSchema,
  problemParamsSchema,
  problemReportQuerySchema,
  problemReportSchema,
  progressBodySchema,
} from './grassroots.schema.js';
import { GrassrootsService } from './grassroots.service.js';
import { BriefingsService } from './briefings.service.js';
import { buildProblemRatesWorkbook, buildProblemRegisterWorkbook } from './grassroots.export.js';
import { unitNamesAsOf } from '../territory/territory.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const grassrootsRoutes: FeatureRoutes = (app, context) => {
  const problems = new GrassrootsService(context);
  const reports = new GrassrootsReportService(context);
  const briefings = new BriefingsService(context);
  const tags = ['grassroots'];
  const detail = { 200: problemDetailSchema };

  app.get(
    '/api/grassroots-problems',
    {
      schema: {
        tags,
        summary: 'Vấn đề cần tập trung lãnh đạo, chỉ đạo của các xã trong phạm vi',
        querystring: listProblemsQuerySchema,
        response: { 200: problemListSchema },
      },
    },
    (request) => problems.list(actorOf(request), request.query),
  );

  app.get(
    '/api/grassroots-problems.xlsx',
    { schema: { tags, summary: 'Sổ đăng ký vấn đề (.xlsx), cùng bộ lọc với danh sách', querystring: listProblemsQuerySchema } },
    async (request, reply) => {
      const actor = actorOf(request);
      const list = await problems.list(actor, { ...request.query, page: 1, pageSize: 10_000 });
      const unitId = request.query.unitId ?? actor.unitId;
      const unitName = (await unitNamesAsOf(context.db, [unitId])).get(unitId)?.name ?? '';
      const { fileName, content } = await buildProblemRegisterWorkbook(list, { unitName, year: request.query.year });
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/grassroots-problems/report.xlsx',
    { schema: { tags, summary: 'Tỉ lệ giải quyết vấn đề theo lĩnh vực và đơn vị trực thuộc (.xlsx)', querystring: problemReportQuerySchema } },
    async (request, reply) => {
      const { fileName, content } = await buildProblemRatesWorkbook(await reports.report(actorOf(request), request.query));
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/grassroots-problems/options',
    {
      schema: {
        tags,
        summary: 'Lĩnh vực, thành viên thường trực có thể phụ trách và các thôn của một xã vào một ngày',
        querystring: problemOptionsQuerySchema,
        response: { 200: problemOptionsSchema },
      },
    },
    (request) => problems.options(actorOf(request), request.query),
  );

  app.get(
    '/api/grassroots-problems/report',
    {
      schema: {
        tags,
        summary: 'Tỉ lệ giải quyết vấn đề theo lĩnh vực và đơn vị trực thuộc trong một năm',
        querystring: problemReportQuerySchema,
        response: { 200: problemReportSchema },
      },
    },
    (request) => reports.report(actorOf(request), request.query),
  );

  app.post(
    '/api/grassroots-problems',
    { schema: { tags, summary: 'Đăng ký một vấn đề cần tập trung lãnh đạo, chỉ đạo', body: problemBodySchema, response: { 201: problemDetailSchema } } },
    async (request, reply) => reply.status(201).send(await problems.register(actorOf(request), request.body)),
  );

  app.get(
    '/api/grassroots-problems/:id',
    { schema: { tags, summary: 'Một vấn đề: diễn biến, đơn và đối thoại liên quan, minh chứng', params: problemParamsSchema, response: detail } },
    (request) => problems.detail(actorOf(request), request.params.id),
  );

  app.put(
    '/api/grassroots-problems/:id',
    { schema: { tags, summary: 'Sửa một vấn đề đang giải quyết', params: problemParamsSchema, body: problemBodySchema, response: detail } },
    (request) => problems.edit(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/grassroots-problems/:id/progress',
    {
      schema: {
        tags,
        summary: 'Cập nhật tiến độ; kết luận đã giải quyết, giải quyết một phần hoặc không giải quyết được',
        params: problemParamsSchema,
        body: progressBodySchema,
        response: detail,
      },
    },
    (request) => problems.progress(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/grassroots-problems/:id/carry-over',
    {
      schema: {
        tags,
        summary: 'Chuyển vấn đề chưa giải quyết xong sang năm sau, giữ nguyên quá trình',
        params: problemParamsSchema,
        body: carryOverBodySchema,
        response: { 200: problemDetailSchema.extend({ nextId: z.string() }) },
      },
    },
    (request) => problems.carryOver(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/grassroots-problems/:id/attachments',
    { schema: { tags, summary: 'Đính kèm minh chứng (PDF, JPEG, PNG; tối đa 10 MB; multipart, trường file)', params: problemParamsSchema, response: detail } },
    async (request) => problems.addAttachment(actorOf(request), request.params.id, await readUploadedFile(request, 'Chưa chọn tệp minh chứng (trường "file")')),
  );

  app.get(
    '/api/grassroots-problems/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Tải minh chứng của một vấn đề', params: problemAttachmentParamsSchema } },
    async (request, reply) => {
      const file = await problems.attachmentContent(actorOf(request), request.params.id, request.params.attachmentId);
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', attachmentHeader(file.fileName))
        .header('Cache-Control', 'no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/briefings',
    {
      schema: {
        tags,
        summary: 'Các buổi giao ban với cán bộ thôn, tổ dân phố và ý kiến nêu ra',
        querystring: listBriefingsQuerySchema,
        response: { 200: briefingListSchema },
      },
    },
    (request) => briefings.list(actorOf(request), request.query),
  );

  app.post(
    '/api/briefings',
    { schema: { tags, summary: 'Ghi nhận một buổi giao ban', body: briefingBodySchema, response: { 201: briefingSchema } } },
    async (request, reply) => reply.status(201).send(await briefings.create(actorOf(request), request.body)),
  );

  app.put(
    '/api/briefings/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một buổi giao ban: ngày, người chủ trì, thành phần và các ý kiến chưa đăng ký thành vấn đề',
        params: problemParamsSchema,
        body: briefingUpdateBodySchema,
        response: { 200: briefingSchema },
      },
    },
    (request) => briefings.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/briefings/:id',
    { schema: { tags, summary: 'Xóa một buổi giao ban chưa có ý kiến được đăng ký thành vấn đề', params: problemParamsSchema } },
    async (request, reply) => {
      await briefings.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/briefings/:id/issues/:issueId/problem',
    {
      schema: {
        tags,
        summary: 'Đăng ký một ý kiến nêu tại giao ban thành vấn đề cần tập trung lãnh đạo, chỉ đạo',
        params: briefingIssueParamsSchema,
        body: issueToProblemBodySchema,
        response: { 200: briefingSchema },
      },
    },
    (request) => briefings.issueToProblem(actorOf(request), request.params.id, request.params.issueId, request.body),
  );

  app.get(
    '/api/cadres/:id/practice',
    {
      schema: {
        tags,
        summary: 'Rèn luyện qua thực tiễn: vấn đề phụ trách và kết quả, các buổi giao ban chủ trì',
        params: problemParamsSchema,
        response: { 200: cadrePracticeSchema },
      },
    },
    (request) => problems.practice(actorOf(request), request.params.id),
  );
};
