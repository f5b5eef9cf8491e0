import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckGroup, Checkbox, Checkboxes, Select, TextArea, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import {
  type Case,
  DOCUMENTS,
  type DocumentKind,
  HEALTH_CHECKS,
  HEALTH_OUTCOMES,
  type HealthCheck,
  type HealthOutcome,
  SHARED_FIELDS,
  type SharedField,
  useAddNote,
  useBreakGlass,
  paths,
  useCase,
  useEraseCase,
  useRefer,
  useUpdateCase,
} from './counselling.api';
import {
  CHECK_LABEL,
  DOCUMENT_LABEL,
  FIELD_LABEL,
  OUTCOME_LABEL,
  RELATION_LABEL,
  STATUS_LABEL,
  TOPIC_LABEL,
} from './labels';

/** One case: the person, the health-insurance checklist, notes, referrals with their state, closure. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const found = useCase(id);
  const glass = useBreakGlass(id);
  const forbidden = found.error instanceof ApiError && found.error.status === 403;
  const item = found.data ?? glass.data;
  return (
    <>
      <PageTitle>{item?.person.name ?? t('counselling:case.title')}</PageTitle>
      {forbidden ? null : <ErrorAlert error={found.error} focus={false} />}
      {found.isPending ? <Loading /> : null}
      {forbidden && !glass.data ? <BreakGlass glass={glass} /> : null}
      {glass.data ? (
        <div className="kern-alert kern-alert--warning" role="status">
          <div className="kern-alert__body">
            <p className="kern-body">{t('counselling:breakGlass.opened')}</p>
          </div>
        </div>
      ) : null}
      {item ? <CaseBody item={item} readOnly={glass.data !== undefined} /> : null}
    </>
  );
}

/** A case of another service: a lead counsellor may open it in an emergency, giving a reason. */
function BreakGlass({ glass }: { glass: ReturnType<typeof useBreakGlass> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const serverField = useFieldError(glass.error, { reason: t('counselling:breakGlass.reason') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    glass.mutate({ reason });
  };
  return (
    <section className="app-section" aria-labelledby="break-glass-heading">
      <h2 className="kern-heading-medium" id="break-glass-heading">
        {t('counselling:breakGlass.heading')}
      </h2>
      <p className="kern-body">{t('counselling:breakGlass.otherService')}</p>
      <p className="kern-body">{t('counselling:breakGlass.explain')}</p>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <TextArea
          id="break-glass-reason"
          name="reason"
          label={t('counselling:breakGlass.reason')}
          hint={t('counselling:breakGlass.reasonHint')}
          value={reason}
          onValueChange={setReason}
          error={serverField('reason')}
        />
        {glass.error instanceof ApiError && glass.error.field ? null : <ErrorAlert error={glass.error} />}
        <div>
          <button className="kern-btn kern-btn--primary" type="submit" disabled={glass.isPending}>
            <span className="kern-label">{t('counselling:breakGlass.submit')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

/** Lead counsellors of other services who opened this case by break-glass. */
function BreakGlassAccesses({ item }: { item: Case }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  if (item.breakGlass.length === 0) return null;
  return (
    <section className="app-section" aria-labelledby="break-glass-accesses">
      <h2 className="kern-heading-medium" id="break-glass-accesses">
        {t('counselling:breakGlass.onCase')}
      </h2>
      <ul className="kern-list" data-testid="break-glass-accesses">
        {item.breakGlass.map((access) => (
          <li key={access.at}>
            <span className="kern-body kern-body--small">
              {dates.dateTime(access.at)} · {access.by || t('counselling:breakGlass.erased')} (
              {access.organisationName})
            </span>
            <p className="kern-body" dir="auto">
              {access.reason}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseBody({ item, readOnly = false }: { item: Case; readOnly?: boolean }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const open = item.status === 'open';
  return (
    <>
      <p className="kern-body" data-testid="case-status">
        <span className="kern-badge kern-badge--info">
          <span className="kern-label">{t(STATUS_LABEL[item.status])}</span>
        </span>{' '}
        {item.serviceName}
      </p>
      <dl className="app-counselling__facts">
        <dt>{t('counselling:case.birthDate')}</dt>
        <dd>{item.person.birthDate ? dates.date(item.person.birthDate) : '–'}</dd>
        <dt>{t('counselling:case.languages')}</dt>
        <dd>{languages.listOf(item.person.languages)}</dd>
        <dt>{t('counselling:case.address')}</dt>
        <dd dir="auto">
          {item.person.noFixedAddress ? t('counselling:open.noFixedAddress') : (item.person.address ?? '–')}
        </dd>
        <dt>{t('counselling:book.phone')}</dt>
        <dd dir="ltr">{item.person.phone ?? '–'}</dd>
        <dt>{t('counselling:open.household')}</dt>
        <dd>
          {item.person.household.length === 0 ? (
            '–'
          ) : (
            <ul className="kern-list" data-testid="case-household">
              {item.person.household.map((member) => (
                <li key={`${member.name}-${member.relation}-${member.birthDate ?? ''}`}>
                  <span dir="auto">{member.name}</span> · {t(RELATION_LABEL[member.relation])}
                  {member.birthDate ? ` · ${dates.date(member.birthDate)}` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('counselling:case.topics')}</dt>
        <dd>{item.topics.map((x) => t(TOPIC_LABEL[x])).join(', ')}</dd>
        <dt>{t('counselling:case.consentUntil')}</dt>
        <dd>{dates.date(item.consentExpiresAt)}</dd>
      </dl>
      <BreakGlassAccesses item={item} />
      {item.topics.includes('health_insurance') ? (
        <Checklist item={item} disabled={!open || readOnly} />
      ) : null}
      <Notes item={item} readOnly={readOnly} />
      <Referrals item={item} disabled={!open || readOnly} />
      {open && !readOnly ? <Closure item={item} /> : null}
      {readOnly ? null : <ClientRights item={item} />}
    </>
  );
}

const answerOf = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');

function Checklist({ item, disabled }: { item: Case; disabled: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateCase(item.id);
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(HEALTH_CHECKS.map((check) => [check, answerOf(item.checklist[check])])),
  );
  const [missing, setMissing] = useState<DocumentKind[]>(item.missingDocuments);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checklist: Partial<Record<HealthCheck, boolean>> = {};
    for (const check of HEALTH_CHECKS) {
      if (answers[check] === 'yes') checklist[check] = true;
      if (answers[check] === 'no') checklist[check] = false;
    }
    update.mutate({ checklist, missingDocuments: missing });
  };
  return (
    <section className="app-section" aria-labelledby="checklist-heading">
      <h2 className="kern-heading-medium" id="checklist-heading">
        {t('counselling:case.checklist')}
      </h2>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        {HEALTH_CHECKS.map((check) => (
          <Select
            key={check}
            id={`check-${check}`}
            name={check}
            label={t(CHECK_LABEL[check])}
            value={answers[check] ?? ''}
            onValueChange={(value) => setAnswers((a) => ({ ...a, [check]: value }))}
            placeholder={t('counselling:case.notAsked')}
            options={[
              { value: 'yes', label: t('counselling:case.yes') },
              { value: 'no', label: t('counselling:case.no') },
            ]}
            disabled={disabled}
          />
        ))}
        <CheckGroup id="check-documents" legend={t('counselling:case.missingDocuments')}>
          <Checkboxes
            idPrefix="document"
            options={DOCUMENTS}
            labelOf={(doc) => t(DOCUMENT_LABEL[doc])}
            selected={missing}
            onChange={setMissing}
          />
        </CheckGroup>
        <ErrorAlert error={update.error} />
        {update.isSuccess ? (
          <p className="kern-body" role="status">
            {t('counselling:case.saved')}
          </p>
        ) : null}
        <div>
          <button
            className="kern-btn kern-btn--primary"
            type="submit"
            disabled={disabled || update.isPending}
          >
            <span className="kern-label">{t('counselling:case.saveChecklist')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

function Notes({ item, readOnly }: { item: Case; readOnly: boolean }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const add = useAddNote(item.id);
  const [body, setBody] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate({ body: body.trim() }, { onSuccess: () => setBody('') });
  };
  return (
    <section className="app-section" aria-labelledby="notes-heading">
      <h2 className="kern-heading-medium" id="notes-heading">
        {t('counselling:case.notes')}
      </h2>
      <p className="kern-body kern-body--small">{t('counselling:case.notesSealed')}</p>
      <ul className="kern-list">
        {item.notes.map((note) => (
          <li key={note.at}>
            <span className="kern-body kern-body--small">
              {dates.dateTime(note.at)} · {note.author}
            </span>
            <p className="kern-body" dir="auto">
              {note.body}
            </p>
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <form className="app-stack" onSubmit={onSubmit} noValidate>
          <TextArea
            id="note-body"
            name="body"
            label={t('counselling:case.newNote')}
            value={body}
            onValueChange={setBody}
            dir="auto"
          />
          <ErrorAlert error={add.error} />
          <div>
            <button className="kern-btn kern-btn--secondary" type="submit" disabled={add.isPending}>
              <span className="kern-label">{t('counselling:case.addNote')}</span>
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Referrals({ item, disabled }: { item: Case; disabled: boolean }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const refer = useRefer(item.id);
  const serverField = useFieldError(refer.error, {});
  const [recipientId, setRecipientId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [fields, setFields] = useState<SharedField[]>(['name']);
  const [consentExpiresOn, setConsentExpiresOn] = useState('');
  const [consent, setConsent] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!consent) return;
    refer.mutate({ recipientId, purpose: purpose.trim(), fields, consentExpiresOn });
  };
  return (
    <section className="app-section" aria-labelledby="referrals-heading">
      <h2 className="kern-heading-medium" id="referrals-heading">
        {t('counselling:case.referrals')}
      </h2>
      {item.referrals.length === 0 ? <p className="kern-body">{t('counselling:case.noReferrals')}</p> : null}
      <ul className="kern-list" data-testid="referrals">
        {item.referrals.map((referral) => (
          <li key={referral.id}>
            <p className="kern-body">
              <strong>{referral.recipientName}</strong> · {t(STATUS_LABEL[referral.status])} ·{' '}
              {referral.fields.map((f) => t(FIELD_LABEL[f])).join(', ')} ·{' '}
              {t('counselling:case.sharedUntil', { date: dates.date(referral.consentExpiresAt) })}
            </p>
            {referral.visits.map((visit) => (
              <p className="kern-body kern-body--small" key={visit.visitedOn}>
                {t(visit.referredToClearing ? 'counselling:case.visitReferred' : 'counselling:case.visit', {
                  date: dates.date(visit.visitedOn),
                  clinic: visit.clinicName,
                })}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {disabled ? null : (
        <form className="app-stack" onSubmit={onSubmit} noValidate aria-labelledby="refer-heading">
          <h3 className="kern-heading-small" id="refer-heading">
            {t('counselling:case.refer')}
          </h3>
          <Select
            id="refer-recipient"
            name="recipientId"
            label={t('counselling:case.recipient')}
            value={recipientId}
            onValueChange={setRecipientId}
            placeholder={t('counselling:book.choose')}
            options={item.recipients.map((r) => ({ value: r.id, label: r.name }))}
            error={serverField('recipientId')}
          />
          <TextInput
            id="refer-purpose"
            name="purpose"
            label={t('counselling:case.purpose')}
            value={purpose}
            onValueChange={setPurpose}
            error={serverField('purpose')}
            dir="auto"
          />
          <CheckGroup id="refer-fields" legend={t('counselling:case.fields')} error={serverField('fields')}>
            <Checkboxes
              idPrefix="refer-field"
              options={SHARED_FIELDS}
              labelOf={(f) => t(FIELD_LABEL[f])}
              selected={fields}
              onChange={setFields}
            />
          </CheckGroup>
          <TextInput
            id="refer-until"
            name="consentExpiresOn"
            type="date"
            label={t('counselling:case.consentUntilRecipient')}
            value={consentExpiresOn}
            onValueChange={setConsentExpiresOn}
            error={serverField('consentExpiresOn')}
          />
          <CheckGroup id="refer-consent-group" legend={t('counselling:case.consent')}>
            <div className="kern-form-check">
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                id="refer-consent"
                checked={consent}
                onChange={(event) => setConsent(event.target.checked)}
              />
              <label className="kern-label" htmlFor="refer-consent">
                {t('counselling:case.consentGiven')}
              </label>
            </div>
          </CheckGroup>
          <ErrorAlert error={refer.error} />
          <div>
            <button
              className="kern-btn kern-btn--primary"
              type="submit"
              disabled={!consent || refer.isPending}
            >
              <span className="kern-label">{t('counselling:case.send')}</span>
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Closure({ item }: { item: Case }) {
  const { t } = useTranslation();
  const update = useUpdateCase(item.id);
  const serverField = useFieldError(update.error, {});
  const [outcome, setOutcome] = useState<HealthOutcome | ''>(item.outcomes.health_insurance ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ status: 'closed', ...(outcome ? { outcomes: { health_insurance: outcome } } : {}) });
  };
  return (
    <section className="app-section" aria-labelledby="close-heading">
      <h2 className="kern-heading-medium" id="close-heading">
        {t('counselling:case.close')}
      </h2>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        {item.topics.includes('health_insurance') ? (
          <Select
            id="close-outcome"
            name="outcome"
            label={t('counselling:case.outcome')}
            value={outcome}
            onValueChange={(value) => setOutcome(value as HealthOutcome)}
            placeholder={t('counselling:book.choose')}
            options={HEALTH_OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_LABEL[o]) }))}
            error={serverField('health_insurance')}
          />
        ) : null}
        <ErrorAlert error={update.error} />
        <div>
          <button className="kern-btn kern-btn--primary" type="submit" disabled={update.isPending}>
            <span className="kern-label">{t('counselling:case.closeCase')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The client's rights (Art. 15 and 17 GDPR): the client, who has no account, asks the service; the counsellor
 * downloads everything kept about them, or erases it (the anonymous counts stay).
 */
function ClientRights({ item }: { item: Case }) {
  const { t } = useTranslation();
  const erase = useEraseCase(item.id);
  const [confirmed, setConfirmed] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (confirmed) erase.mutate({ confirm: true });
  };
  return (
    <section className="app-section" aria-labelledby="rights-heading">
      <h2 className="kern-heading-medium" id="rights-heading">
        {t('counselling:rights.title')}
      </h2>
      <p className="kern-body">{t('counselling:rights.intro')}</p>
      <p>
        <a
          className="kern-btn kern-btn--secondary"
          href={paths.export(item.id)}
          download={`case-${item.id}.json`}
        >
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{t('counselling:rights.export')}</span>
        </a>
      </p>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <Checkbox
          id="erase-confirm"
          label={t('counselling:rights.confirm')}
          checked={confirmed}
          onChange={setConfirmed}
        />
        <ErrorAlert error={erase.error} />
        {erase.isSuccess ? (
          <p className="kern-body" role="status">
            {t('counselling:rights.erased')}
          </p>
        ) : null}
        <div>
          <button
            className="kern-btn kern-btn--secondary"
            type="submit"
            disabled={!confirmed || erase.isPending}
          >
            <span className="kern-label">{t('counselling:rights.erase')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
