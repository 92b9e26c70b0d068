import type { FeatureRoutes } from '../context.js';
import { AppError } from '../http/errors.js';
import { SESSION_COOKIE, actorOf } from './auth.hook.js';
import { changePasswordBodySchema, loginBodySchema, sessionResponseSchema } from './auth.schema.js';
import { AuthService } from './auth.service.js';

export const authRoutes: FeatureRoutes = (app, context) => {
  const auth = new AuthService(context);
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: context.config.secureCookies,
    maxAge: context.config.sessionTtlHours * 3600,
  };

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: context.config.loginAttemptsPerMinutePerAddress, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: loginBodySchema, response: { 200: sessionResponseSchema } },
    },
    async (request, reply) => {
      const result = await auth.login(request.body.username, request.body.password, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
      });
      void reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' } }, async (request, reply) => {
    await auth.logout(actorOf(request), request.sessionToken!);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: sessionResponseSchema } } }, async (request) => {
    const user = await auth.me(actorOf(request));
    if (!request.csrfToken) throw new AppError('AUTH_REQUIRED');
    return { user, csrfToken: request.csrfToken };
  });

  app.post('/api/auth/password', { schema: { tags: ['auth'], summary: 'Đổi mật khẩu của mình', body: changePasswordBodySchema } }, async (request, reply) => {
    await auth.changeOwnPassword(actorOf(request), request.sessionToken!, request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send();
  });
};
