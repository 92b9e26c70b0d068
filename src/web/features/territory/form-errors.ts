import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../app/api/api-client';
import { describeApiError } from '../../app/api/api-errors';
import { showFieldErrors } from '../../app/forms/server-errors';
import { useT } from '../../app/i18n';

/**
 * Field messages go under their fields; anything else (a rule the service
 * checks, such as a period outside the commune's) stays visible above the
 * form's buttons until the next attempt, instead of a toast that fades.
 */
export function useServerFormErrors(form: FormInstance) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const handleError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.fieldProblems.length > 0 && showFieldErrors(form, error)) {
        setFormError(null);
        return;
      }
      setFormError(describeApiError(error, t));
    },
    [form, t],
  );
  const clearFormError = useCallback(() => setFormError(null), []);
  return { formError, handleError, clearFormError };
}
