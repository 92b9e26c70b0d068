import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { isRoleAllowed } from './roles';
import { useCurrentUser } from './session';

export function RequireRole({ roles, children }: { roles: readonly Role[] | undefined; children: ReactNode }) {
  const user = useCurrentUser();
  return isRoleAllowed(user.role, roles) ? children : <ForbiddenPage />;
}
