import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import {
  createUserBodySchema,
  listUsersQuerySchema,
  listUsersResponseSchema,
  managedUserSchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userIdParamsSchema,
} from './users.schema.js';
import { UsersService } from './users.service.js';

export const usersRoutes: FeatureRoutes = (app, context) => {
  const users = new UsersService(context);
  const tags = ['users'];

  app.get(
    '/api/users',
    { schema: { tags, summary: 'Danh sách tài khoản', querystring: listUsersQuerySchema, response: { 200: listUsersResponseSchema } } },
    (request) => users.list(actorOf(request), request.query),
  );

  app.post(
    '/api/users',
    { schema: { tags, summary: 'Tạo tài khoản', body: createUserBodySchema, response: { 201: managedUserSchema } } },
    async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: 'Sửa tài khoản', params: userIdParamsSchema, body: updateUserBodySchema, response: { 200: managedUserSchema } } },
    (request) => users.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/password',
    { schema: { tags, summary: 'Đặt lại mật khẩu', params: userIdParamsSchema, body: resetPasswordBodySchema } },
    async (request, reply) => {
      await users.resetPassword(actorOf(request), request.params.id, request.body.newPassword);
      return reply.status(204).send();
    },
  );

  app.post('/api/users/:id/unlock', { schema: { tags, summary: 'Mở khóa tài khoản', params: userIdParamsSchema } }, async (request, reply) => {
    await users.unlock(actorOf(request), request.params.id);
    return reply.status(204).send();
  });
};
