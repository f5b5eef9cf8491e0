import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Radios } from '../../components/Fields';
import { PageTitle } from '../../components/PageTitle';
import { SOURCE_LABEL } from './labels';
import {
  ContactStep,
  check,
  type Draft,
  emptyDraft,
  type Errors,
  KindStep,
  toInput,
  WhatStep,
  WhereStep,
} from './report-form';
import { type IntakeInput, STAFF_SOURCES, useEnterReport } from './reports.api';

type StaffSource = IntakeInput['source'];

/**
 * A report taken by phone or in person: a counsellor fills in the same questions on one page, saves, and reads the
 * follow code out to the reporter. Nothing is kept on the device (the counsellor's computer is shared).
 */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const enter = useEnterReport();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(i18n.language));
  const [source, setSource] = useState<StaffSource>('phone');
  const [errors, setErrors] = useState<Errors>({});
  const change = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { ...check(2, draft, t), ...check(3, draft, t), ...check(4, draft, t) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    enter.mutate({ ...toInput(draft), source });
  };

  if (enter.data) {
    return (
      <>
        <PageTitle>{t('reports:intake.title')}</PageTitle>
        <Alert variant="success" role="status" title={t('reports:intake.saved')}>
          <p className="kern-body">{t('reports:intake.codeIntro')}</p>
          <p className="kern-heading-medium app-code" translate="no" dir="ltr" data-testid="intake-code">
            {enter.data.code}
          </p>
        </Alert>
        <p className="kern-body">
          <Link className="kern-link" to={`/reports/${enter.data.id}`}>
            {t('reports:intake.openCase')}
          </Link>
        </p>
      </>
    );
  }

  const part = { draft, change, errors };
  return (
    <>
      <PageTitle>{t('reports:intake.title')}</PageTitle>
      <p className="kern-body">
        <Link className="kern-link" to="/reports">
          {t('reports:case.back')}
        </Link>
      </p>
      <p className="kern-body app-intro">{t('reports:intake.intro')}</p>
      <form className="app-stack app-reports__form" onSubmit={onSubmit} noValidate>
        <Radios
          name="intake-source"
          legend={t('reports:intake.source')}
          value={source}
          options={STAFF_SOURCES.map((s) => ({ value: s, label: t(SOURCE_LABEL[s]) }))}
          onValueChange={(value) => setSource(value as StaffSource)}
        />
        <WhatStep {...part} />
        <WhereStep {...part} />
        <KindStep {...part} />
        <ContactStep {...part} />
        {Object.keys(errors).length > 0 ? (
          <p className="kern-body app-reports__error" role="alert">
            {t('reports:intake.incomplete')}
          </p>
        ) : null}
        <ErrorAlert error={enter.error} />
        <div className="app-reports__buttons">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={enter.isPending}>
            <span className="kern-label">{t('reports:intake.save')}</span>
          </button>
        </div>
      </form>
    </>
  );
}
