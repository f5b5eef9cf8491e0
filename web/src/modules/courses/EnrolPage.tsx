import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useLanguageNames } from '../../app/languages';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Checkbox, CheckGroup, Radios, Select, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import { CourseFacts, Places } from './CourseFacts';
import {
  type Course,
  type EnrolmentInput,
  GERMAN_LEVELS,
  type GermanLevel,
  MAX_CHILD_AGE,
  useCourse,
  useEnrol,
} from './courses.api';
import { GERMAN_LABEL, GERMAN_PICTURE, KIND_LABEL } from './labels';

/** What the form holds while it is filled in; kept on the device until the enrolment is sent. */
interface Draft {
  kind: 'adult' | 'child';
  name: string;
  age: string;
  phone: string;
  email: string;
  language: string;
  germanLevel: GermanLevel | '';
  childcare: string[];
  womenOnly: boolean;
  evening: boolean;
}

const draftKey = (id: string) => `lotse.courses.draft.${id}`;
const emptyDraft = (): Draft => ({
  kind: 'adult',
  name: '',
  age: '',
  phone: '',
  email: '',
  language: '',
  germanLevel: '',
  childcare: [],
  womenOnly: false,
  evening: false,
});

function loadDraft(id: string): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(draftKey(id)) ?? 'null') as Partial<Draft> | null;
    if (saved) return { ...emptyDraft(), ...saved };
  } catch {
    // A damaged draft is dropped.
  }
  return emptyDraft();
}

type Errors = Partial<Record<'name' | 'age' | 'contact' | 'germanLevel' | 'childcare', string>>;

function check(draft: Draft, t: (key: string) => string): Errors {
  const errors: Errors = {};
  if (!draft.name.trim()) errors.name = t('courses:enrol.required');
  if (draft.kind === 'child' && draft.age === '') errors.age = t('courses:enrol.required');
  if (!draft.phone.trim() && !draft.email.trim()) errors.contact = t('courses:enrol.contactRequired');
  if (!draft.germanLevel) errors.germanLevel = t('courses:enrol.required');
  if (draft.childcare.some((age) => age === '')) errors.childcare = t('courses:enrol.required');
  return errors;
}

function toInput(draft: Draft, language: string): EnrolmentInput {
  return {
    participant: {
      name: draft.name.trim(),
      kind: draft.kind,
      age: draft.kind === 'child' ? Number(draft.age) : null,
    },
    contact: { phone: draft.phone.trim() || null, email: draft.email.trim() || null },
    language,
    languages: draft.language ? [draft.language] : [],
    germanLevel: draft.germanLevel as GermanLevel,
    childcare: draft.childcare.map(Number),
    womenOnly: draft.womenOnly,
    evening: draft.evening,
  };
}

/** A course's page with the enrol form: no account, in the reader's language, kept on the device until sent. */
export function EnrolPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useCourse(id);
  return (
    <>
      <PageTitle>{course.data?.name ?? t('courses:enrol.title')}</PageTitle>
      <ErrorAlert error={course.error} focus={false} />
      {course.isPending ? <Loading /> : null}
      {course.data ? <CourseBody course={course.data} /> : null}
    </>
  );
}

function CourseBody({ course }: { course: Course }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="kern-body">
        <span className="kern-badge kern-badge--info">
          <span className="kern-label">{t(KIND_LABEL[course.kind])}</span>
        </span>{' '}
        <Places course={course} />
      </p>
      <CourseFacts course={course} />
      {course.enrolment === 'external' ? (
        <p className="kern-body">
          <a className="kern-link" href={course.externalUrl ?? '#'} rel="noopener noreferrer">
            {t('courses:enrol.external')}
          </a>
        </p>
      ) : (
        <EnrolForm course={course} />
      )}
    </>
  );
}

function EnrolForm({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  const languages = useLanguageNames();
  const send = useEnrol(course.id);
  const [draft, setDraft] = useState(() => loadDraft(course.id));
  const [errors, setErrors] = useState<Errors>({});
  const serverField = useFieldError(send.error, {});

  useEffect(() => {
    if (!send.data) localStorage.setItem(draftKey(course.id), JSON.stringify(draft));
    else localStorage.removeItem(draftKey(course.id));
  }, [draft, send.data, course.id]);

  const change = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    send.mutate(toInput(draft, i18n.language));
  };

  if (send.data) {
    const { status, position, code } = send.data;
    return (
      <>
        <Alert
          variant={status === 'enrolled' ? 'success' : 'info'}
          role="status"
          title={t('courses:done.title')}
        >
          <p className="kern-body" data-testid="enrol-result">
            {status === 'enrolled'
              ? t('courses:done.enrolled')
              : t('courses:done.waiting', { position: position ?? 0 })}
          </p>
          <p className="kern-body">{t('courses:done.codeIntro')}</p>
          <p className="kern-heading-medium app-code" translate="no" dir="ltr" data-testid="enrol-code">
            {code}
          </p>
          <p className="kern-body">{t('courses:done.keepCode')}</p>
        </Alert>
        <p className="kern-body">
          <Link className="kern-link" to={`/kurse/code/${code}`}>
            {t('courses:done.followLink')}
          </Link>
        </p>
      </>
    );
  }

  const childcareError =
    errors.childcare ??
    (send.error instanceof ApiError && send.error.field?.startsWith('body.childcare')
      ? send.error.message
      : undefined);
  const spoken = [
    ...new Set([
      'ara',
      'bul',
      'ron',
      'tur',
      'ukr',
      'rus',
      'fas',
      'pol',
      'kmr',
      'eng',
      ...course.supportLanguages,
    ]),
  ];
  return (
    <form
      className="app-stack app-courses__form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="enrol-heading"
    >
      <h2 className="kern-heading-medium" id="enrol-heading">
        {t('courses:enrol.title')}
      </h2>
      <p className="kern-body kern-body--small">{t('courses:enrol.purpose')}</p>
      <p className="kern-body kern-body--small">{t('courses:enrol.draftKept')}</p>
      <Radios
        name="enrol-kind"
        legend={t('courses:enrol.who')}
        value={draft.kind}
        options={[
          { value: 'adult', label: t('courses:enrol.adult') },
          { value: 'child', label: t('courses:enrol.child') },
        ]}
        onValueChange={(value) => change({ kind: value as Draft['kind'] })}
      />
      <TextInput
        id="enrol-name"
        name="name"
        label={draft.kind === 'child' ? t('courses:enrol.childName') : t('courses:enrol.name')}
        value={draft.name}
        onValueChange={(name) => change({ name })}
        error={errors.name ?? serverField('name')}
        autoComplete={draft.kind === 'child' ? 'off' : 'name'}
        dir="auto"
      />
      {draft.kind === 'child' ? (
        <TextInput
          id="enrol-age"
          name="age"
          type="number"
          min={0}
          max={MAX_CHILD_AGE}
          label={t('courses:enrol.age')}
          value={draft.age}
          onValueChange={(age) => change({ age })}
          error={errors.age ?? serverField('age')}
        />
      ) : null}
      <CheckGroup
        id="enrol-contact"
        legend={t('courses:enrol.contact')}
        hint={t('courses:enrol.contactHint')}
        error={errors.contact ?? serverField('contact')}
      >
        <TextInput
          id="enrol-phone"
          name="phone"
          type="tel"
          label={t('courses:enrol.phone')}
          value={draft.phone}
          onValueChange={(phone) => change({ phone })}
          error={serverField('phone')}
          autoComplete="tel"
          dir="ltr"
          optional
        />
        <TextInput
          id="enrol-email"
          name="email"
          type="email"
          label={t('courses:enrol.email')}
          value={draft.email}
          onValueChange={(email) => change({ email })}
          error={serverField('email')}
          autoComplete="email"
          dir="ltr"
          optional
        />
      </CheckGroup>
      <Select
        id="enrol-language"
        name="language"
        label={t('courses:enrol.language')}
        value={draft.language}
        onValueChange={(language) => change({ language })}
        placeholder={t('courses:enrol.choose')}
        options={spoken.map((code) => ({ value: code, label: languages.nameOf(code) }))}
        optional
      />
      <CheckGroup
        id="enrol-german"
        legend={t('courses:enrol.german')}
        error={errors.germanLevel ?? serverField('germanLevel')}
      >
        {GERMAN_LEVELS.map((level) => (
          <div className="kern-form-check app-courses__level" key={level}>
            <input
              className="kern-form-check__radio"
              type="radio"
              id={`enrol-german-${level}`}
              name="germanLevel"
              value={level}
              checked={draft.germanLevel === level}
              onChange={() => change({ germanLevel: level })}
            />
            <label className="kern-label" htmlFor={`enrol-german-${level}`}>
              <span className="app-courses__picture" aria-hidden="true">
                {GERMAN_PICTURE[level]}
              </span>
              {t(GERMAN_LABEL[level])}
            </label>
          </div>
        ))}
      </CheckGroup>
      {course.childcarePlaces > 0 ? (
        <CheckGroup
          id="enrol-childcare"
          legend={t('courses:enrol.childcare')}
          hint={t('courses:facts.childcareAges', {
            min: course.childcareAgeMin ?? 0,
            max: course.childcareAgeMax ?? MAX_CHILD_AGE,
            free: course.childcareFree,
          })}
          error={childcareError}
        >
          <Checkbox
            id="enrol-childcare-needed"
            label={t('courses:enrol.childcareNeeded')}
            checked={draft.childcare.length > 0}
            onChange={(on) => change({ childcare: on ? [''] : [] })}
          />
          {draft.childcare.map((age, i) => (
            <TextInput
              // biome-ignore lint/suspicious/noArrayIndexKey: the children are a list of ages, in order
              key={i}
              id={`enrol-child-${i}`}
              name={`child-${i}`}
              type="number"
              min={0}
              max={MAX_CHILD_AGE}
              label={t('courses:enrol.childAge', { n: i + 1 })}
              value={age}
              onValueChange={(value) =>
                change({ childcare: draft.childcare.map((a, j) => (j === i ? value : a)) })
              }
            />
          ))}
          {draft.childcare.length > 0 && draft.childcare.length < course.childcarePlaces ? (
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => change({ childcare: [...draft.childcare, ''] })}
            >
              <span className="kern-label">{t('courses:enrol.addChild')}</span>
            </button>
          ) : null}
        </CheckGroup>
      ) : null}
      <CheckGroup id="enrol-needs" legend={t('courses:enrol.needs')}>
        <Checkbox
          id="enrol-women"
          label={t('courses:enrol.womenOnly')}
          checked={draft.womenOnly}
          onChange={(womenOnly) => change({ womenOnly })}
        />
        <Checkbox
          id="enrol-evening"
          label={t('courses:enrol.evening')}
          checked={draft.evening}
          onChange={(evening) => change({ evening })}
        />
      </CheckGroup>
      <ErrorAlert error={send.error} />
      <div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={send.isPending}>
          <span className="kern-label">
            {send.isPending ? t('courses:enrol.sending') : t('courses:enrol.send')}
          </span>
        </button>
      </div>
    </form>
  );
}
