import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader } from '../http/upload.js';
import { CellCoverageService } from './cell-coverage.service.js';
import { buildCoverageWorkbook } from './party-cells.export.js';
import {
  assignmentBodySchema,
  assignmentParamsSchema,
  assignmentUpdateBodySchema,
  cellAttendanceQuerySchema,
  cellAttendanceSchema,
  committeeMonthParamsSchema,
  committeeParamsSchema,
  coverageQuerySchema,
  coverageSchema,
  meetingBodySchema,
  meetingParamsSchema,
  monthAttendanceBodySchema,
  monthAttendanceResultSchema,
} from './party-cells.schema.js';
import { PartyCellsService } from './party-cells.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const partyCellsRoutes: FeatureRoutes = (app, context) => {
  const cells = new PartyCellsService(context);
  const coverage = new CellCoverageService(context);
  const tags = ['party-cells'];

  app.get(
    '/api/party-committees/:id/cell-attendance',
    {
      schema: {
        tags,
        summary: 'Phân công thường trực dự sinh hoạt chi bộ và các buổi sinh hoạt của một đảng bộ cơ sở trong một năm',
        params: committeeParamsSchema,
        querystring: cellAttendanceQuerySchema,
        response: { 200: cellAttendanceSchema },
      },
    },
    (request) => cells.year(actorOf(request), request.params.id, request.query.year),
  );

  app.put(
    '/api/party-committees/:id/cell-attendance/:month',
    {
      schema: {
        tags,
        summary: 'Ghi dự sinh hoạt chi bộ của một tháng cho các chi bộ của đảng bộ (tất cả hoặc không)',
        params: committeeMonthParamsSchema,
        body: monthAttendanceBodySchema,
        response: { 200: monthAttendanceResultSchema },
      },
    },
    (request) => cells.recordMonth(actorOf(request), request.params.id, request.params.month, request.body),
  );

  app.post(
    '/api/party-committees/:id/cell-assignments',
    { schema: { tags, summary: 'Phân công một thành viên thường trực dự sinh hoạt một chi bộ', params: committeeParamsSchema, body: assignmentBodySchema } },
    async (request, reply) => reply.status(201).send(await cells.createAssignment(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/cell-assignments/:id',
    { schema: { tags, summary: 'Sửa định kỳ hoặc kết thúc một phân công', params: assignmentParamsSchema, body: assignmentUpdateBodySchema } },
    async (request, reply) => {
      await cells.updateAssignment(actorOf(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/cell-assignments/:id',
    { schema: { tags, summary: 'Xóa một phân công nhập nhầm (các buổi đã dự vẫn giữ)', params: assignmentParamsSchema } },
    async (request, reply) => {
      await cells.deleteAssignment(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/cell-meetings/:id',
    { schema: { tags, summary: 'Ngày, vấn đề nêu ra và việc theo dõi sau một buổi sinh hoạt chi bộ', params: meetingParamsSchema, body: meetingBodySchema } },
    async (request, reply) => {
      await cells.updateMeeting(actorOf(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/cell-attendance/coverage',
    {
      schema: {
        tags,
        summary: 'Phân công và dự sinh hoạt chi bộ của các đảng bộ cơ sở trong phạm vi một đơn vị, một năm',
        querystring: coverageQuerySchema,
        response: { 200: coverageSchema },
      },
    },
    (request) => coverage.coverage(actorOf(request), request.query),
  );

  app.get(
    '/api/cell-attendance/coverage.xlsx',
    { schema: { tags, summary: 'Phân công và dự sinh hoạt chi bộ (.xlsx)', querystring: coverageQuerySchema } },
    async (request, reply) => {
      const { fileName, content } = await buildCoverageWorkbook(await coverage.coverage(actorOf(request), request.query));
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );
};
