import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader, readUploadedFile } from '../http/upload.js';
import {
  addSessionsBodySchema,
  attendanceImportQuerySchema,
  attendanceImportResultSchema,
  attendanceBodySchema,
  cadreTrainingSchema,
  calendarQuerySchema,
  calendarSchema,
  diversitySchema,
  fulfilmentSchema,
  listVisitsQuerySchema,
  unitYearQuerySchema,
  visitBodySchema,
  visitListSchema,
  visitSchema,
  certificateResponseSchema,
  classBodySchema,
  classUpdateBodySchema,
  enrolmentParamsSchema,
  planCandidatesSchema,
  sessionBodySchema,
  testBodySchema,
  classDetailSchema,
  classListSchema,
  enrolBodySchema,
  idParamsSchema,
  instructorBodySchema,
  instructorListSchema,
  instructorSchema,
  issueCertificateBodySchema,
  listClassesQuerySchema,
  listProgrammesQuerySchema,
  programmeBodySchema,
  programmeListSchema,
  programmeSchema,
  revokeCertificateBodySchema,
  scoresBodySchema,
  sessionParamsSchema,
  testParamsSchema,
} from './training.schema.js';
import { TrainingCatalogueService } from './catalogue.service.js';
import { TrainingClassesService } from './classes.service.js';
import { EnrolmentService } from './enrolment.service.js';
import { CertificatesService } from './certificates.service.js';
import { GuidanceVisitsService } from './visits.service.js';
import { TrainingReportsService } from './training-reports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const trainingRoutes: FeatureRoutes = (app, context) => {
  const catalogue = new TrainingCatalogueService(context);
  const classes = new TrainingClassesService(context);
  const enrolment = new EnrolmentService(context);
  const certificates = new CertificatesService(context);
  const visits = new GuidanceVisitsService(context);
  const reports = new TrainingReportsService(context);
  const tags = ['training'];
  const classDetail = { 200: classDetailSchema };

  app.get(
    '/api/training/programmes',
    { schema: { tags, summary: 'Danh mục chương trình đào tạo, bồi dưỡng', querystring: listProgrammesQuerySchema, response: { 200: programmeListSchema } } },
    (request) => catalogue.listProgrammes(actorOf(request), request.query),
  );

  app.post(
    '/api/training/programmes',
    { schema: { tags, summary: 'Thêm chương trình đào tạo, bồi dưỡng', body: programmeBodySchema, response: { 201: programmeSchema } } },
    async (request, reply) => reply.status(201).send(await catalogue.createProgramme(actorOf(request), request.body)),
  );

  app.get(
    '/api/training/programmes/:id',
    { schema: { tags, summary: 'Một chương trình đào tạo, bồi dưỡng', params: idParamsSchema, response: { 200: programmeSchema } } },
    (request) => catalogue.getProgramme(actorOf(request), request.params.id),
  );

  app.put(
    '/api/training/programmes/:id',
    { schema: { tags, summary: 'Sửa chương trình đào tạo, bồi dưỡng', params: idParamsSchema, body: programmeBodySchema, response: { 200: programmeSchema } } },
    (request) => catalogue.updateProgramme(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/training/programmes/:id',
    { schema: { tags, summary: 'Xóa chương trình chưa có lớp nào', params: idParamsSchema } },
    async (request, reply) => {
      await catalogue.deleteProgramme(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/training/instructors',
    { schema: { tags, summary: 'Danh sách giảng viên, báo cáo viên, cán bộ hướng dẫn', response: { 200: instructorListSchema } } },
    (request) => catalogue.listInstructors(actorOf(request)),
  );

  app.post(
    '/api/training/instructors',
    { schema: { tags, summary: 'Thêm giảng viên, báo cáo viên, cán bộ hướng dẫn', body: instructorBodySchema, response: { 201: instructorSchema } } },
    async (request, reply) => reply.status(201).send(await catalogue.createInstructor(actorOf(request), request.body)),
  );

  app.put(
    '/api/training/instructors/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin giảng viên, báo cáo viên, cán bộ hướng dẫn',
        params: idParamsSchema,
        body: instructorBodySchema,
        response: { 200: instructorSchema },
      },
    },
    (request) => catalogue.updateInstructor(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/training/instructors/:id',
    { schema: { tags, summary: 'Xóa giảng viên chưa được phân công buổi giảng hoặc chuyến hướng dẫn', params: idParamsSchema } },
    async (request, reply) => {
      await catalogue.deleteInstructor(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/training/classes',
    {
      schema: {
        tags,
        summary: 'Các lớp học trong phạm vi, theo đơn vị và khoảng thời gian',
        querystring: listClassesQuerySchema,
        response: { 200: classListSchema },
      },
    },
    (request) => classes.listClasses(actorOf(request), request.query),
  );

  app.post(
    '/api/training/classes',
    { schema: { tags, summary: 'Mở lớp học của một chương trình (kèm buổi học, bài kiểm tra)', body: classBodySchema, response: { 201: classDetailSchema } } },
    async (request, reply) => reply.status(201).send(await classes.createClass(actorOf(request), request.body)),
  );

  app.get(
    '/api/training/classes/:id',
    { schema: { tags, summary: 'Một lớp học: buổi học, học viên, điểm danh, điểm, chứng chỉ', params: idParamsSchema, response: classDetail } },
    (request) => classes.getClass(actorOf(request), request.params.id),
  );

  app.put(
    '/api/training/classes/:id',
    { schema: { tags, summary: 'Sửa thông tin lớp học', params: idParamsSchema, body: classUpdateBodySchema, response: classDetail } },
    (request) => classes.updateClass(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/training/classes/:id',
    { schema: { tags, summary: 'Xóa lớp học chưa có điểm danh, điểm, chứng chỉ', params: idParamsSchema } },
    async (request, reply) => {
      await classes.deleteClass(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/training/classes/:id/sessions/:sessionId',
    { schema: { tags, summary: 'Sửa một buổi học', params: sessionParamsSchema, body: sessionBodySchema, response: classDetail } },
    (request) => classes.updateSession(actorOf(request), request.params.id, request.params.sessionId, request.body),
  );

  app.delete(
    '/api/training/classes/:id/sessions/:sessionId',
    { schema: { tags, summary: 'Xóa buổi học chưa điểm danh', params: sessionParamsSchema, response: classDetail } },
    (request) => classes.deleteSession(actorOf(request), request.params.id, request.params.sessionId),
  );

  app.post(
    '/api/training/classes/:id/tests',
    { schema: { tags, summary: 'Thêm bài kiểm tra', params: idParamsSchema, body: testBodySchema, response: { 201: classDetailSchema } } },
    async (request, reply) => reply.status(201).send(await classes.addTest(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/training/classes/:id/tests/:testId',
    { schema: { tags, summary: 'Xóa bài kiểm tra chưa có điểm', params: testParamsSchema, response: classDetail } },
    (request) => classes.deleteTest(actorOf(request), request.params.id, request.params.testId),
  );

  app.delete(
    '/api/training/classes/:id/enrolments/:cadreId',
    { schema: { tags, summary: 'Xóa học viên khỏi lớp (cùng điểm danh, điểm của người đó trong lớp)', params: enrolmentParamsSchema, response: classDetail } },
    (request) => enrolment.unenrol(actorOf(request), request.params.id, request.params.cadreId),
  );

  app.get(
    '/api/training/classes/:id/attendance.xlsx',
    { schema: { tags, summary: 'Bảng điểm danh của lớp (.xlsx) để điền và nhập lại', params: idParamsSchema } },
    async (request, reply) => {
      const { fileName, content } = await enrolment.attendanceXlsx(actorOf(request), request.params.id);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.post(
    '/api/training/classes/:id/attendance/import',
    {
      schema: {
        tags,
        summary: 'Nhập điểm danh từ Excel (multipart, trường file); dryRun=true chỉ kiểm tra; có lỗi thì không ghi gì',
        params: idParamsSchema,
        querystring: attendanceImportQuerySchema,
        response: { 200: attendanceImportResultSchema },
      },
    },
    async (request) => enrolment.importAttendance(actorOf(request), request.params.id, await readUploadedFile(request), { dryRun: request.query.dryRun }),
  );

  app.get(
    '/api/training/classes/:id/results.xlsx',
    { schema: { tags, summary: 'Kết quả học tập của lớp (.xlsx): điểm danh, điểm, chứng chỉ', params: idParamsSchema } },
    async (request, reply) => {
      const { fileName, content } = await enrolment.resultsXlsx(actorOf(request), request.params.id);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/training/classes/:id/plan-candidates',
    {
      schema: {
        tags,
        summary: 'Người có trong kế hoạch đã phê duyệt cho loại khóa học của lớp, chưa ghi danh',
        params: idParamsSchema,
        response: { 200: planCandidatesSchema },
      },
    },
    (request) => enrolment.planCandidates(actorOf(request), request.params.id),
  );

  app.post(
    '/api/training/classes/:id/sessions',
    { schema: { tags, summary: 'Thêm buổi học', params: idParamsSchema, body: addSessionsBodySchema, response: classDetail } },
    (request) => classes.addSessions(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/training/classes/:id/enrolments',
    { schema: { tags, summary: 'Ghi danh học viên', params: idParamsSchema, body: enrolBodySchema, response: classDetail } },
    (request) => enrolment.enrol(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/training/classes/:id/sessions/:sessionId/attendance',
    {
      schema: {
        tags,
        summary: 'Điểm danh cả lớp cho một buổi học (thay toàn bộ danh sách của buổi)',
        params: sessionParamsSchema,
        body: attendanceBodySchema,
        response: classDetail,
      },
    },
    (request) => enrolment.recordAttendance(actorOf(request), request.params.id, request.params.sessionId, request.body),
  );

  app.put(
    '/api/training/classes/:id/tests/:testId/scores',
    {
      schema: {
        tags,
        summary: 'Nhập điểm một bài kiểm tra, thang 10 (thay toàn bộ bảng điểm của bài)',
        params: testParamsSchema,
        body: scoresBodySchema,
        response: classDetail,
      },
    },
    (request) => enrolment.recordScores(actorOf(request), request.params.id, request.params.testId, request.body),
  );

  app.post(
    '/api/training/classes/:id/certificates',
    {
      schema: {
        tags,
        summary: 'Cấp chứng chỉ (Thông tư 01/2018/TT-BNV)',
        params: idParamsSchema,
        body: issueCertificateBodySchema,
        response: { 201: certificateResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await certificates.issueCertificate(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/training/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi chứng chỉ cấp nhầm (xóa trình độ đã ghi nhận theo chứng chỉ)',
        params: idParamsSchema,
        body: revokeCertificateBodySchema,
        response: { 200: certificateResponseSchema },
      },
    },
    (request) => certificates.revokeCertificate(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/cadres/:id/training',
    {
      schema: {
        tags,
        summary: 'Quá trình đào tạo, bồi dưỡng và số giờ học theo năm của một người',
        params: idParamsSchema,
        response: { 200: cadreTrainingSchema },
      },
    },
    (request) => reports.cadreTraining(actorOf(request), request.params.id),
  );

  app.get(
    '/api/training/visits',
    {
      schema: {
        tags,
        summary: 'Nhật ký cán bộ xuống cơ sở hướng dẫn, theo xã hoặc theo cán bộ',
        querystring: listVisitsQuerySchema,
        response: { 200: visitListSchema },
      },
    },
    (request) => visits.listVisits(actorOf(request), request.query),
  );

  app.post(
    '/api/training/visits',
    { schema: { tags, summary: 'Ghi nhận một chuyến hướng dẫn tại cơ sở, cầm tay chỉ việc', body: visitBodySchema, response: { 201: visitSchema } } },
    async (request, reply) => reply.status(201).send(await visits.createVisit(actorOf(request), request.body)),
  );

  app.put(
    '/api/training/visits/:id',
    { schema: { tags, summary: 'Sửa một chuyến hướng dẫn tại cơ sở', params: idParamsSchema, body: visitBodySchema, response: { 200: visitSchema } } },
    (request) => visits.updateVisit(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/training/visits/:id',
    { schema: { tags, summary: 'Xóa một chuyến hướng dẫn tại cơ sở', params: idParamsSchema } },
    async (request, reply) => {
      await visits.deleteVisit(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/training/visits.xlsx',
    { schema: { tags, summary: 'Nhật ký hướng dẫn tại cơ sở (.xlsx), cùng bộ lọc với danh sách', querystring: listVisitsQuerySchema } },
    async (request, reply) => {
      const { fileName, content } = await visits.visitsXlsx(actorOf(request), request.query);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/training/plan-fulfilment.xlsx',
    { schema: { tags, summary: 'Thực hiện kế hoạch đào tạo, bồi dưỡng (.xlsx)', querystring: unitYearQuerySchema } },
    async (request, reply) => {
      const { fileName, content } = await reports.planFulfilmentXlsx(actorOf(request), request.query);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/training/diversity.xlsx',
    { schema: { tags, summary: 'Số lớp, chuyến hướng dẫn, lượt người theo hình thức (.xlsx)', querystring: unitYearQuerySchema } },
    async (request, reply) => {
      const { fileName, content } = await reports.diversityXlsx(actorOf(request), request.query);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
    },
  );

  app.get(
    '/api/training/calendar',
    { schema: { tags, summary: 'Lịch lớp học và chuyến hướng dẫn giữa hai ngày', querystring: calendarQuerySchema, response: { 200: calendarSchema } } },
    (request) => classes.calendar(actorOf(request), request.query),
  );

  app.get(
    '/api/training/diversity',
    {
      schema: {
        tags,
        summary: 'Số lớp, chuyến hướng dẫn và lượt người theo hình thức, của một đơn vị trong năm',
        querystring: unitYearQuerySchema,
        response: { 200: diversitySchema },
      },
    },
    (request) => reports.diversity(actorOf(request), request.query),
  );

  app.get(
    '/api/training/plan-fulfilment',
    {
      schema: {
        tags,
        summary: 'Thực hiện kế hoạch đào tạo, bồi dưỡng đã phê duyệt của năm',
        querystring: unitYearQuerySchema,
        response: { 200: fulfilmentSchema },
      },
    },
    (request) => reports.planFulfilment(actorOf(request), request.query),
  );
};
