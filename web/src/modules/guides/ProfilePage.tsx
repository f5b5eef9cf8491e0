import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField, SelectField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import { Onboarding } from './Onboarding';
import {
  type GuideProfile,
  type OwnProfileInput,
  useCity,
  useOwnProfile,
  useSaveOwnProfile,
} from './guides.api';
import {
  GENDER_LABEL,
  GENDERS,
  isOneOf,
  GUIDE_LANGUAGES,
  LEVEL_LABEL,
  LEVELS,
  TOPIC_LABEL,
  TOPICS,
  TRAVEL_LABEL,
  TRAVEL_MODES,
  useNames,
} from './labels';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type ListName = 'languages' | 'weekly' | 'exceptions';
type RowKeys = Record<ListName, string[]>;
let lastRowKey = 0;
/** A stable key for a row the guide adds or removes (rows have no id of their own). */
const newRowKey = () => `row-${++lastRowKey}`;
const rowKeysOf = (input: OwnProfileInput): RowKeys => ({
  languages: input.languages.map(newRowKey),
  weekly: input.weekly.map(newRowKey),
  exceptions: input.exceptions.map(newRowKey),
});

/** The guide keeps languages, topics, districts and availability current. Made for a phone. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useOwnProfile();
  return (
    <>
      <PageTitle>{t('guides:profile.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:profile.intro')}</p>
      <ErrorAlert error={profile.error} focus={false} />
      {profile.isPending ? <Loading /> : null}
      {profile.data ? (
        <>
          <ProfileForm profile={profile.data} />
          <Onboarding items={profile.data.onboarding} />
        </>
      ) : null}
    </>
  );
}

const toInput = (profile: GuideProfile): OwnProfileInput => ({
  languages: profile.languages,
  topicsAccepted: profile.topicsAccepted.filter((topic) => isOneOf(TOPICS, topic)),
  topicsRefused: profile.topicsRefused.filter((topic) => isOneOf(TOPICS, topic)),
  districts: profile.districts,
  travelMode: profile.travelMode,
  home: profile.home,
  gender: isOneOf(GENDERS, profile.gender) ? profile.gender : null,
  weekly: profile.weekly,
  exceptions: profile.exceptions,
  maxPerWeek: profile.maxPerWeek,
  privatePhone: profile.privatePhone,
  privateEmail: profile.privateEmail,
});

function ProfileForm({ profile }: { profile: GuideProfile }) {
  const { t } = useTranslation();
  const names = useNames();
  const city = useCity();
  const save = useSaveOwnProfile();
  const [draft, setDraft] = useState<OwnProfileInput>(() => toInput(profile));
  const [rowKeys, setRowKeys] = useState<RowKeys>(() => rowKeysOf(draft));
  useEffect(() => {
    const input = toInput(profile);
    setDraft(input);
    setRowKeys(rowKeysOf(input));
  }, [profile]);
  const labels = {
    languages: t('guides:profile.languages'),
    weekly: t('guides:profile.weekly'),
    maxPerWeek: t('guides:profile.maxPerWeek'),
    privatePhone: t('guides:profile.phone'),
    privateEmail: t('guides:profile.email'),
    districts: t('guides:profile.districts'),
  };
  const fieldError = useFieldError(save.error, labels);
  const set = <K extends keyof OwnProfileInput>(key: K, value: OwnProfileInput[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const addRow = <K extends ListName>(list: K, row: OwnProfileInput[K][number]) => {
    setDraft((current) => ({ ...current, [list]: [...current[list], row] }));
    setRowKeys((current) => ({ ...current, [list]: [...current[list], newRowKey()] }));
  };
  const removeRow = (list: ListName, index: number) => {
    setDraft((current) => ({ ...current, [list]: current[list].filter((_, i) => i !== index) }));
    setRowKeys((current) => ({ ...current, [list]: current[list].filter((_, i) => i !== index) }));
  };
  const toggle = <T extends string>(list: T[], value: T) =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...draft,
      languages: draft.languages.map((language) => ({
        ...language,
        dialect: language.dialect?.trim() ? language.dialect.trim().toLowerCase() : null,
      })),
      privatePhone: draft.privatePhone?.trim() || null,
      privateEmail: draft.privateEmail?.trim() || null,
    });
  };

  return (
    <form className="app-form" onSubmit={onSubmit} noValidate>
      {save.isSuccess ? <Alert variant="success" role="status" title={t('guides:profile.saved')} /> : null}
      <ErrorAlert error={save.error} fieldLabels={labels} />

      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{labels.languages}</legend>
        {draft.languages.map((language, index) => (
          <div className="app-guides-row" key={rowKeys.languages[index]}>
            <SelectField
              id={`language-${index}`}
              name="code"
              label={t('guides:profile.language')}
              value={language.code}
              options={GUIDE_LANGUAGES.map((code) => ({ value: code, label: names.language(code) }))}
              onValueChange={(code) =>
                set(
                  'languages',
                  draft.languages.map((item, i) => (i === index ? { ...item, code } : item)),
                )
              }
            />
            <SelectField
              id={`level-${index}`}
              name="level"
              label={t('guides:profile.level')}
              value={language.level}
              options={LEVELS.map((level) => ({ value: level, label: t(LEVEL_LABEL[level] ?? level) }))}
              onValueChange={(level) =>
                set(
                  'languages',
                  draft.languages.map((item, i) =>
                    i === index && isOneOf(LEVELS, level) ? { ...item, level } : item,
                  ),
                )
              }
            />
            <FormField
              id={`dialect-${index}`}
              name="dialect"
              label={t('guides:form.dialect')}
              value={language.dialect ?? ''}
              maxLength={30}
              optional
              onValueChange={(dialect) =>
                set(
                  'languages',
                  draft.languages.map((item, i) => (i === index ? { ...item, dialect } : item)),
                )
              }
            />
            {draft.languages.length > 1 ? (
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => removeRow('languages', index)}
              >
                <span className="kern-label">
                  {t('guides:profile.removeLanguage', { language: names.language(language.code) })}
                </span>
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => addRow('languages', { code: 'ara', level: 'fluent', dialect: null })}
        >
          <span className="kern-label">{t('guides:profile.addLanguage')}</span>
        </button>
      </fieldset>

      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{t('guides:profile.topics')}</legend>
        <p className="kern-hint">{t('guides:profile.topicsHint')}</p>
        <div className="kern-fieldset__body">
          {TOPICS.map((topic) => (
            <div className="kern-form-check" key={topic}>
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                id={`refuse-${topic}`}
                checked={draft.topicsRefused.includes(topic)}
                onChange={() => {
                  set('topicsRefused', toggle(draft.topicsRefused, topic));
                  set(
                    'topicsAccepted',
                    draft.topicsAccepted.filter((item) => item !== topic),
                  );
                }}
              />
              <label className="kern-label" htmlFor={`refuse-${topic}`}>
                {t('guides:profile.refuse', { topic: t(TOPIC_LABEL[topic]) })}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{labels.districts}</legend>
        <div className="kern-fieldset__body">
          {(city.data?.districts ?? []).map((district) => (
            <div className="kern-form-check" key={district.id}>
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                id={`district-${district.id}`}
                checked={draft.districts.includes(district.id)}
                onChange={() => set('districts', toggle(draft.districts, district.id))}
              />
              <label className="kern-label" htmlFor={`district-${district.id}`}>
                {district.name}
              </label>
            </div>
          ))}
        </div>
        {fieldError('districts') ? <p className="kern-error">{fieldError('districts')}</p> : null}
      </fieldset>

      <div className="app-form__grid">
        <SelectField
          id="profile-travel"
          name="travelMode"
          label={t('guides:profile.travelMode')}
          value={draft.travelMode}
          options={TRAVEL_MODES.map((mode) => ({ value: mode, label: t(TRAVEL_LABEL[mode] ?? mode) }))}
          onValueChange={(value) => set('travelMode', value)}
        />
        <SelectField
          id="profile-home"
          name="home"
          label={t('guides:profile.home')}
          hint={t('guides:profile.homeHint')}
          value=""
          options={[
            { value: '', label: t('guides:profile.homeKeep') },
            ...(city.data?.districts ?? []).flatMap((district) =>
              district.ortsteile.map((ortsteil) => ({
                value: `${ortsteil.centre.lat},${ortsteil.centre.lon}`,
                label: `${ortsteil.name} (${district.name})`,
              })),
            ),
          ]}
          onValueChange={(value) => {
            const [lat, lon] = value.split(',').map(Number);
            if (lat !== undefined && lon !== undefined && value) set('home', { lat, lon });
          }}
        />
        <SelectField
          id="profile-gender"
          name="gender"
          label={t('guides:profile.gender')}
          hint={t('guides:profile.genderHint')}
          value={draft.gender ?? ''}
          options={[
            { value: '', label: t('guides:profile.genderNone') },
            ...GENDERS.map((gender) => ({ value: gender, label: t(GENDER_LABEL[gender]) })),
          ]}
          onValueChange={(value) => set('gender', isOneOf(GENDERS, value) ? value : null)}
          optional
        />
        <FormField
          id="profile-max"
          name="maxPerWeek"
          type="number"
          inputMode="numeric"
          min={0}
          max={50}
          label={labels.maxPerWeek}
          value={String(draft.maxPerWeek)}
          onValueChange={(value) => set('maxPerWeek', Number(value) || 0)}
          error={fieldError('maxPerWeek')}
        />
      </div>

      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{labels.weekly}</legend>
        <p className="kern-hint">{t('guides:profile.weeklyHint')}</p>
        {draft.weekly.map((slot, index) => (
          <div className="app-guides-row" key={rowKeys.weekly[index]}>
            <SelectField
              id={`slot-day-${index}`}
              name="weekday"
              label={t('guides:profile.weekday')}
              value={String(slot.weekday)}
              options={WEEKDAYS.map((day) => ({ value: String(day), label: names.weekday(day) }))}
              onValueChange={(value) =>
                set(
                  'weekly',
                  draft.weekly.map((item, i) => (i === index ? { ...item, weekday: Number(value) } : item)),
                )
              }
            />
            <FormField
              id={`slot-from-${index}`}
              name="from"
              type="time"
              label={t('guides:profile.from')}
              value={slot.from}
              onValueChange={(from) =>
                set(
                  'weekly',
                  draft.weekly.map((item, i) => (i === index ? { ...item, from } : item)),
                )
              }
            />
            <FormField
              id={`slot-to-${index}`}
              name="to"
              type="time"
              label={t('guides:profile.to')}
              value={slot.to}
              onValueChange={(to) =>
                set(
                  'weekly',
                  draft.weekly.map((item, i) => (i === index ? { ...item, to } : item)),
                )
              }
            />
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => removeRow('weekly', index)}
            >
              <span className="kern-label">
                {t('guides:profile.removeSlot', { weekday: names.weekday(slot.weekday) })}
              </span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => addRow('weekly', { weekday: 1, from: '09:00', to: '13:00' })}
        >
          <span className="kern-label">{t('guides:profile.addSlot')}</span>
        </button>
      </fieldset>

      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{t('guides:profile.exceptions')}</legend>
        <p className="kern-hint">{t('guides:profile.exceptionsHint')}</p>
        {draft.exceptions.map((exception, index) => (
          <div className="app-guides-row" key={rowKeys.exceptions[index]}>
            <FormField
              id={`off-from-${index}`}
              name="from"
              type="date"
              label={t('guides:profile.offFrom')}
              value={exception.from}
              onValueChange={(from) =>
                set(
                  'exceptions',
                  draft.exceptions.map((item, i) => (i === index ? { ...item, from } : item)),
                )
              }
            />
            <FormField
              id={`off-to-${index}`}
              name="to"
              type="date"
              label={t('guides:profile.offTo')}
              value={exception.to}
              onValueChange={(to) =>
                set(
                  'exceptions',
                  draft.exceptions.map((item, i) => (i === index ? { ...item, to } : item)),
                )
              }
            />
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => removeRow('exceptions', index)}
            >
              <span className="kern-label">{t('guides:profile.removeException')}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => {
            const today = new Date().toISOString().slice(0, 10);
            addRow('exceptions', { from: today, to: today, note: null });
          }}
        >
          <span className="kern-label">{t('guides:profile.addException')}</span>
        </button>
      </fieldset>

      <fieldset className="kern-fieldset">
        <legend className="kern-heading-small">{t('guides:profile.private')}</legend>
        <p className="kern-hint">{t('guides:profile.privateHint')}</p>
        <div className="app-form__grid">
          <FormField
            id="profile-phone"
            name="privatePhone"
            type="tel"
            label={labels.privatePhone}
            value={draft.privatePhone ?? ''}
            onValueChange={(value) => set('privatePhone', value)}
            error={fieldError('privatePhone')}
            autoComplete="tel"
            optional
          />
          <FormField
            id="profile-email"
            name="privateEmail"
            type="email"
            label={labels.privateEmail}
            value={draft.privateEmail ?? ''}
            onValueChange={(value) => set('privateEmail', value)}
            error={fieldError('privateEmail')}
            autoComplete="email"
            optional
          />
        </div>
      </fieldset>
      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{t('guides:profile.save')}</span>
        </button>
      </div>
    </form>
  );
}
