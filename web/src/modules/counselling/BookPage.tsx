import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Checkbox, FieldError, Radios, Select, TextInput } from '../../components/Fields';
import { FollowCodeForm } from '../../components/FollowCodeForm';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import { TOPICS, type Topic, useBook, useServices, useSlots } from './counselling.api';
import { CLIENT_LANGUAGES, TOPIC_LABEL } from './labels';

/** What the form holds while it is filled in; kept on the device until the booking is sent. */
interface Draft {
  serviceId: string;
  slotId: string;
  name: string;
  phone: string;
  email: string;
  language: string;
  topic: Topic | '';
  mediator: boolean;
  privacy: boolean;
}

const DRAFT_KEY = 'lotse.counselling.draft';
const emptyDraft = (language: string): Draft => ({
  serviceId: '',
  slotId: '',
  name: '',
  phone: '',
  email: '',
  language: (CLIENT_LANGUAGES as readonly string[]).includes(language) ? language : '',
  topic: '',
  mediator: false,
  privacy: false,
});

function loadDraft(language: string): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<Draft> | null;
    if (saved) return { ...emptyDraft(language), ...saved };
  } catch {
    // A damaged draft is dropped.
  }
  return emptyDraft(language);
}

type Errors = Partial<
  Record<'serviceId' | 'slotId' | 'name' | 'phone' | 'language' | 'topic' | 'privacy', string>
>;

function check(draft: Draft, t: (key: string) => string): Errors {
  const required = t('counselling:book.required');
  const errors: Errors = {};
  if (!draft.serviceId) errors.serviceId = required;
  if (!draft.slotId) errors.slotId = required;
  if (!draft.name.trim()) errors.name = required;
  if (!draft.phone.trim()) errors.phone = required;
  if (!draft.language) errors.language = required;
  if (!draft.topic) errors.topic = required;
  if (!draft.privacy) errors.privacy = t('counselling:book.privacyRequired');
  return errors;
}

/** The public booking form: a service, a free slot, the client's name, phone and language; no account. */
export function BookPage() {
  const { t, i18n } = useTranslation();
  const services = useServices();
  const languages = useLanguageNames();
  const dates = useCityTime();
  const send = useBook();
  const [draft, setDraft] = useState(() => loadDraft(i18n.language));
  const [errors, setErrors] = useState<Errors>({});
  const slots = useSlots(draft.serviceId);
  const serverField = useFieldError(send.error, {});

  useEffect(() => {
    if (!send.data) localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    else localStorage.removeItem(DRAFT_KEY);
  }, [draft, send.data]);

  const change = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    send.mutate({
      slotId: draft.slotId,
      name: draft.name.trim(),
      phone: draft.phone.trim(),
      email: draft.email.trim() || null,
      language: draft.language,
      topic: draft.topic as Topic,
      mediator: draft.mediator,
      privacy: true,
    });
  };

  if (send.data) {
    const { code } = send.data;
    return (
      <>
        <PageTitle>{t('counselling:book.title')}</PageTitle>
        <Alert variant="success" role="status" title={t('counselling:done.title')}>
          <p className="kern-body">{t('counselling:done.codeIntro')}</p>
          <p className="kern-heading-medium app-code" translate="no" dir="ltr" data-testid="booking-code">
            {code}
          </p>
          <p className="kern-body">{t('counselling:done.keepCode')}</p>
        </Alert>
        <p className="kern-body">
          <Link className="kern-link" to={`/beratung/code/${code}`}>
            {t('counselling:done.followLink')}
          </Link>
        </p>
      </>
    );
  }

  const service = services.data?.items.find((s) => s.id === draft.serviceId);
  return (
    <>
      <PageTitle>{t('counselling:book.title')}</PageTitle>
      <p className="kern-body">{t('counselling:book.intro')}</p>
      <ErrorAlert error={services.error} focus={false} />
      {services.isPending ? <Loading /> : null}
      <form
        className="app-stack app-counselling__form"
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="book-heading"
      >
        <h2 className="kern-heading-medium" id="book-heading">
          {t('counselling:book.heading')}
        </h2>
        <p className="kern-body kern-body--small">{t('counselling:book.purpose')}</p>
        <p className="kern-body kern-body--small">{t('counselling:book.draftKept')}</p>
        <Radios
          name="book-service"
          legend={t('counselling:book.service')}
          value={draft.serviceId}
          options={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onValueChange={(serviceId) => change({ serviceId, slotId: '' })}
        />
        {errors.serviceId ? <FieldError message={errors.serviceId} /> : null}
        {service ? (
          <p className="kern-body kern-body--small">
            {service.address} ·{' '}
            {t('counselling:book.languages', { languages: languages.listOf(service.languages) })}
          </p>
        ) : null}
        {draft.serviceId ? (
          <Select
            id="book-slot"
            name="slotId"
            label={t('counselling:book.slot')}
            value={draft.slotId}
            onValueChange={(slotId) => change({ slotId })}
            placeholder={
              slots.data?.items.length === 0 ? t('counselling:book.noSlots') : t('counselling:book.choose')
            }
            options={(slots.data?.items ?? []).map((slot) => ({
              value: slot.id,
              label: dates.dateTime(slot.startsAt, 'full', 'short'),
            }))}
            error={errors.slotId ?? serverField('slotId')}
          />
        ) : null}
        <TextInput
          id="book-name"
          name="name"
          label={t('counselling:book.name')}
          value={draft.name}
          onValueChange={(name) => change({ name })}
          error={errors.name ?? serverField('name')}
          autoComplete="name"
          dir="auto"
        />
        <TextInput
          id="book-phone"
          name="phone"
          type="tel"
          label={t('counselling:book.phone')}
          value={draft.phone}
          onValueChange={(phone) => change({ phone })}
          error={errors.phone ?? serverField('phone')}
          autoComplete="tel"
          dir="ltr"
        />
        <TextInput
          id="book-email"
          name="email"
          type="email"
          label={t('counselling:book.email')}
          value={draft.email}
          onValueChange={(email) => change({ email })}
          error={serverField('email')}
          autoComplete="email"
          dir="ltr"
          optional
        />
        <Select
          id="book-language"
          name="language"
          label={t('counselling:book.language')}
          value={draft.language}
          onValueChange={(language) => change({ language })}
          placeholder={t('counselling:book.choose')}
          options={CLIENT_LANGUAGES.map((code) => ({ value: code, label: languages.nameOf(code) }))}
          error={errors.language ?? serverField('language')}
        />
        <Select
          id="book-topic"
          name="topic"
          label={t('counselling:book.topic')}
          value={draft.topic}
          onValueChange={(topic) => change({ topic: topic as Topic })}
          placeholder={t('counselling:book.choose')}
          options={TOPICS.map((topic) => ({ value: topic, label: t(TOPIC_LABEL[topic]) }))}
          error={errors.topic ?? serverField('topic')}
        />
        <Checkbox
          id="book-mediator"
          label={t('counselling:book.mediator')}
          checked={draft.mediator}
          onChange={(mediator) => change({ mediator })}
        />
        <Checkbox
          id="book-privacy"
          label={t('counselling:book.privacy')}
          checked={draft.privacy}
          onChange={(privacy) => change({ privacy })}
        />
        {errors.privacy ? <FieldError message={errors.privacy} /> : null}
        <ErrorAlert error={send.error} />
        <div>
          <button className="kern-btn kern-btn--primary" type="submit" disabled={send.isPending}>
            <span className="kern-label">{t('counselling:book.submit')}</span>
          </button>
        </div>
      </form>
      <FollowCodeForm
        id="counselling-code"
        length={16}
        path={(code) => `/beratung/code/${code}`}
        texts={{
          heading: t('counselling:follow.haveCode'),
          label: t('counselling:follow.codeLabel'),
          invalid: t('counselling:follow.codeInvalid'),
          submit: t('counselling:follow.open'),
        }}
      />
    </>
  );
}
