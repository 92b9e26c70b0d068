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

export interface CurrentUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unit: UnitSummary;
  mustChangePassword: boolean;
  permissions: { viewSensitive: boolean };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
