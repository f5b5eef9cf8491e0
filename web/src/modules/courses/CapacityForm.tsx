import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextInput } from '../../components/Fields';
import { useFieldError } from '../../components/errorText';
import { type Course, useChangeCapacity } from './courses.api';

/** The provider changes a course's places; raised, the first on the waiting list get offers in order. */
export function CapacityForm({ course }: { course: Course }) {
  const { t } = useTranslation();
  const save = useChangeCapacity(course.id);
  const [capacity, setCapacity] = useState(String(course.capacity));
  const [childcare, setChildcare] = useState(String(course.childcarePlaces));
  const labels = {
    capacity: t('courses:manage.capacity'),
    childcarePlaces: t('courses:manage.childcarePlaces'),
  };
  const serverField = useFieldError(save.error, labels);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ capacity: Number(capacity), childcarePlaces: Number(childcare) });
  }

  return (
    <form
      className="app-stack app-courses__form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="capacity-heading"
    >
      <h2 className="kern-heading-small" id="capacity-heading">
        {t('courses:manage.capacityTitle')}
      </h2>
      <p className="kern-body kern-body--small">{t('courses:manage.capacityHint')}</p>
      <TextInput
        id="capacity-places"
        name="capacity"
        type="number"
        min={1}
        label={labels.capacity}
        value={capacity}
        onValueChange={setCapacity}
        error={serverField('capacity')}
      />
      <TextInput
        id="capacity-childcare"
        name="childcarePlaces"
        type="number"
        min={0}
        label={labels.childcarePlaces}
        value={childcare}
        onValueChange={setChildcare}
        error={serverField('childcarePlaces')}
      />
      {serverField('capacity') || serverField('childcarePlaces') ? null : <ErrorAlert error={save.error} />}
      {save.isSuccess ? (
        <Alert variant="success" title={t('courses:manage.capacitySaved')} role="status" />
      ) : null}
      <div>
        <button type="submit" className="kern-btn kern-btn--secondary" disabled={save.isPending}>
          <span className="kern-label">{t('courses:manage.capacitySave')}</span>
        </button>
      </div>
    </form>
  );
}
