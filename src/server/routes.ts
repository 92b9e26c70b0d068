import { auditRoutes } from './audit/audit.routes.js';
import { communeProfileRoutes } from './commune-profile/commune-profile.routes.js';
import { complianceRoutes } from './compliance/compliance.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { cadresRoutes } from './cadres/cadres.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import type { FeatureRoutes } from './context.js';
import { healthRoutes } from './health/health.routes.js';
import { territoryRoutes } from './territory/territory.routes.js';
import { trainingRoutes } from './training/training.routes.js';
import { trainingReviewRoutes } from './training-review/training-review.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { partyOrganizationsRoutes } from './party-organizations/party-organizations.routes.js';
import { villagesRoutes } from './villages/villages.routes.js';
import { petitionsRoutes } from './petitions/petitions.routes.js';
import { grassrootsRoutes } from './grassroots/grassroots.routes.js';
import { partyCellsRoutes } from './party-cells/party-cells.routes.js';
import { rotationsRoutes } from './rotations/rotations.routes.js';
import { evaluationsRoutes } from './evaluations/evaluations.routes.js';
import { successionRoutes } from './succession/succession.routes.js';

/** Every feature's routes; a new feature adds one line. */
export const featureRoutes: FeatureRoutes[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  auditRoutes,
  territoryRoutes,
  cadresRoutes,
  importsRoutes,
  villagesRoutes,
  partyOrganizationsRoutes,
  communeProfileRoutes,
  complianceRoutes,
  trainingReviewRoutes,
  trainingRoutes,
  dashboardRoutes,
  petitionsRoutes,
  grassrootsRoutes,
  partyCellsRoutes,
  rotationsRoutes,
  evaluationsRoutes,
  successionRoutes,
];
