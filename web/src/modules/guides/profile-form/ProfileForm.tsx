import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../../app/city';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFieldError } from '../../../components/errorText';
import { type GuideProfile, type OwnProfileInput, useSaveOwnProfile } from '../guides.api';
import { GENDERS, isOneOf, TOPICS } from '../labels';
import { DistrictsFieldset } from './DistrictsFieldset';
import { ExceptionsFieldset } from './ExceptionsFieldset';
import { LanguagesFieldset } from './LanguagesFieldset';
import { PrivateFieldset } from './PrivateFieldset';
import { TopicsFieldset } from './TopicsFieldset';
import { TravelFields } from './TravelFields';
import { WeeklyFieldset } from './WeeklyFieldset';

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

/** The guide's own profile as a draft: each fieldset edits its slice; saving sends the whole draft. */
export function ProfileForm({ profile }: { profile: GuideProfile }) {
  const { t } = useTranslation();
  const city = useCity();
  const save = useSaveOwnProfile();
  const [draft, setDraft] = useState<OwnProfileInput>(() => toInput(profile));
  useEffect(() => setDraft(toInput(profile)), [profile]);
  const labels = {
    languages: t('guides:profile.languages'),
    weekly: t('guides:profile.weekly'),
    maxPerWeek: t('guides:profile.maxPerWeek'),
    privatePhone: t('guides:profile.phone'),
    privateEmail: t('guides:profile.email'),
    districts: t('guides:profile.districts'),
  };
  const errorOf = useFieldError(save.error, labels);
  const onChange = (change: Partial<OwnProfileInput>) => setDraft((current) => ({ ...current, ...change }));
  const part = { value: draft, onChange, errorOf };
  const districts = city.data?.districts ?? [];

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
      <LanguagesFieldset {...part} guideLanguages={city.data?.guideLanguages ?? []} />
      <TopicsFieldset {...part} />
      <DistrictsFieldset {...part} districts={districts} />
      <TravelFields {...part} districts={districts} />
      <WeeklyFieldset {...part} />
      <ExceptionsFieldset {...part} />
      <PrivateFieldset {...part} />
      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{t('guides:profile.save')}</span>
        </button>
      </div>
    </form>
  );
}
