import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import type { AppContext, AppInstance } from '../context.js';
import { AppError } from '../http/errors.js';
import { AuthService } from './auth.service.js';

export const SESSION_COOKIE = 'canboxa_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** All an account may do while it still has the password an administrator issued: see who it is, change it, leave. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);

function sameToken(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Without a session there is no token to check, so a browser must at least prove the request is same-origin. */
function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  return request.actor;
}

export function registerAuthentication(app: AppInstance, context: AppContext): void {
  const auth = new AuthService(context);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    let mustChangePassword = false;
    if (token && token.length <= 100) {
      const session = await auth.actorForSession(token, request.ip ?? null);
      if (session) {
        request.actor = session.actor;
        request.sessionToken = token;
        request.csrfToken = session.csrfToken;
        mustChangePassword = session.mustChangePassword;
      }
    }
    const isPublic = request.routeOptions.config?.public === true || request.url.startsWith('/api/docs');
    if (!isPublic && !request.actor) throw new AppError('AUTH_REQUIRED');
    if (!isPublic && mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${request.method} ${request.routeOptions.url}`)) {
      throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
    }
    if (SAFE_METHODS.has(request.method)) return;
    if (request.csrfToken) {
      const given = request.headers[CSRF_HEADER];
      if (!sameToken(request.csrfToken, Array.isArray(given) ? given[0] : given)) throw new AppError('CSRF_FAILED');
    } else if (isCrossSite(request)) {
      throw new AppError('CSRF_FAILED');
    }
  });
}
