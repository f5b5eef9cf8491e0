import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { asApiError, type FieldLabels, useErrorText } from './errorText';

interface ErrorAlertProps {
  /** An API error (translated by code) or an already translated message from a client-side check. */
  error: unknown;
  /** The form's input labels by name, so the message names the field in words. */
  fieldLabels?: FieldLabels;
  /** Move keyboard focus to the alert when it appears (after a failed submit). */
  focus?: boolean;
}

/** Shows an API error translated by its code; for server faults also the request id to quote. */
export function ErrorAlert({ error, fieldLabels, focus = true }: ErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error && focus) ref.current?.focus();
  }, [error, focus]);

  if (!error) return null;
  if (typeof error === 'string') {
    return (
      <Alert variant="danger" role="alert" title={t('common:error.title')} ref={ref}>
        <p className="kern-body">{error}</p>
      </Alert>
    );
  }
  const apiError = asApiError(error);
  const showRequestId = apiError.status >= 500 && apiError.requestId && apiError.code !== 'internal';
  return (
    <Alert variant="danger" role="alert" title={t('common:error.title')} ref={ref}>
      <p className="kern-body">{errorText(apiError, fieldLabels)}</p>
      {showRequestId ? (
        <p className="kern-body kern-body--small">
          {t('common:error.requestId', { requestId: apiError.requestId })}
        </p>
      ) : null}
    </Alert>
  );
}
