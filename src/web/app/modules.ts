import { accountModule } from '../features/account/account.module';
import { auditModule } from '../features/audit/audit.module';
import { cadresModule } from '../features/cadres/cadres.module';
import { complianceModule } from '../features/compliance/compliance.module';
import { homeModule } from '../features/home/home.module';
import { territoryModule } from '../features/territory/territory.module';
import { trainingModule } from '../features/training/training.module';
import { trainingReviewModule } from '../features/training-review/training-review.module';
import { usersModule } from '../features/users/users.module';
import { petitionsModule } from '../features/petitions/petitions.module';
import { grassrootsModule } from '../features/grassroots/grassroots.module';
import { rotationsModule } from '../features/rotations/rotations.module';
import type { AppModule } from './app-module';

/** Every module of the app, in sidebar order. New features add their entry here. */
export const appModules: readonly AppModule[] = [
  homeModule,
  cadresModule,
  complianceModule,
  trainingReviewModule,
  trainingModule,
  petitionsModule,
  grassrootsModule,
  rotationsModule,
  territoryModule,
  usersModule,
  auditModule,
  accountModule,
];
