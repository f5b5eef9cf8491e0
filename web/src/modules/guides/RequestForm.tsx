import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import type { BookingInput } from './guides.api';
import { dialectsOf } from '../../../../server/modules/guides/guides.terms.ts';
import {
  DIALECT_LABEL,
  GENDER_LABEL,
  GENDERS,
  type Gender,
  MODE_LABEL,
  MODES,
  type Mode,
  TOPIC_LABEL,
  TOPICS,
  type Topic,
  useNames,
} from './labels';
import { GroupedSelect, Select, TextArea, TextInput } from '../../components/Fields';
import { useCityTime } from '../../app/time';
import { useCity } from '../../app/city';

const DURATIONS = [30, 45, 60, 90, 120, 180, 240] as const;
const URGENCY_LABEL = [
  'guides:form.urgency0',
  'guides:form.urgency1',
  'guides:form.urgency2',
  'guides:form.urgency3',
] as const;

interface RequestFormProps {
  /** `public`: a newcomer without account; `booking`: an institution or caseworker (case reference). */
  variant: 'public' | 'booking';
  pending: boolean;
  error: unknown;
  onSubmit: (input: BookingInput) => void;
}

/** The fields of a request for a Lotse or mediator, shared by the public form and the institutions' booking. */
export function RequestForm({ variant, pending, error, onSubmit }: RequestFormProps) {
  const { t } = useTranslation();
  const names = useNames();
  const city = useCity();
  const dates = useCityTime();
  const [language, setLanguage] = useState('');
  const [dialect, setDialect] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState('60');
  const [address, setAddress] = useState('');
  const [ortsteilId, setOrtsteilId] = useState('');
  const [topic, setTopic] = useState<Topic | ''>('');
  const [mode, setMode] = useState<Mode>('on_site');
  const [gender, setGender] = useState<Gender | ''>('');
  const [urgency, setUrgency] = useState('0');
  const [notes, setNotes] = useState('');
  const [firstName, setFirstName] = useState('');
  const [contact, setContact] = useState('');
  const [email, setEmail] = useState('');
  const [caseRef, setCaseRef] = useState('');
  const [missing, setMissing] = useState<string[]>([]);

  const labels = {
    language: t('guides:form.language'),
    dialect: t('guides:form.dialect'),
    start: t('guides:form.date'),
    date: t('guides:form.date'),
    time: t('guides:form.time'),
    durationMinutes: t('guides:form.duration'),
    address: t('guides:form.address'),
    ortsteilId: t('guides:form.ortsteil'),
    topic: t('guides:form.topic'),
    mode: t('guides:form.mode'),
    genderRequired: t('guides:form.gender'),
    urgency: t('guides:form.urgency'),
    notes: t('guides:form.notes'),
    newcomerFirstName: t('guides:form.firstName'),
    contactOnDay: t('guides:form.contact'),
    requesterEmail: t('guides:form.email'),
    caseRef: t('guides:form.caseRef'),
  };
  const serverError = useFieldError(error, labels);
  const required = t('guides:form.required');
  const fieldError = (name: string) => (missing.includes(name) ? required : serverError(name));

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    const start = dates.instant(date, time);
    const empty = [
      ...(language ? [] : ['language']),
      ...(date ? [] : ['start']),
      ...(time ? [] : ['time']),
      ...(address.trim().length >= 3 ? [] : ['address']),
      ...(ortsteilId ? [] : ['ortsteilId']),
      ...(topic ? [] : ['topic']),
    ];
    setMissing(empty);
    if (empty.length > 0 || !start || !topic) {
      document.getElementById(`request-${empty[0] === 'start' ? 'date' : empty[0]}`)?.focus();
      return;
    }
    const text = (value: string) => (value.trim() ? value.trim() : null);
    onSubmit({
      language,
      dialect: dialectsOf(language).some((d) => d === dialect) ? dialect : null,
      start,
      durationMinutes: Number(duration),
      place: { address: address.trim(), ortsteilId },
      topic,
      mode,
      genderRequired: gender || null,
      urgency: Number(urgency),
      notes: text(notes),
      newcomerFirstName: text(firstName),
      contactOnDay: text(contact),
      requesterEmail: text(email),
      caseRef: variant === 'booking' ? text(caseRef) : null,
    });
  };

  const languageOptions = [
    { value: '', label: t('guides:form.choose') },
    ...(city.data?.guideLanguages ?? [])
      .map((code) => ({ value: code, label: names.language(code) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];
  const ortsteilGroups = (city.data?.districts ?? []).map((district) => ({
    label: district.name,
    options: district.ortsteile.map((ortsteil) => ({ value: ortsteil.id, label: ortsteil.name })),
  }));

  return (
    <form className="app-form app-guides-form" onSubmit={onFormSubmit} noValidate>
      <ErrorAlert error={missing.length > 0 ? t('guides:form.fixFields') : error} fieldLabels={labels} />
      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{t('guides:form.whoLegend')}</legend>
        <div className="app-form__grid">
          <Select
            id="request-language"
            name="language"
            label={labels.language}
            value={language}
            options={languageOptions}
            onValueChange={setLanguage}
            error={fieldError('language')}
          />
          {dialectsOf(language).length > 0 ? (
            <Select
              id="request-dialect"
              name="dialect"
              label={labels.dialect}
              hint={t('guides:form.dialectHint')}
              value={dialect}
              options={[
                { value: '', label: t('guides:form.dialectAny') },
                ...dialectsOf(language).map((d) => ({ value: d, label: t(DIALECT_LABEL[d]) })),
              ]}
              onValueChange={setDialect}
              error={fieldError('dialect')}
              optional
            />
          ) : null}
          <Select
            id="request-gender"
            name="genderRequired"
            label={labels.genderRequired}
            value={gender}
            options={[
              { value: '', label: t('guides:form.genderAny') },
              ...GENDERS.map((value) => ({ value, label: t(GENDER_LABEL[value]) })),
            ]}
            onValueChange={(value) => setGender(value as Gender | '')}
            error={fieldError('genderRequired')}
            optional
          />
        </div>
      </fieldset>
      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{t('guides:form.whenLegend')}</legend>
        <div className="app-form__grid">
          <TextInput
            id="request-date"
            name="date"
            type="date"
            label={labels.date}
            value={date}
            onValueChange={setDate}
            error={fieldError('start')}
          />
          <TextInput
            id="request-time"
            name="time"
            type="time"
            label={labels.time}
            value={time}
            onValueChange={setTime}
            error={fieldError('time')}
          />
          <Select
            id="request-duration"
            name="durationMinutes"
            label={labels.durationMinutes}
            value={duration}
            options={DURATIONS.map((minutes) => ({
              value: String(minutes),
              label: t('guides:form.minutes', { minutes }),
            }))}
            onValueChange={setDuration}
            error={fieldError('durationMinutes')}
          />
          <Select
            id="request-urgency"
            name="urgency"
            label={labels.urgency}
            value={urgency}
            options={URGENCY_LABEL.map((key, level) => ({ value: String(level), label: t(key) }))}
            onValueChange={setUrgency}
            error={fieldError('urgency')}
          />
        </div>
      </fieldset>
      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{t('guides:form.whereLegend')}</legend>
        <div className="app-form__grid">
          <Select
            id="request-topic"
            name="topic"
            label={labels.topic}
            value={topic}
            options={[
              { value: '', label: t('guides:form.choose') },
              ...TOPICS.map((value) => ({ value, label: t(TOPIC_LABEL[value]) })),
            ]}
            onValueChange={(value) => setTopic(value as Topic | '')}
            error={fieldError('topic')}
          />
          <Select
            id="request-mode"
            name="mode"
            label={labels.mode}
            value={mode}
            options={MODES.map((value) => ({ value, label: t(MODE_LABEL[value]) }))}
            onValueChange={(value) => setMode(value as Mode)}
            error={fieldError('mode')}
          />
          <TextInput
            id="request-address"
            name="address"
            label={labels.address}
            hint={t('guides:form.addressHint')}
            value={address}
            onValueChange={setAddress}
            error={fieldError('address')}
            autoComplete="street-address"
            maxLength={300}
            dir="auto"
          />
          <GroupedSelect
            id="request-ortsteilId"
            label={labels.ortsteilId}
            value={ortsteilId}
            groups={ortsteilGroups}
            placeholder={t('guides:form.choose')}
            onValueChange={setOrtsteilId}
            error={fieldError('ortsteilId')}
          />
        </div>
      </fieldset>
      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{t('guides:form.contactLegend')}</legend>
        <p className="kern-body kern-body--small">{t('guides:form.privacy')}</p>
        <div className="app-form__grid">
          <TextInput
            id="request-newcomerFirstName"
            name="newcomerFirstName"
            label={labels.newcomerFirstName}
            hint={t('guides:form.firstNameHint')}
            value={firstName}
            onValueChange={setFirstName}
            error={fieldError('newcomerFirstName')}
            maxLength={60}
            dir="auto"
            optional
          />
          <TextInput
            id="request-contactOnDay"
            name="contactOnDay"
            label={labels.contactOnDay}
            hint={t('guides:form.contactHint')}
            value={contact}
            onValueChange={setContact}
            error={fieldError('contactOnDay')}
            maxLength={120}
            dir="auto"
            optional
          />
          <TextInput
            id="request-requesterEmail"
            name="requesterEmail"
            type="email"
            label={labels.requesterEmail}
            hint={t(variant === 'public' ? 'guides:form.emailHintPublic' : 'guides:form.emailHint')}
            value={email}
            onValueChange={setEmail}
            error={fieldError('requesterEmail')}
            autoComplete="email"
            maxLength={254}
            optional
          />
          {variant === 'booking' ? (
            <TextInput
              id="request-caseRef"
              name="caseRef"
              label={labels.caseRef}
              hint={t('guides:form.caseRefHint')}
              value={caseRef}
              onValueChange={setCaseRef}
              error={fieldError('caseRef')}
              maxLength={80}
              optional
            />
          ) : null}
        </div>
        <TextArea
          id="request-notes"
          label={labels.notes}
          hint={t('guides:form.notesHint')}
          value={notes}
          onValueChange={setNotes}
          error={fieldError('notes')}
          maxLength={2000}
          optional
        />
      </fieldset>
      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
          <span className="kern-label">
            {t(variant === 'public' ? 'guides:form.submitPublic' : 'guides:form.submitBooking')}
          </span>
        </button>
      </div>
    </form>
  );
}
