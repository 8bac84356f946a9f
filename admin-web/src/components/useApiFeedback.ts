import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { describeError, isApiError, mapErrorToFormFields } from '../api';

/**
 * Shows a failed call to the user: field errors go onto the form's fields, everything else into a toast.
 * `codeToField` routes business codes about one field (e.g. STAFF_USERNAME_TAKEN → username) onto it.
 */
export function useApiFeedback() {
  const { message } = App.useApp();

  const showError = useCallback((error: unknown) => void message.error(describeError(error)), [message]);

  const showFormError = useCallback(
    (
      form: FormInstance,
      error: unknown,
      fieldNames: readonly string[],
      codeToField: Readonly<Record<string, string>> = {},
    ) => {
      if (!isApiError(error)) return showError(error);
      const mapped = mapErrorToFormFields(error.body, fieldNames, codeToField);
      if (mapped.fields.length > 0) form.setFields(mapped.fields);
      if (mapped.unmatched.length > 0) void message.error(mapped.unmatched.join('；'));
      else if (mapped.fields.length === 0) showError(error);
    },
    [message, showError],
  );

  return { message, showError, showFormError };
}
