import { isMessageKey, type Translate } from '../../app/i18n';

/** Actions the filter offers; the log may hold others, which show under their raw name. */
export const KNOWN_AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'logout',
  'change_password',
  'reset_password',
  'unlock',
  'view',
] as const;

export function auditActionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function auditEntityLabel(entity: string, t: Translate): string {
  const key = `audit.entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };

export function auditActionColor(action: string): string | undefined {
  return ACTION_COLORS[action];
}
