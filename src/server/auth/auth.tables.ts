import type { ColumnType, Generated } from 'kysely';

export type Role = 'admin' | 'province' | 'district' | 'commune' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'province', 'district', 'commune', 'viewer'];

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  role: Role;
  unit_id: string;
  can_view_sensitive: Generated<boolean>;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface IdentityTables {
  app_user: AppUserTable;
  user_session: UserSessionTable;
}
