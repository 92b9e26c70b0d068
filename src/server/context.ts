import type { FastifyInstance, FastifyBaseLogger, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config/config.js';
import type { Db } from './db/database.js';

export interface AppContext {
  db: Db;
  config: AppConfig;
  version: string;
}

export type AppInstance = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Each feature exports one of these; `routes.ts` lists them. */
export type FeatureRoutes = (app: AppInstance, context: AppContext) => void;
