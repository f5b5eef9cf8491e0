import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../components/errorText';
import { inputIdOf, pathOf } from './form';

/** The element an error path points at, or the nearest group around it (`languages.2` → the languages group). */
export function targetOf(path: string): HTMLElement | null {
  const parts = path.split('.');
  while (parts.length) {
    const element = document.getElementById(inputIdOf(parts.join('.')));
    if (element) {
      if (element.tagName === 'FIELDSET')
        return element.querySelector<HTMLElement>('input, select, textarea') ?? element;
      return element;
    }
    parts.pop();
  }
  return null;
}

/** Translates an API error, naming its field by the label of the path (`location.postcode` → "Postleitzahl"). */
export function useFormErrorText(labelOf: (path: string) => string) {
  const errorText = useErrorText();
  return (error: ApiError): string => {
    const path = pathOf(error.field);
    if (!path) return errorText(error);
    const relabelled = new ApiError(error.status, {
      code: error.code,
      message: error.message,
      field: 'field',
      params: error.params,
      requestId: error.requestId,
    });
    return errorText(relabelled, { field: labelOf(path) });
  };
}

/**
 * The error summary above a form: it takes focus after a failed save and links to the input the error is
 * about; errors not about an input are shown like everywhere else.
 */
export function ErrorSummary({ error, labelOf }: { error: unknown; labelOf: (path: string) => string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const text = useFormErrorText(labelOf);
  const path = error instanceof ApiError ? pathOf(error.field) : undefined;

  useEffect(() => {
    if (error && path) ref.current?.focus();
  }, [error, path]);

  if (!error) return null;
  if (!(error instanceof ApiError) || !path) return <ErrorAlert error={error} />;
  const message = text(error);
  return (
    <Alert variant="danger" role="alert" title={t('directory-editor:form.errorSummary')} ref={ref}>
      <ul className="app-editor__summary">
        <li>
          <a
            className="kern-link"
            href={`#${inputIdOf(path)}`}
            onClick={(event) => {
              event.preventDefault();
              const target = targetOf(path);
              target?.scrollIntoView({ block: 'center' });
              target?.focus();
            }}
          >
            {message}
          </a>
        </li>
      </ul>
    </Alert>
  );
}
