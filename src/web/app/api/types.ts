import type { z } from 'zod';
import type { currentUserSchema } from '../../../server/auth/auth.schema';

/** Shapes shared by several features, exactly as the API returns them. */

export type Role = 'admin' | 'province' | 'district' | 'commune' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'province', 'district', 'commune', 'viewer'];

export type UnitLevel = 'country' | 'province' | 'district' | 'commune';

export interface UnitSummary {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
}

/** The signed-in user with the abilities the server's access policy grants; screens offer actions from these alone. */
export type CurrentUser = z.output<typeof currentUserSchema>;
export type SessionAbility = keyof CurrentUser['abilities'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
