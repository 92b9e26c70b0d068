import type { Role } from '../api/types';
import type { MessageKey } from '../i18n';

export function roleLabelKey(role: Role): MessageKey {
  return `role.${role}`;
}
