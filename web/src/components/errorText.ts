import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';

/** Labels of a form's inputs by field name, so error messages name the field in words. */
export type FieldLabels = Record<string, string>;

/** The input name an API field path points at: `body.newPassword` → `newPassword`. */
export function fieldName(path: string | undefined): string | undefined {
  return path?.split('.').at(-1);
}

/** Turns any thrown value into an ApiError (network failures and bugs become `internal`). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(500, { code: 'internal', message: String(error) });
}

/** Translates an API error by its code, naming the field with the form's label where known. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: unknown, labels: FieldLabels = {}): string => {
    const apiError = asApiError(error);
    const name = fieldName(apiError.field ?? String(apiError.params.field ?? ''));
    const params: Record<string, string | number> = {
      ...apiError.params,
      requestId: apiError.requestId ?? '–',
    };
    if (name) params.field = labels[name] ?? name;
    const key = `errors:${apiError.code}`;
    // Codes this web build does not know yet: the server's message is already in the user's language.
    return i18n.exists(key) ? t(key, params) : apiError.message;
  };
}

/** The translated message for one input when the API error is about it. */
export function useFieldError(error: unknown, labels: FieldLabels) {
  const errorText = useErrorText();
  return (name: string): string | undefined => {
    if (!(error instanceof ApiError) || fieldName(error.field) !== name) return undefined;
    return errorText(error, labels);
  };
}
