import type { FormRule } from 'antd';
import type { Translate } from '../i18n';

import { MIN_PASSWORD_LENGTH } from '../../../core/password-policy';

export { MIN_PASSWORD_LENGTH };

export function newPasswordRules(t: Translate): FormRule[] {
  return [
    { required: true, message: t('password.required') },
    { min: MIN_PASSWORD_LENGTH, message: t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) },
  ];
}

/** The confirmation field must repeat `passwordField` exactly. */
export function confirmPasswordRules(t: Translate, passwordField: string): FormRule[] {
  return [
    { required: true, message: t('password.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: (_rule, value: unknown) =>
        !value || value === getFieldValue(passwordField) ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
    }),
  ];
}
