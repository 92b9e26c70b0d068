import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import { attachmentHeader, readUploadedFile } from '../http/upload.js';
import {
  addPostBodySchema,
  addQualificationBodySchema,
  cadreIdParamsSchema,
  cadreProfileSchema,
  createCadreBodySchema,
  endPostBodySchema,
  exportCadresQuerySchema,
  listCadresQuerySchema,
  listCadresResponseSchema,
  postParamsSchema,
  profileQuerySchema,
  qualificationParamsSchema,
  qualificationSchema,
  updateCadreBodySchema,
  updatePostBodySchema,
} from './cadres.schema.js';
import { CadreListService } from './cadre-list.service.js';
import { CadreRecordService } from './cadre-record.service.js';
import { CadrePostsService } from './cadre-posts.service.js';
import { CadreQualificationsService } from './cadre-qualifications.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const cadresRoutes: FeatureRoutes = (app, context) => {
  const people = new CadreListService(context);
  const records = new CadreRecordService(context);
  const posts = new CadrePostsService(context);
  const qualifications = new CadreQualificationsService(context);
  const tags = ['cadres'];

  app.get(
    '/api/cadres',
    { schema: { tags, summary: 'Danh sách cán bộ tại một thời điểm', querystring: listCadresQuerySchema, response: { 200: listCadresResponseSchema } } },
    (request) => people.list(actorOf(request), request.query),
  );

  app.get(
    '/api/cadres/export.xlsx',
    { schema: { tags, summary: 'Xuất danh sách ra Excel (cùng cột với mẫu nhập)', querystring: exportCadresQuerySchema } },
    async (request, reply) => {
      const { fileName, stream } = await people.exportXlsx(actorOf(request), request.query);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(stream);
    },
  );

  app.get(
    '/api/cadres/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ cán bộ tại một thời điểm',
        params: cadreIdParamsSchema,
        querystring: profileQuerySchema,
        response: { 200: cadreProfileSchema },
      },
    },
    (request) => records.profile(actorOf(request), request.params.id, request.query.asOf),
  );

  app.get('/api/cadres/:id/resume.docx', { schema: { tags, summary: 'Sơ yếu lý lịch (Word)', params: cadreIdParamsSchema } }, async (request, reply) => {
    const { fileName, content } = await records.resume(actorOf(request), request.params.id);
    return reply.header('Content-Type', DOCX).header('Content-Disposition', attachmentHeader(fileName)).header('Cache-Control', 'no-store').send(content);
  });

  app.get('/api/cadres/:id/photo', { schema: { tags, summary: 'Ảnh cán bộ', params: cadreIdParamsSchema } }, async (request, reply) => {
    const photo = await records.photo(actorOf(request), request.params.id);
    return reply.header('Content-Type', photo.mediaType).header('Cache-Control', 'private, no-store').send(photo.content);
  });

  app.put(
    '/api/cadres/:id/photo',
    { schema: { tags, summary: 'Tải ảnh cán bộ lên (multipart, trường file; JPEG/PNG ≤ 2 MB)', params: cadreIdParamsSchema } },
    async (request, reply) => {
      await records.savePhoto(actorOf(request), request.params.id, (await readUploadedFile(request)).content);
      return reply.status(204).send();
    },
  );

  app.delete('/api/cadres/:id/photo', { schema: { tags, summary: 'Xóa ảnh cán bộ', params: cadreIdParamsSchema } }, async (request, reply) => {
    await records.deletePhoto(actorOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/api/cadres',
    { schema: { tags, summary: 'Thêm cán bộ', body: createCadreBodySchema, response: { 201: cadreProfileSchema } } },
    async (request, reply) => reply.status(201).send(await records.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/cadres/:id',
    { schema: { tags, summary: 'Sửa thông tin cá nhân', params: cadreIdParamsSchema, body: updateCadreBodySchema, response: { 200: cadreProfileSchema } } },
    (request) => records.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/cadres/:id/posts',
    { schema: { tags, summary: 'Thêm giai đoạn giữ chức vụ', params: cadreIdParamsSchema, body: addPostBodySchema, response: { 201: cadreProfileSchema } } },
    async (request, reply) => reply.status(201).send(await posts.addPost(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/cadres/:id/posts/:postId',
    { schema: { tags, summary: 'Sửa dữ liệu của một giai đoạn', params: postParamsSchema, body: updatePostBodySchema, response: { 200: cadreProfileSchema } } },
    (request) => posts.updatePost(actorOf(request), request.params.id, request.params.postId, request.body),
  );

  app.post(
    '/api/cadres/:id/posts/:postId/end',
    { schema: { tags, summary: 'Kết thúc giai đoạn giữ chức vụ', params: postParamsSchema, body: endPostBodySchema, response: { 200: cadreProfileSchema } } },
    (request) => posts.endPost(actorOf(request), request.params.id, request.params.postId, request.body),
  );

  app.delete(
    '/api/cadres/:id/posts/:postId',
    { schema: { tags, summary: 'Xóa giai đoạn ghi nhầm', params: postParamsSchema, response: { 200: cadreProfileSchema } } },
    (request) => posts.deletePost(actorOf(request), request.params.id, request.params.postId),
  );

  app.post(
    '/api/cadres/:id/qualifications',
    { schema: { tags, summary: 'Thêm trình độ', params: cadreIdParamsSchema, body: addQualificationBodySchema, response: { 201: qualificationSchema } } },
    async (request, reply) => reply.status(201).send(await qualifications.addQualification(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/cadres/:id/qualifications/:qid',
    { schema: { tags, summary: 'Xóa trình độ', params: qualificationParamsSchema } },
    async (request, reply) => {
      await qualifications.deleteQualification(actorOf(request), request.params.id, request.params.qid);
      return reply.status(204).send();
    },
  );
};
