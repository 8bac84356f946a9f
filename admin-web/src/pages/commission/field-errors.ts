import { ApiError, isApiError } from '../../api';

/**
 * The same error with its field paths renamed to the form's (the API speaks fen and basis points, the forms
 * 元 and percent), ready for useApiFeedback.showFormError. Errors without fields pass through unchanged.
 */
export function renameErrorFields(error: unknown, rename: (field: string) => string): unknown {
  if (!isApiError(error) || !error.body.fields?.length) return error;
  return new ApiError(error.status, {
    ...error.body,
    fields: error.body.fields.map((f) => ({ ...f, field: rename(f.field) })),
  });
}
