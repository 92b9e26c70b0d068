import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/api-client';
import { useApiErrorNotice } from '../api/api-errors';

/**
 * Puts the server's per-field messages under the fields they name. Returns
 * false when some problem names no field of this form, so the caller still
 * shows the overall message rather than losing it.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const problems = error.fieldProblems;
  if (problems.length === 0) return false;
  const formFields = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  // The server names where a field came from (`body.fullName`); a form names the field alone.
  const fieldPath = (path: string) => path.replace(/^(body|query)\./, '');
  const placed = problems.filter((problem) => formFields.has(fieldPath(problem.path)));
  form.setFields(placed.map((problem) => ({ name: fieldPath(problem.path).split('.'), errors: [problem.message] })));
  return placed.length === problems.length;
}

/** For a form's `onError`: field messages go under their fields, anything else becomes a notice. */
export function useFormErrorHandler(form: FormInstance): (error: unknown) => void {
  const notifyError = useApiErrorNotice();
  return useCallback(
    (error: unknown) => {
      if (!showFieldErrors(form, error)) notifyError(error);
    },
    [form, notifyError],
  );
}
