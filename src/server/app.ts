import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuthentication } from './auth/auth.hook.js';
import { serializingCachedAnswersOnce } from './cache/answer-cache.js';
import { dataChangesOf } from './cache/data-changes.js';
import type { AppContext, AppInstance } from './context.js';
import { registerErrorHandler } from './http/error-handler.js';
import { featureRoutes } from './routes.js';

z.config(z.locales.vi());

export interface BuildAppOptions {
  logger?: boolean;
}

export const MAX_JSON_BODY_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger ? { level: context.config.logLevel } : false,
    trustProxy: context.config.trustProxy,
    bodyLimit: MAX_JSON_BODY_BYTES,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A URL the router rejects (too long a parameter, bad encoding) gets the same error shape as the rest.
    frameworkErrors: (_error, _request, reply: FastifyReply) => {
      void reply.status(400).send({ error: { id: 'BAD_REQUEST', message: 'Đường dẫn yêu cầu không hợp lệ hoặc quá dài' } });
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler((route: Parameters<typeof serializerCompiler>[0]) => serializingCachedAnswersOnce(serializerCompiler(route)));
  registerErrorHandler(app);
  // Public routes say so in the OpenAPI document too, from the same flag the session check reads.
  app.addHook('onRoute', (route) => {
    if (route.config?.public && route.schema) route.schema = { ...route.schema, security: [] };
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: context.config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, parts: 25 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cán bộ xã API',
        description: 'API của hệ thống phát triển và quản lý đội ngũ cán bộ chủ chốt cấp xã',
        version: context.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'canboxa_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  // Cached answers and sessions are served only while this instance hears of every committed change.
  await dataChangesOf(context.db)?.start();
  registerAuthentication(app, context);

  await app.register(async (api) => {
    const typed = api.withTypeProvider<ZodTypeProvider>();
    for (const register of featureRoutes) register(typed, context);
  });

  serveWebApp(app, context.config.webDistDir);
  return app;
}

/** The built SPA at `/`; any other non-API GET falls back to index.html for client-side routes. */
function serveWebApp(app: AppInstance, webDistDir: string): void {
  const indexFile = path.join(webDistDir, 'index.html');
  if (!existsSync(indexFile)) return;
  void app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: 'index.html', maxAge: '1h' });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
