import type { Role } from '../auth/auth.tables.js';
import type { UnitLevel } from '../territory/territory.tables.js';

/** The signed-in user as every service sees them. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string;
  unitLevel: UnitLevel;
  canViewSensitive: boolean;
  ip: string | null;
}
