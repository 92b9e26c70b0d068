import type { ReactNode } from 'react';
import type { SessionAbility } from '../api/types';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { useCurrentUser } from './session';

/** Opens the page when the server granted the ability (or none is needed). */
export function RequireAbility({ ability, children }: { ability: SessionAbility | undefined; children: ReactNode }) {
  const { abilities } = useCurrentUser();
  return !ability || abilities[ability] ? children : <ForbiddenPage />;
}
