import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { LANGUAGES } from '../../app/i18n';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useLanguageNames } from '../../app/languages';
import { SPOKEN_LANGUAGES } from '../directory/filters';
import { StateBadge } from './display';
import { LetterLinks } from './LetterLinks';
import {
  APPOINTMENT_LABEL,
  CONSENT_LABEL,
  FORM_LABEL,
  GRADES,
  KIND_LABEL,
  PLACEMENT_LABEL,
  SCHOOL_FORMS,
  type SchoolForm,
  SEAT_KINDS,
  type SeatKind,
} from './labels';
import {
  type ChildRecord,
  useAppointmentStatus,
  useBookMediator,
  useBookAppointment,
  useChild,
  useDecide,
  useSaveAssessment,
  useUpdateChild,
} from './schooling.api';
import { Checkbox, Radios, Select, TextInput } from '../../components/Fields';
import { useCityTime } from '../../app/time';
import { useCity } from '../../app/city';

/** A term and its value in a description list. */
function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="app-schooling__fact">
      <dt className="kern-label">{term}</dt>
      <dd className="kern-body">{children}</dd>
    </div>
  );
}

function IntakeSection({ child }: { child: ChildRecord }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const city = useCity();
  const ortsteil = city.data?.districts
    .flatMap((d) => d.ortsteile)
    .find((o) => o.id === child.address.ortsteilId);
  const district = city.data?.districts.find((d) => d.id === child.districtId);
  const review = useUpdateChild(child.id);
  return (
    <section className="app-section" aria-labelledby="intake-heading">
      <h2 className="kern-heading-medium" id="intake-heading">
        {t('schooling:record.intake')}
      </h2>
      {!child.reviewed ? (
        <Alert variant="warning" title={t('schooling:record.fromForm')}>
          <p className="kern-body">{t('schooling:record.fromFormText')}</p>
          <button
            type="button"
            className="kern-btn kern-btn--secondary kern-btn--small"
            disabled={review.isPending}
            onClick={() => review.mutate({ reviewed: true })}
          >
            <span className="kern-label">{t('schooling:record.markReviewed')}</span>
          </button>
          <ErrorAlert error={review.error} />
        </Alert>
      ) : null}
      <dl className="app-schooling__facts">
        <Fact term={t('schooling:child.birthDate')}>{dates.date(child.birthDate)}</Fact>
        <Fact term={t('schooling:child.languages')}>{languages.listOf(child.languages)}</Fact>
        <Fact term={t('schooling:child.arrivalDate')}>{dates.date(child.arrivalDate)}</Fact>
        <Fact term={t('schooling:record.registeredOn')}>{dates.date(child.registeredOn)}</Fact>
        <Fact term={t('schooling:child.schoolYears')}>{child.schoolYears}</Fact>
        <Fact term={t('schooling:child.lastGrade')}>
          {child.lastGrade === null
            ? t('schooling:child.noGrade')
            : t('schooling:grade', { grade: child.lastGrade })}
        </Fact>
        <Fact term={t('schooling:child.literateLatin')}>
          {child.literateLatin ? t('schooling:yes') : t('schooling:no')}
        </Fact>
        <Fact term={t('schooling:record.address')}>
          <span dir="auto">
            {child.address.street}, {child.address.postcode} {ortsteil?.name ?? ''}
          </span>
          {district ? <span lang="de"> ({district.name})</span> : null}
        </Fact>
        <Fact term={t('schooling:child.specialNeeds')}>
          {child.specialNeeds ? <span dir="auto">{child.specialNeeds}</span> : t('schooling:record.none')}
        </Fact>
        <Fact term={t('schooling:record.weeksWaiting')}>
          {child.waitingDays !== null
            ? t('schooling:record.waitedDays', { days: child.waitingDays })
            : t('schooling:record.waitingWeeks', { weeks: child.weeksWaiting })}
        </Fact>
      </dl>
    </section>
  );
}

function FamilySection({ child }: { child: ChildRecord }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const letterLanguage = LANGUAGES.find((l) => l.code === child.family.letterLanguage);
  const siblings = child.family.siblings.filter((s) => s.id !== child.id);
  return (
    <section className="app-section" aria-labelledby="family-heading">
      <h2 className="kern-heading-medium" id="family-heading">
        {t('schooling:family.heading')}
      </h2>
      <dl className="app-schooling__facts">
        <Fact term={t('schooling:family.guardianName')}>
          <span dir="auto">{child.family.guardianName}</span>
        </Fact>
        <Fact term={t('schooling:family.phone')}>
          <span translate="no">{child.family.phone ?? '–'}</span>
        </Fact>
        <Fact term={t('schooling:family.email')}>
          <span translate="no">{child.family.email ?? '–'}</span>
        </Fact>
        <Fact term={t('schooling:family.letterLanguage')}>
          <span lang={letterLanguage?.code}>{letterLanguage?.nativeName ?? child.family.letterLanguage}</span>
        </Fact>
      </dl>
      <h3 className="kern-heading-small">{t('schooling:record.siblings')}</h3>
      {siblings.length === 0 ? (
        <p className="kern-body">{t('schooling:record.noSiblings')}</p>
      ) : (
        <ul className="app-schooling__list">
          {siblings.map((sibling) => (
            <li key={sibling.id}>
              <Link
                className="kern-link"
                to={`/schooling/children/${encodeURIComponent(sibling.id)}`}
                dir="auto"
              >
                {sibling.givenName}
              </Link>{' '}
              <StateBadge state={sibling.state} />
            </li>
          ))}
        </ul>
      )}
      <h3 className="kern-heading-small">{t('schooling:consent.heading')}</h3>
      {child.consents.length === 0 ? (
        <p className="kern-body">{t('schooling:record.noConsents')}</p>
      ) : (
        <ul className="app-schooling__list">
          {child.consents.map((consent) => {
            const label = CONSENT_LABEL[consent.purpose];
            return (
              <li key={consent.purpose} className="kern-body">
                <span className={`kern-badge kern-badge--${consent.valid ? 'success' : 'danger'}`}>
                  <span className="kern-label">
                    {consent.valid
                      ? t('schooling:record.consentValid')
                      : t('schooling:record.consentMissing')}
                  </span>
                </span>{' '}
                {label ? t(label) : <span className="app-code">{consent.purpose}</span>}
                {consent.expiresAt
                  ? ` – ${t('schooling:record.consentUntil', { date: dates.date(consent.expiresAt) })}`
                  : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function CounsellingSection({ child }: { child: ChildRecord }) {
  const { t, i18n } = useTranslation();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const book = useBookAppointment(child.id);
  const setStatus = useAppointmentStatus();
  const bookMediator = useBookMediator();
  const [startsAt, setStartsAt] = useState('');
  const [mediator, setMediator] = useState(false);
  const [mediatorLanguage, setMediatorLanguage] = useState(child.languages[0] ?? '');
  const [done, setDone] = useState(false);
  const labels = {
    startsAt: t('schooling:appointment.startsAt'),
    mediatorLanguage: t('schooling:appointment.mediatorLanguage'),
  };
  const fieldError = useFieldError(book.error, labels);
  const languageChoices = [
    ...child.languages,
    ...[...SPOKEN_LANGUAGES]
      .filter((code) => !child.languages.includes(code))
      .sort((a, b) => languages.nameOf(a).localeCompare(languages.nameOf(b), i18n.language)),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const when = startsAt ? new Date(startsAt) : null;
    book.mutate(
      {
        startsAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : startsAt,
        mediatorLanguage: mediator ? mediatorLanguage : null,
      },
      {
        onSuccess: () => {
          setStartsAt('');
          setDone(true);
        },
      },
    );
  };

  return (
    <section className="app-section" aria-labelledby="counselling-heading">
      <h2 className="kern-heading-medium" id="counselling-heading">
        {t('schooling:appointment.heading')}
      </h2>
      {child.mediator ? (
        <Alert variant="info" title={t('schooling:appointment.mediatorNeed')}>
          <p className="kern-body">
            {t('schooling:appointment.mediatorNeedText', {
              language: languages.nameOf(child.mediator.language),
              date: dates.dateTime(child.mediator.startsAt),
            })}
          </p>
        </Alert>
      ) : null}
      {child.appointments.length === 0 ? (
        <p className="kern-body">{t('schooling:appointment.none')}</p>
      ) : (
        <ul className="app-schooling__list">
          {child.appointments.map((appointment) => (
            <li key={appointment.id} className="app-schooling__item">
              <p className="kern-body">
                <strong>{dates.dateTime(appointment.startsAt)}</strong> –{' '}
                {t('schooling:appointment.with', { name: appointment.caseworkerName })}{' '}
                <span className="kern-badge kern-badge--info">
                  <span className="kern-label">{t(APPOINTMENT_LABEL[appointment.status])}</span>
                </span>
              </p>
              {appointment.mediatorLanguage ? (
                <p className="kern-body kern-body--small">
                  {t('schooling:appointment.mediatorIn', {
                    language: languages.nameOf(appointment.mediatorLanguage),
                  })}{' '}
                  {appointment.guideRequest ? (
                    <Link to={`/guides/requests/${appointment.guideRequest.id}`}>
                      {t('schooling:appointment.mediatorRequested', {
                        state: t(`guides:states.${appointment.guideRequest.state}`),
                      })}
                    </Link>
                  ) : null}
                </p>
              ) : null}
              {appointment.mediatorLanguage &&
              !appointment.guideRequest &&
              appointment.status === 'planned' ? (
                <button
                  type="button"
                  className="kern-btn kern-btn--primary kern-btn--small"
                  disabled={bookMediator.isPending}
                  onClick={() => bookMediator.mutate(appointment.id)}
                >
                  <span className="kern-label">{t('schooling:appointment.bookMediator')}</span>
                </button>
              ) : null}
              {appointment.status === 'planned' ? (
                <div className="app-form__actions">
                  <button
                    type="button"
                    className="kern-btn kern-btn--secondary kern-btn--small"
                    disabled={setStatus.isPending}
                    onClick={() => setStatus.mutate({ appointmentId: appointment.id, status: 'held' })}
                  >
                    <span className="kern-label">{t('schooling:appointment.markHeld')}</span>
                  </button>
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary kern-btn--small"
                    disabled={setStatus.isPending}
                    onClick={() => setStatus.mutate({ appointmentId: appointment.id, status: 'cancelled' })}
                  >
                    <span className="kern-label">{t('schooling:appointment.cancel')}</span>
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={setStatus.error ?? bookMediator.error} />
      <form className="app-form" onSubmit={submit} noValidate aria-labelledby="book-heading">
        <h3 className="kern-heading-small" id="book-heading">
          {t('schooling:appointment.book')}
        </h3>
        <ErrorAlert error={book.error} fieldLabels={labels} />
        {done ? <Alert variant="success" role="status" title={t('schooling:appointment.booked')} /> : null}
        <TextInput
          id="startsAt"
          type="datetime-local"
          label={labels.startsAt}
          value={startsAt}
          onValueChange={setStartsAt}
          error={fieldError('startsAt')}
        />
        <Checkbox
          id="mediatorNeeded"
          label={t('schooling:appointment.mediatorNeeded')}
          checked={mediator}
          onChange={setMediator}
        />
        {mediator ? (
          <Select
            id="mediatorLanguage"
            label={labels.mediatorLanguage}
            value={mediatorLanguage}
            options={languageChoices.map((code) => ({ value: code, label: languages.nameOf(code) }))}
            onValueChange={setMediatorLanguage}
            error={fieldError('mediatorLanguage')}
          />
        ) : null}
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={book.isPending}>
            <span className="kern-label">{t('schooling:appointment.submit')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

function AssessmentSection({ child }: { child: ChildRecord }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const save = useSaveAssessment(child.id);
  const [grade, setGrade] = useState(String(child.assessment?.grade ?? ''));
  const [forms, setForms] = useState<SchoolForm[]>(child.assessment?.forms ?? []);
  const [kind, setKind] = useState<SeatKind | ''>(child.assessment?.kind ?? '');
  const [checkError, setCheckError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const labels = {
    grade: t('schooling:assessment.grade'),
    forms: t('schooling:assessment.forms'),
    kind: t('schooling:assessment.kind'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!grade || forms.length === 0 || !kind) {
      setCheckError(t('schooling:assessment.incomplete'));
      return;
    }
    setCheckError(null);
    save.mutate({ grade: Number(grade), forms, kind }, { onSuccess: () => setSaved(true) });
  };

  return (
    <section className="app-section" aria-labelledby="assessment-heading">
      <h2 className="kern-heading-medium" id="assessment-heading">
        {t('schooling:assessment.heading')}
      </h2>
      {child.assessment ? (
        <p className="kern-body">
          {t('schooling:assessment.current', {
            grade: child.assessment.grade,
            forms: child.assessment.forms.map((form) => t(FORM_LABEL[form])).join(', '),
            kind: t(KIND_LABEL[child.assessment.kind]),
            date: dates.dateTime(child.assessment.assessedAt),
          })}
        </p>
      ) : (
        <p className="kern-body">{t('schooling:assessment.none')}</p>
      )}
      <form className="app-form" onSubmit={submit} noValidate>
        <ErrorAlert error={checkError ?? save.error} fieldLabels={labels} />
        {saved ? <Alert variant="success" role="status" title={t('schooling:assessment.saved')} /> : null}
        <Select
          id="grade"
          label={labels.grade}
          value={grade}
          options={[
            { value: '', label: t('schooling:assessment.chooseGrade') },
            ...GRADES.map((g) => ({ value: String(g), label: t('schooling:grade', { grade: g }) })),
          ]}
          onValueChange={setGrade}
        />
        <fieldset className="kern-fieldset" id="forms">
          <legend className="kern-label">{labels.forms}</legend>
          <div className="kern-fieldset__body app-schooling__checks">
            {SCHOOL_FORMS.map((form) => (
              <Checkbox
                key={form}
                id={`form-${form}`}
                label={t(FORM_LABEL[form])}
                checked={forms.includes(form)}
                onChange={(on) => setForms((list) => (on ? [...list, form] : list.filter((f) => f !== form)))}
              />
            ))}
          </div>
        </fieldset>
        <Radios
          name="kind"
          legend={labels.kind}
          value={kind}
          options={SEAT_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
          onValueChange={(value) => setKind(value as SeatKind)}
        />
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
            <span className="kern-label">{t('schooling:assessment.submit')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

/** The first school day, for an accepted place (school or caseworker). */
export function FirstDayForm({ placementId, name }: { placementId: string; name: string }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const dates = useCityTime();
  const [date, setDate] = useState(dates.today);
  const id = `first-day-${placementId}`;
  return (
    <form
      className="app-inline-form app-schooling__inline"
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate({ placementId, action: 'firstDay', date });
      }}
      noValidate
    >
      <TextInput
        id={id}
        type="date"
        label={t('schooling:placement.firstDay')}
        value={date}
        onValueChange={setDate}
      />
      <button
        type="submit"
        className="kern-btn kern-btn--secondary kern-btn--small"
        disabled={decide.isPending}
        aria-label={t('schooling:placement.recordFirstDayFor', { name })}
      >
        <span className="kern-label">{t('schooling:placement.recordFirstDay')}</span>
      </button>
      <ErrorAlert error={decide.error} fieldLabels={{ date: t('schooling:placement.firstDay') }} />
    </form>
  );
}

function PlacementsSection({ child }: { child: ChildRecord }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  return (
    <section className="app-section" aria-labelledby="placements-heading">
      <h2 className="kern-heading-medium" id="placements-heading">
        {t('schooling:record.placements')}
      </h2>
      {child.placements.length === 0 ? (
        <p className="kern-body">{t('schooling:record.noPlacements')}</p>
      ) : (
        <ul className="app-schooling__list">
          {child.placements.map((placement) => (
            <li key={placement.id} className="app-schooling__item">
              <p className="kern-body">
                <strong lang="de">{placement.schoolName}</strong>{' '}
                <span className="kern-badge kern-badge--info">
                  <span className="kern-label">{t(PLACEMENT_LABEL[placement.status])}</span>
                </span>
              </p>
              {placement.explanation ? <p className="kern-body">{placement.explanation}</p> : null}
              {placement.refusalReason ? (
                <p className="kern-body">
                  {t('schooling:placement.refusedBecause')} <span dir="auto">{placement.refusalReason}</span>
                </p>
              ) : null}
              {placement.startDate ? (
                <p className="kern-body">
                  {t('schooling:placement.startsOn', { date: dates.date(placement.startDate) })}
                </p>
              ) : null}
              {placement.firstSchoolDay ? (
                <p className="kern-body">
                  {t('schooling:placement.firstDayWas', { date: dates.date(placement.firstSchoolDay) })}
                </p>
              ) : null}
              {placement.status === 'accepted' ? (
                <LetterLinks
                  placementId={placement.id}
                  letterLanguage={child.family.letterLanguage}
                  name={`${child.givenName} ${child.familyName}`}
                />
              ) : null}
              {placement.status === 'accepted' && !placement.firstSchoolDay ? (
                <FirstDayForm placementId={placement.id} name={`${child.givenName} ${child.familyName}`} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One child's record for the KI: intake, family and consents, counselling, assessment, school places. */
export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const child = useChild(id);
  const state = location.state as { registered?: number; duplicate?: boolean } | null;

  if (child.isPending) return <Loading />;
  if (!child.data) {
    return (
      <>
        <PageTitle>{t('schooling:record.title')}</PageTitle>
        <ErrorAlert error={child.error} focus={false} />
      </>
    );
  }
  const record = child.data;
  return (
    <>
      <PageTitle>{`${record.givenName} ${record.familyName}`}</PageTitle>
      <p className="kern-body">
        <StateBadge state={record.state} />
      </p>
      {state?.registered ? (
        <Alert
          variant="success"
          role="status"
          title={t('schooling:record.registered', { count: state.registered })}
        />
      ) : null}
      {record.possibleDuplicateOf ? (
        <Alert variant="danger" title={t('schooling:record.duplicate')}>
          <p className="kern-body">
            <Link
              className="kern-link"
              to={`/schooling/children/${encodeURIComponent(record.possibleDuplicateOf)}`}
            >
              {t('schooling:record.duplicateLink')}
            </Link>
          </p>
        </Alert>
      ) : null}
      {/* Keyed by the child: moving to a sibling starts its forms afresh. */}
      <Fragment key={record.id}>
        <IntakeSection child={record} />
        <FamilySection child={record} />
        <CounsellingSection child={record} />
        <AssessmentSection child={record} />
        <PlacementsSection child={record} />
      </Fragment>
    </>
  );
}
