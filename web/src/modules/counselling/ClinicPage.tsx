import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Checkbox, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import {
  type SharedReferral,
  useClinicReferrals,
  useRecordVisit,
  useReferralStatus,
} from './counselling.api';
import { FIELD_LABEL, OUTCOME_LABEL, STATUS_LABEL, TOPIC_LABEL } from './labels';

/** The clinic's page: referrals to the clinic (only what was shared, while the consent holds), and visits. */
export function ClinicPage() {
  const { t } = useTranslation();
  const referrals = useClinicReferrals();
  return (
    <>
      <PageTitle>{t('counselling:clinic.title')}</PageTitle>
      <p className="kern-body">{t('counselling:clinic.intro')}</p>
      <ErrorAlert error={referrals.error} focus={false} />
      {referrals.isPending ? <Loading /> : null}
      {referrals.data?.items.length === 0 ? (
        <p className="kern-body">{t('counselling:clinic.none')}</p>
      ) : null}
      {referrals.data?.items.map((referral) => (
        <ReferralCard key={referral.id} referral={referral} />
      ))}
    </>
  );
}

function ReferralCard({ referral }: { referral: SharedReferral }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const status = useReferralStatus();
  const visit = useRecordVisit();
  const [visitedOn, setVisitedOn] = useState(dates.today());
  const [referredToClearing, setReferred] = useState(false);
  const shared = referral.shared;
  const headingId = `referral-${referral.id}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    visit.mutate({ id: referral.id, visitedOn, referredToClearing });
  };
  return (
    <section className="app-section app-counselling__card" aria-labelledby={headingId}>
      <h2 className="kern-heading-medium" id={headingId} dir="auto">
        {shared.name ?? t('counselling:clinic.unnamed')}
      </h2>
      <p className="kern-body">
        {referral.fromService} · {referral.purpose} · {t(STATUS_LABEL[referral.status])}
      </p>
      <dl className="app-counselling__facts">
        {shared.birthDate !== undefined ? (
          <>
            <dt>{t(FIELD_LABEL.birthDate)}</dt>
            <dd>{shared.birthDate ? dates.date(shared.birthDate) : '–'}</dd>
          </>
        ) : null}
        {shared.languages ? (
          <>
            <dt>{t(FIELD_LABEL.languages)}</dt>
            <dd>{languages.listOf(shared.languages)}</dd>
          </>
        ) : null}
        {shared.phone !== undefined ? (
          <>
            <dt>{t(FIELD_LABEL.phone)}</dt>
            <dd dir="ltr">{shared.phone ?? '–'}</dd>
          </>
        ) : null}
        {shared.topics ? (
          <>
            <dt>{t(FIELD_LABEL.topics)}</dt>
            <dd>{shared.topics.map((x) => t(TOPIC_LABEL[x])).join(', ')}</dd>
          </>
        ) : null}
        {shared.insurance !== undefined ? (
          <>
            <dt>{t(FIELD_LABEL.insurance)}</dt>
            <dd>{shared.insurance ? t(OUTCOME_LABEL[shared.insurance]) : '–'}</dd>
          </>
        ) : null}
        <dt>{t('counselling:clinic.until')}</dt>
        <dd>{dates.date(referral.consentExpiresAt)}</dd>
      </dl>
      {referral.visits.map((v) => (
        <p className="kern-body kern-body--small" key={v.visitedOn}>
          {t(v.referredToClearing ? 'counselling:case.visitReferred' : 'counselling:case.visit', {
            date: dates.date(v.visitedOn),
            clinic: v.clinicName,
          })}
        </p>
      ))}
      {referral.status === 'sent' ? (
        <div className="app-counselling__actions">
          <button
            className="kern-btn kern-btn--primary"
            type="button"
            onClick={() => status.mutate({ id: referral.id, status: 'accepted' })}
          >
            <span className="kern-label">{t('counselling:clinic.accept')}</span>
          </button>
          <button
            className="kern-btn kern-btn--secondary"
            type="button"
            onClick={() => status.mutate({ id: referral.id, status: 'declined' })}
          >
            <span className="kern-label">{t('counselling:clinic.decline')}</span>
          </button>
        </div>
      ) : null}
      <ErrorAlert error={status.error} />
      <form
        className="app-stack"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('counselling:clinic.recordVisit')}
      >
        <p className="kern-body kern-body--small">{t('counselling:clinic.noDiagnosis')}</p>
        <TextInput
          id={`visit-date-${referral.id}`}
          name="visitedOn"
          type="date"
          label={t('counselling:clinic.visitedOn')}
          value={visitedOn}
          onValueChange={setVisitedOn}
        />
        <Checkbox
          id={`visit-referred-${referral.id}`}
          label={t('counselling:clinic.referredToClearing')}
          checked={referredToClearing}
          onChange={setReferred}
        />
        <ErrorAlert error={visit.error} />
        <div>
          <button className="kern-btn kern-btn--secondary" type="submit" disabled={visit.isPending}>
            <span className="kern-label">{t('counselling:clinic.recordVisit')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
