import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Checkbox } from '../../components/Fields';
import type { ServiceBody } from './editor.api';
import { ErrorSummary, useFormErrorText } from './ErrorSummary';
import { bodyOf, type FormState, inputIdOf, pathOf } from './form';
import { AboutFields } from './service-form/AboutFields';
import { ContactFields } from './service-form/ContactFields';
import { DetailsFields } from './service-form/DetailsFields';
import { EventsEditor } from './service-form/EventsEditor';
import { LocationFields } from './service-form/LocationFields';
import { ScheduleEditor } from './service-form/ScheduleEditor';
import { TranslationsSection } from './service-form/TranslationsSection';
import { useFieldLabel } from './service-form/useFieldLabel';
import type { City } from '../../app/city';

interface ServiceFormProps {
  initial: FormState;
  isNew: boolean;
  /** Languages whose translations are older than the German text. */
  outdated: readonly string[];
  /** Coordinators choose the organisation; editors write for their own. */
  organisations: { id: string; name: string }[] | null;
  city: City | undefined;
  saving: boolean;
  error: unknown;
  onSave: (body: ServiceBody) => void;
}

/**
 * Everything about an offer, in groups; German first, then a section per translation language. The form holds
 * the state; each group (service-form/) gets its slice, an onChange that merges a change, and the error lookup.
 */
export function ServiceForm({
  initial,
  isNew,
  outdated,
  organisations,
  city,
  saving,
  error,
  onSave,
}: ServiceFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const onChange = (change: Partial<FormState>) => setForm((current) => ({ ...current, ...change }));

  const labelOf = useFieldLabel();
  const errorText = useFormErrorText(labelOf);
  const errorPath = error instanceof ApiError ? pathOf(error.field) : undefined;
  /** The message for the input at `path` (or a group around it) when the last save failed there. */
  const errorAt = (path: string): string | undefined => {
    if (!(error instanceof ApiError) || !errorPath) return undefined;
    return errorPath === path || errorPath.startsWith(`${path}.`) ? errorText(error) : undefined;
  };
  const part = { value: form, onChange, errorAt };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(bodyOf(form));
  };

  return (
    <form className="app-form app-form--wide app-editor" onSubmit={onSubmit} noValidate>
      <ErrorSummary error={error} labelOf={labelOf} />
      <p className="kern-body">{t('directory-editor:form.requiredNote')}</p>
      <AboutFields {...part} organisations={organisations} />
      <DetailsFields {...part} />
      <ContactFields {...part} />
      <LocationFields {...part} city={city} />
      <ScheduleEditor {...part} />
      <EventsEditor {...part} />
      <TranslationsSection {...part} errorPath={errorPath} outdated={outdated} />

      {isNew ? null : (
        <div className="app-editor__group">
          <Checkbox
            id={inputIdOf('minor')}
            label={t('directory-editor:fields.minor')}
            describedBy="svc-minor-hint"
            checked={form.minor}
            onChange={(minor) => onChange({ minor })}
          />
          <p className="kern-hint" id="svc-minor-hint">
            {t('directory-editor:fields.minorHint')}
          </p>
        </div>
      )}

      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={saving}>
          <span className="kern-label">
            {isNew ? t('directory-editor:form.create') : t('directory-editor:form.save')}
          </span>
        </button>
      </div>
    </form>
  );
}
