import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../app/api/api-client';
import { describeApiError } from '../../app/api/api-errors';
import { showFieldErrors } from '../../app/forms/server-errors';
import { useT } from '../../app/i18n';

/** Errors the server reports by id that belong under one field of the form. */
const FIELD_OF_ERROR: Record<string, string> = {
  CADRE_PERSONAL_ID_TAKEN: 'personalId',
  CADRE_POST_OVERLAP: 'startDate',
};

/** A conflict the server names by id, put under the field it is about. */
function withFieldOfId(error: ApiError): ApiError {
  const field = FIELD_OF_ERROR[error.id];
  if (!field || error.fieldProblems.length > 0) return error;
  return new ApiError(error.status, error.id, error.message, { fields: [{ path: field, message: error.message }] });
}

/**
 * Field messages go under their fields; anything else (a rule the service
 * checks across fields) stays visible above the form's buttons until the next
 * attempt, instead of a notice that fades before it is read.
 */
export function useServerFormErrors(form: FormInstance) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const handleError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && showFieldErrors(form, withFieldOfId(error))) {
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
