import type { Role } from '../api/types';
import type { MessageKey } from '../i18n';

export function roleLabelKey(role: Role): MessageKey {
  return `role.${role}`;
}

/** `allowed` left out means every signed-in user. */
export function isRoleAllowed(role: Role, allowed: readonly Role[] | undefined): boolean {
  return !allowed || allowed.includes(role);
}
