import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { useFieldError } from '../../components/errorText';
import { type OnboardingItem, useRecordStep } from './guides.api';
import { ONBOARDING_STEPS, STEP_LABEL, STEP_STATUS_LABEL, type OnboardingStep } from './labels';
import { Select, TextInput } from '../../components/Fields';
import { Badge } from './display';
import { useCityTime } from '../../app/time';

const STATUS_BADGE: Record<string, string> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'danger',
  missing: 'danger',
};

/** Onboarding steps with date, expiry and status; coordinators also record a step (`guideId`). */
export function Onboarding({ items, guideId }: { items: OnboardingItem[]; guideId?: string }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  return (
    <section className="app-section" aria-labelledby="onboarding-heading">
      <h2 className="kern-heading-medium" id="onboarding-heading">
        {t('guides:onboarding.title')}
      </h2>
      <p className="kern-body">{t('guides:onboarding.intro')}</p>
      <TableScroll labelledBy="onboarding-caption">
        <table className="kern-table kern-table--small app-guides-narrow-table">
          <caption className="kern-sr-only" id="onboarding-caption">
            {t('guides:onboarding.title')}
          </caption>
          <thead>
            <tr className="kern-table__row">
              <th className="kern-table__header" scope="col">
                {t('guides:onboarding.step')}
              </th>
              <th className="kern-table__header" scope="col">
                {t('guides:onboarding.completed')}
              </th>
              <th className="kern-table__header" scope="col">
                {t('guides:onboarding.expires')}
              </th>
              <th className="kern-table__header" scope="col">
                {t('guides:onboarding.status')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {items.map((item) => (
              <tr className="kern-table__row" key={item.step}>
                <th className="kern-table__cell" scope="row">
                  {t(STEP_LABEL[item.step as OnboardingStep] ?? STEP_LABEL.interview)}
                </th>
                <td className="kern-table__cell">{item.completedOn ? dates.date(item.completedOn) : '–'}</td>
                <td className="kern-table__cell">{item.expiresOn ? dates.date(item.expiresOn) : '–'}</td>
                <td className="kern-table__cell">
                  <Badge variant={STATUS_BADGE[item.status] ?? 'info'}>
                    {t(STEP_STATUS_LABEL[item.status] ?? 'guides:stepStatus.missing')}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {guideId ? <RecordStep guideId={guideId} /> : null}
    </section>
  );
}

function RecordStep({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const record = useRecordStep(guideId);
  const [step, setStep] = useState<OnboardingStep>('interview');
  const [completedOn, setCompletedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const labels = { completedOn: t('guides:onboarding.completed'), expiresOn: t('guides:onboarding.expires') };
  const fieldError = useFieldError(record.error, labels);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ step, completedOn, expiresOn: expiresOn || null });
  };
  return (
    <form className="app-form" onSubmit={onSubmit} noValidate>
      <h3 className="kern-heading-small">{t('guides:onboarding.record')}</h3>
      <ErrorAlert error={record.error} fieldLabels={labels} />
      {record.isSuccess ? (
        <p className="kern-body" role="status">
          {t('guides:onboarding.recorded')}
        </p>
      ) : null}
      <div className="app-form__grid">
        <Select
          id="record-step"
          name="step"
          label={t('guides:onboarding.step')}
          value={step}
          options={ONBOARDING_STEPS.map((value) => ({ value, label: t(STEP_LABEL[value]) }))}
          onValueChange={(value) => setStep(value as OnboardingStep)}
        />
        <TextInput
          id="record-completed"
          name="completedOn"
          type="date"
          label={labels.completedOn}
          value={completedOn}
          onValueChange={setCompletedOn}
          error={fieldError('completedOn')}
        />
        <TextInput
          id="record-expires"
          name="expiresOn"
          type="date"
          label={labels.expiresOn}
          value={expiresOn}
          onValueChange={setExpiresOn}
          error={fieldError('expiresOn')}
          optional
        />
      </div>
      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--secondary" disabled={record.isPending}>
          <span className="kern-label">{t('guides:onboarding.save')}</span>
        </button>
      </div>
    </form>
  );
}
