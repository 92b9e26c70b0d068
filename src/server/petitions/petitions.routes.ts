import { z } from 'zod';
import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader, readUploadedFile } from '../http/upload.js';
import { DialoguesService } from './dialogues.service.js';
import { LegalCalendarService } from './legal-calendar.service.js';
import { PetitionHandlingService } from './petition-handling.service.js';
import { PetitionReportService } from './petition-report.service.js';
import { buildPetitionRegisterWorkbook, buildPetitionReportWorkbook, buildReceptionRegisterWorkbook } from './petitions.export.js';
import {
  attachmentParamsSchema,
  calendarDayBodySchema,
  calendarDayParamsSchema,
  calendarQuerySchema,
  calendarSchema,
  commitmentDoneBodySchema,
  commitmentParamsSchema,
  decisionBodySchema,
  dialogueBodySchema,
  dialogueListSchema,
  dialogueSchema,
  extensionBodySchema,
  handlersBodySchema,
  legalPeriodBodySchema,
  legalPeriodListSchema,
  listDialoguesQuerySchema,
  listReceptionQuerySchema,
  listPetitionsQuerySchema,
  petitionBodySchema,
  petitionDetailSchema,
  petitionListSchema,
  petitionOptionsQuerySchema,
  petitionOptionsSchema,
  petitionParamsSchema,
  petitionReportQuerySchema,
  petitionReportSchema,
  receptionListSchema,
  receptionSessionBodySchema,
  receptionSessionSchema,
  referDownBodySchema,
  reportBackBodySchema,
  settlementBodySchema,
} from './petitions.schema.js';
import { PetitionsService } from './petitions.service.js';
import { ReceptionService } from './reception.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const petitionsRoutes: FeatureRoutes = (app, context) => {
  const petitions = new PetitionsService(context);
  const handling = new PetitionHandlingService(context);
  const reports = new PetitionReportService(context);
  const dialogues = new DialoguesService(context);
  const legal = new LegalCalendarService(context);
  const reception = new ReceptionService(context);
  const tags = ['petitions'];
  const detail = { 200: petitionDetailSchema };
  const detailQuery = z.object({ asOf: listPetitionsQuerySchema.shape.asOf });

  app.get(
    '/api/petitions',
    {
      schema: {
        tags,
        summary: 'Sổ tiếp nhận đơn của một đơn vị và các đơn vị trực thuộc, đơn sắp hết hạn lên trước',
        querystring: listPetitionsQuerySchema,
        response: { 200: petitionListSchema },
      },
    },
    (request) => petitions.list(actorOf(request), request.query),
  );

  app.get(
    '/api/petitions.xlsx',
    { schema: { tags, summary: 'Sổ tiếp nhận đơn (.xlsx), cùng bộ lọc với danh sách', querystring: listPetitionsQuerySchema } },
    async (request, reply) => {
      const actor = actorOf(request);
      const list = await petitions.list(actor, { ...request.query, page: 1, pageSize: 10_000 });
      const { fileName, content } = await buildPetitionRegisterWorkbook(list);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/petitions/options',
    {
      schema: {
        tags,
        summary: 'Danh mục lĩnh vực và cán bộ có thể giao xử lý đơn của đơn vị',
        querystring: petitionOptionsQuerySchema,
        response: { 200: petitionOptionsSchema },
      },
    },
    (request) => petitions.options(actorOf(request), request.query),
  );

  app.post(
    '/api/petitions',
    { schema: { tags, summary: 'Tiếp nhận một đơn vào sổ của cơ quan mình', body: petitionBodySchema, response: { 201: petitionDetailSchema } } },
    async (request, reply) => reply.status(201).send(await petitions.register(actorOf(request), request.body)),
  );

  app.get(
    '/api/petitions/report',
    {
      schema: {
        tags,
        summary: 'Kết quả tiếp nhận, giải quyết đơn và đối thoại của một đơn vị trong kỳ',
        querystring: petitionReportQuerySchema,
        response: { 200: petitionReportSchema },
      },
    },
    (request) => reports.report(actorOf(request), request.query),
  );

  app.get(
    '/api/petitions/report.xlsx',
    { schema: { tags, summary: 'Kết quả tiếp nhận, giải quyết đơn (.xlsx)', querystring: petitionReportQuerySchema } },
    async (request, reply) => {
      const { fileName, content } = await buildPetitionReportWorkbook(await reports.report(actorOf(request), request.query));
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/petitions/:id',
    { schema: { tags, summary: 'Một đơn: nội dung, thời hạn từng bước, diễn biến', params: petitionParamsSchema, querystring: detailQuery, response: detail } },
    (request) => petitions.detail(actorOf(request), request.params.id, request.query.asOf),
  );

  app.post(
    '/api/petitions/:id/decision',
    {
      schema: {
        tags,
        summary: 'Xử lý đơn: thụ lý, không thụ lý, hướng dẫn, chuyển đơn hoặc lưu đơn',
        params: petitionParamsSchema,
        body: decisionBodySchema,
        response: detail,
      },
    },
    (request) => handling.decide(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/petitions/:id/refer-down',
    {
      schema: {
        tags,
        summary: 'Đơn vượt cấp: chuyển về xã có thẩm quyền giải quyết và theo dõi kết quả',
        params: petitionParamsSchema,
        body: referDownBodySchema,
        response: { 200: petitionDetailSchema.extend({ childId: z.string() }) },
      },
    },
    (request) => handling.referDown(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/petitions/:id/extension',
    {
      schema: {
        tags,
        summary: 'Gia hạn giải quyết tố cáo (Luật Tố cáo 2018, Điều 30)',
        params: petitionParamsSchema,
        body: extensionBodySchema,
        response: detail,
      },
    },
    (request) => handling.extend(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/petitions/:id/settlement',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả giải quyết và sự đồng thuận của người có đơn',
        params: petitionParamsSchema,
        body: settlementBodySchema,
        response: detail,
      },
    },
    (request) => handling.settle(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/petitions/:id/report-back',
    {
      schema: {
        tags,
        summary: 'Báo cáo kết quả giải quyết đơn do cấp trên chuyển về',
        params: petitionParamsSchema,
        body: reportBackBodySchema,
        response: detail,
      },
    },
    (request) => handling.reportBack(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/petitions/:id/handlers',
    {
      schema: {
        tags,
        summary: 'Giao người xử lý đơn (chỉ họ xem được thông tin người tố cáo)',
        params: petitionParamsSchema,
        body: handlersBodySchema,
        response: detail,
      },
    },
    (request) => handling.assignHandlers(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/petitions/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Đính kèm bản chụp đơn, biên bản (PDF, JPEG, PNG; tối đa 10 MB; multipart, trường file)',
        params: petitionParamsSchema,
        response: detail,
      },
    },
    async (request) => handling.addAttachment(actorOf(request), request.params.id, await readUploadedFile(request, 'Chưa chọn tệp đính kèm (trường "file")')),
  );

  app.get(
    '/api/petitions/:id/decision.docx',
    { schema: { tags, summary: 'Văn bản xử lý đơn (.docx): thông báo thụ lý, không thụ lý, phiếu hướng dẫn, phiếu chuyển đơn', params: petitionParamsSchema } },
    async (request, reply) => {
      const { fileName, content } = await handling.decisionDocument(actorOf(request), request.params.id);
      return reply.header('Content-Type', DOCX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/petitions/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Tải tài liệu đính kèm của đơn', params: attachmentParamsSchema } },
    async (request, reply) => {
      const file = await handling.attachmentContent(actorOf(request), request.params.id, request.params.attachmentId);
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', attachmentHeader(file.fileName))
        .header('Cache-Control', 'no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/dialogues',
    {
      schema: {
        tags,
        summary: 'Các cuộc tiếp xúc, đối thoại với Nhân dân và cam kết',
        querystring: listDialoguesQuerySchema,
        response: { 200: dialogueListSchema },
      },
    },
    (request) => dialogues.list(actorOf(request), request.query),
  );

  app.post(
    '/api/dialogues',
    { schema: { tags, summary: 'Ghi nhận một cuộc tiếp xúc, đối thoại', body: dialogueBodySchema, response: { 201: dialogueSchema } } },
    async (request, reply) => reply.status(201).send(await dialogues.create(actorOf(request), request.body)),
  );

  app.put(
    '/api/dialogues/:id',
    {
      schema: { tags, summary: 'Sửa một cuộc tiếp xúc, đối thoại', params: petitionParamsSchema, body: dialogueBodySchema, response: { 200: dialogueSchema } },
    },
    (request) => dialogues.update(actorOf(request), request.params.id, request.body),
  );

  app.delete('/api/dialogues/:id', { schema: { tags, summary: 'Xóa một cuộc tiếp xúc, đối thoại', params: petitionParamsSchema } }, async (request, reply) => {
    await dialogues.remove(actorOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.put(
    '/api/dialogues/:id/commitments/:commitmentId',
    {
      schema: {
        tags,
        summary: 'Ghi ngày hoàn thành một cam kết',
        params: commitmentParamsSchema,
        body: commitmentDoneBodySchema,
        response: { 200: dialogueSchema },
      },
    },
    (request) => dialogues.markCommitment(actorOf(request), request.params.id, request.params.commitmentId, request.body),
  );

  app.get(
    '/api/reception-sessions',
    {
      schema: {
        tags,
        summary: 'Các buổi tiếp công dân của một đơn vị trong kỳ, đơn tiếp nhận tại mỗi buổi, tuần/tháng chưa đủ buổi tiếp định kỳ',
        querystring: listReceptionQuerySchema,
        response: { 200: receptionListSchema },
      },
    },
    (request) => reception.list(actorOf(request), request.query),
  );

  app.get(
    '/api/reception-sessions/register.xlsx',
    { schema: { tags, summary: 'Sổ tiếp công dân (.xlsx)', querystring: listReceptionQuerySchema } },
    async (request, reply) => {
      const { fileName, content } = await buildReceptionRegisterWorkbook(await reception.list(actorOf(request), request.query));
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.post(
    '/api/reception-sessions',
    { schema: { tags, summary: 'Ghi nhận một buổi tiếp công dân', body: receptionSessionBodySchema, response: { 201: receptionSessionSchema } } },
    async (request, reply) => reply.status(201).send(await reception.create(actorOf(request), request.body)),
  );

  app.put(
    '/api/reception-sessions/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một buổi tiếp công dân',
        params: petitionParamsSchema,
        body: receptionSessionBodySchema,
        response: { 200: receptionSessionSchema },
      },
    },
    (request) => reception.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/reception-sessions/:id',
    { schema: { tags, summary: 'Xóa một buổi tiếp công dân chưa có đơn', params: petitionParamsSchema } },
    async (request, reply) => {
      await reception.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/legal-calendar',
    {
      schema: {
        tags,
        summary: 'Ngày nghỉ lễ, Tết, ngày nghỉ bù và ngày làm bù của một năm',
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema },
      },
    },
    (request) => legal.calendar(request.query.year),
  );

  app.put(
    '/api/legal-calendar/:date',
    {
      schema: {
        tags,
        summary: 'Ghi một ngày nghỉ hoặc ngày làm bù theo thông báo của Chính phủ',
        params: calendarDayParamsSchema,
        body: calendarDayBodySchema,
        response: { 200: calendarSchema },
      },
    },
    (request) => legal.setDay(actorOf(request), request.params.date, request.body),
  );

  app.delete(
    '/api/legal-calendar/:date',
    { schema: { tags, summary: 'Bỏ một ngày khỏi lịch ngày nghỉ', params: calendarDayParamsSchema, response: { 200: calendarSchema } } },
    (request) => legal.removeDay(actorOf(request), request.params.date),
  );

  app.get(
    '/api/legal-periods',
    { schema: { tags, summary: 'Thời hạn theo luật (khiếu nại, tố cáo, tiếp công dân) và thời gian áp dụng', response: { 200: legalPeriodListSchema } } },
    () => legal.periods(),
  );

  app.post(
    '/api/legal-periods',
    {
      schema: { tags, summary: 'Thêm phiên bản mới của một thời hạn khi luật thay đổi', body: legalPeriodBodySchema, response: { 200: legalPeriodListSchema } },
    },
    (request) => legal.addPeriodVersion(actorOf(request), request.body),
  );
};
