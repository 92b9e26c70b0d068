import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import type { FeatureRoutes } from './context.js';
import { healthRoutes } from './health/health.routes.js';
import { usersRoutes } from './users/users.routes.js';

/** Every feature's routes; a new feature adds one line. */
export const featureRoutes: FeatureRoutes[] = [healthRoutes, authRoutes, usersRoutes, auditRoutes];
