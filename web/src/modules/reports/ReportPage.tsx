import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCity } from '../../app/city';
import { LANGUAGES } from '../../app/i18n';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FollowCodeForm } from '../../components/FollowCodeForm';
import {
  Checkbox,
  CheckGroup,
  Checkboxes,
  FieldFrame,
  GroupedSelect,
  Radios,
  Select,
  TextArea,
  TextInput,
} from '../../components/Fields';
import { PageTitle } from '../../components/PageTitle';
import {
  AFFECTED_LABEL,
  CONTACT_LABEL,
  EXTREMIST_LABEL,
  GROUND_LABEL,
  PLACE_LABEL,
  POLICE_LABEL,
  SETTING_ICON,
  SETTING_LABEL,
} from './labels';
import {
  AFFECTED,
  CONTACT_KINDS,
  type ContactKind,
  EXTREMIST_KINDS,
  type ExtremistKind,
  GROUNDS,
  type Ground,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  PHOTO_TYPES,
  PLACE_KINDS,
  type PlaceKind,
  POLICE,
  type ReportInput,
  SETTINGS,
  useSendReport,
} from './reports.api';

/** What the form holds while it is filled in; kept on the device (localStorage) until sent. */
interface Draft {
  description: string;
  whenKind: 'date' | 'about';
  date: string;
  about: string;
  placeKind: PlaceKind;
  ortsteilId: string;
  setting: string;
  grounds: Ground[];
  violence: '' | 'yes' | 'no';
  police: string;
  extremist: ExtremistKind[];
  affected: string;
  wantsContact: boolean;
  contactKind: ContactKind;
  contactValue: string;
  contactLanguage: string;
}

const DRAFT_KEY = 'lotse.reports.draft';
const STEPS = 4;

const emptyDraft = (language: string): Draft => ({
  description: '',
  whenKind: 'date',
  date: '',
  about: '',
  placeKind: 'ortsteil',
  ortsteilId: '',
  setting: '',
  grounds: [],
  violence: '',
  police: '',
  extremist: [],
  affected: '',
  wantsContact: false,
  contactKind: 'email',
  contactValue: '',
  contactLanguage: language,
});

function loadDraft(language: string): { draft: Draft; step: number } {
  try {
    const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as {
      draft: Partial<Draft>;
      step: number;
    } | null;
    if (saved) return { draft: { ...emptyDraft(language), ...saved.draft }, step: saved.step };
  } catch {
    // A damaged draft is dropped.
  }
  return { draft: emptyDraft(language), step: 1 };
}

type Errors = Partial<Record<keyof Draft | 'photos', string>>;

/** The fields of a step a reporter must fill, with the message for each that is missing. */
function check(step: number, draft: Draft, t: (key: string) => string): Errors {
  const errors: Errors = {};
  if (step === 2) {
    if (draft.placeKind === 'ortsteil' && !draft.ortsteilId) errors.ortsteilId = t('reports:form.required');
    if (!draft.setting) errors.setting = t('reports:form.required');
  }
  if (step === 3) {
    if (draft.grounds.length === 0) errors.grounds = t('reports:form.groundsRequired');
    if (!draft.violence) errors.violence = t('reports:form.required');
    if (!draft.police) errors.police = t('reports:form.required');
    if (!draft.affected) errors.affected = t('reports:form.required');
  }
  if (step === 4 && draft.wantsContact && !draft.contactValue.trim())
    errors.contactValue = t('reports:form.required');
  return errors;
}

function toInput(draft: Draft): ReportInput {
  return {
    description: draft.description.trim() || null,
    when:
      draft.whenKind === 'date' && draft.date ? { date: draft.date } : { about: draft.about.trim() || null },
    where: {
      kind: draft.placeKind,
      ortsteilId: draft.placeKind === 'ortsteil' ? draft.ortsteilId : null,
    },
    setting: draft.setting as ReportInput['setting'],
    grounds: draft.grounds,
    violence: draft.violence === 'yes',
    police: draft.police as ReportInput['police'],
    extremist: draft.extremist,
    affected: draft.affected as ReportInput['affected'],
    contact: draft.wantsContact
      ? { kind: draft.contactKind, value: draft.contactValue.trim(), language: draft.contactLanguage }
      : null,
  };
}

/** "Report discrimination": the public form in four steps, anonymous, in every UI language. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const send = useSendReport();
  const [{ draft, step }, setState] = useState(() => loadDraft(i18n.language));
  const [errors, setErrors] = useState<Errors>({});
  // Photos stay in memory only (not in the draft on the device): they are sent right after the report.
  const [photos, setPhotos] = useState<File[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!send.data) localStorage.setItem(DRAFT_KEY, JSON.stringify({ draft, step }));
  }, [draft, step, send.data]);
  useEffect(() => {
    if (send.data) localStorage.removeItem(DRAFT_KEY);
  }, [send.data]);

  const change = (changes: Partial<Draft>) => setState((s) => ({ ...s, draft: { ...s.draft, ...changes } }));
  const go = (to: number) => {
    setState((s) => ({ ...s, step: to }));
    setErrors({});
    setTimeout(() => heading.current?.focus(), 0);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { ...check(step, draft, t), ...(step === STEPS ? checkPhotos(photos, t) : {}) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (step < STEPS) go(step + 1);
    else send.mutate({ input: toInput(draft), photos });
  };

  if (send.data) {
    const { code, photoError } = send.data;
    return (
      <>
        <PageTitle>{t('reports:sent.title')}</PageTitle>
        <Alert variant="success" role="status" title={t('reports:sent.thanks')}>
          <p className="kern-body">{t('reports:sent.codeIntro')}</p>
          <p className="kern-heading-medium app-code" translate="no" dir="ltr" data-testid="report-code">
            {code}
          </p>
          <p className="kern-body">{t('reports:sent.keepCode')}</p>
        </Alert>
        {photoError ? (
          <>
            <p className="kern-body">{t('reports:sent.photoFailed')}</p>
            <ErrorAlert error={photoError} fieldLabels={{ photo: t('reports:form.photos') }} focus={false} />
          </>
        ) : null}
        <p className="kern-body">
          <Link className="kern-link" to={`/melden/code/${code}`}>
            {t('reports:sent.followLink')}
          </Link>
        </p>
      </>
    );
  }

  const part = { draft, change, errors };
  return (
    <>
      <PageTitle>{t('reports:form.title')}</PageTitle>
      <p className="kern-body app-intro">{t('reports:form.intro')}</p>
      <p className="kern-body kern-body--small">{t('reports:form.anonymous')}</p>
      <form className="app-stack app-reports__form" onSubmit={onSubmit} noValidate>
        <h2 className="kern-heading-medium" ref={heading} tabIndex={-1}>
          {t('reports:form.step', { step, steps: STEPS })}
        </h2>
        {step === 1 ? <WhatStep {...part} /> : null}
        {step === 2 ? <WhereStep {...part} /> : null}
        {step === 3 ? <KindStep {...part} /> : null}
        {step === 4 ? <ContactStep {...part} /> : null}
        {step === 4 ? <PhotosField photos={photos} onChange={setPhotos} error={errors.photos} /> : null}
        {step === STEPS ? <ErrorAlert error={send.error} /> : null}
        <div className="app-reports__buttons">
          {step > 1 ? (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => go(step - 1)}>
              <span className="kern-label">{t('reports:form.back')}</span>
            </button>
          ) : null}
          <button type="submit" className="kern-btn kern-btn--primary" disabled={send.isPending}>
            <span className="kern-label">
              {step < STEPS ? t('reports:form.next') : t('reports:form.send')}
            </span>
          </button>
        </div>
        <p className="kern-body kern-body--small">{t('reports:form.draftKept')}</p>
      </form>
      <FollowCodeForm
        id="report-follow-code"
        length={16}
        path={(code) => `/melden/code/${code}`}
        texts={{
          heading: t('reports:follow.haveCode'),
          label: t('reports:follow.codeLabel'),
          invalid: t('reports:follow.codeInvalid'),
          submit: t('reports:follow.open'),
        }}
      />
      <p className="kern-body">
        <Link className="kern-link" to="/melden/statistik">
          {t('reports:form.statisticsLink')}
        </Link>
      </p>
    </>
  );
}

type StepProps = { draft: Draft; change: (changes: Partial<Draft>) => void; errors: Errors };

function WhatStep({ draft, change }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextArea
        id="report-description"
        name="description"
        label={t('reports:form.description')}
        hint={t('reports:form.descriptionHint')}
        value={draft.description}
        onValueChange={(description) => change({ description })}
        optional
        rows={5}
        maxLength={8000}
      />
      <Radios
        name="report-when"
        legend={t('reports:form.when')}
        value={draft.whenKind}
        options={[
          { value: 'date', label: t('reports:form.whenDate') },
          { value: 'about', label: t('reports:form.whenAbout') },
        ]}
        onValueChange={(value) => change({ whenKind: value as Draft['whenKind'] })}
      />
      {draft.whenKind === 'date' ? (
        <TextInput
          id="report-date"
          name="date"
          type="date"
          label={t('reports:form.date')}
          value={draft.date}
          onValueChange={(date) => change({ date })}
          optional
        />
      ) : (
        <TextInput
          id="report-about"
          name="about"
          label={t('reports:form.about')}
          hint={t('reports:form.aboutHint')}
          value={draft.about}
          onValueChange={(about) => change({ about })}
          optional
          maxLength={200}
        />
      )}
    </>
  );
}

function WhereStep({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  const city = useCity();
  return (
    <>
      <Radios
        name="report-place"
        legend={t('reports:form.where')}
        value={draft.placeKind}
        options={PLACE_KINDS.map((kind) => ({ value: kind, label: t(PLACE_LABEL[kind]) }))}
        onValueChange={(value) => change({ placeKind: value as PlaceKind })}
      />
      {draft.placeKind === 'ortsteil' ? (
        <GroupedSelect
          id="report-ortsteil"
          name="ortsteilId"
          label={t('reports:form.ortsteil')}
          placeholder={t('reports:form.choose')}
          value={draft.ortsteilId}
          onValueChange={(ortsteilId) => change({ ortsteilId })}
          error={errors.ortsteilId}
          groups={(city.data?.districts ?? []).map((district) => ({
            label: district.name,
            options: district.ortsteile.map((o) => ({ value: o.id, label: o.name })),
          }))}
        />
      ) : null}
      <CheckGroup id="report-setting" legend={t('reports:form.setting')} error={errors.setting}>
        {SETTINGS.map((setting) => (
          <div className="kern-form-check" key={setting}>
            <input
              className="kern-form-check__radio"
              type="radio"
              id={`report-setting-${setting}`}
              name="report-setting"
              value={setting}
              checked={draft.setting === setting}
              onChange={() => change({ setting })}
            />
            <label className="kern-label" htmlFor={`report-setting-${setting}`}>
              <span className="app-reports__icon" aria-hidden="true">
                {SETTING_ICON[setting]}
              </span>
              {t(SETTING_LABEL[setting])}
            </label>
          </div>
        ))}
      </CheckGroup>
    </>
  );
}

function KindStep({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  const yesNo = [
    { value: 'yes', label: t('reports:form.yes') },
    { value: 'no', label: t('reports:form.no') },
  ];
  return (
    <>
      <CheckGroup
        id="report-grounds"
        legend={t('reports:form.grounds')}
        hint={t('reports:form.groundsHint')}
        error={errors.grounds}
      >
        <Checkboxes
          idPrefix="report-ground"
          options={GROUNDS}
          labelOf={(ground) => t(GROUND_LABEL[ground])}
          selected={draft.grounds}
          onChange={(grounds) => change({ grounds })}
        />
      </CheckGroup>
      <Radios
        name="report-violence"
        legend={t('reports:form.violence')}
        value={draft.violence}
        options={yesNo}
        onValueChange={(value) => change({ violence: value as Draft['violence'] })}
      />
      {errors.violence ? (
        <p className="kern-body kern-body--small app-reports__error">{errors.violence}</p>
      ) : null}
      <Radios
        name="report-police"
        legend={t('reports:form.police')}
        value={draft.police}
        options={POLICE.map((p) => ({ value: p, label: t(POLICE_LABEL[p]) }))}
        onValueChange={(police) => change({ police })}
      />
      {errors.police ? (
        <p className="kern-body kern-body--small app-reports__error">{errors.police}</p>
      ) : null}
      <CheckGroup
        id="report-extremist"
        legend={t('reports:form.extremist')}
        hint={t('reports:form.extremistHint')}
      >
        <Checkboxes
          idPrefix="report-extremist"
          options={EXTREMIST_KINDS}
          labelOf={(kind) => t(EXTREMIST_LABEL[kind])}
          selected={draft.extremist}
          onChange={(extremist) => change({ extremist })}
        />
      </CheckGroup>
      <Radios
        name="report-affected"
        legend={t('reports:form.affected')}
        value={draft.affected}
        options={AFFECTED.map((a) => ({ value: a, label: t(AFFECTED_LABEL[a]) }))}
        onValueChange={(affected) => change({ affected })}
      />
      {errors.affected ? (
        <p className="kern-body kern-body--small app-reports__error">{errors.affected}</p>
      ) : null}
    </>
  );
}

function ContactStep({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className="kern-body">{t('reports:form.contactPurpose')}</p>
      <Checkbox
        id="report-wants-contact"
        label={t('reports:form.wantsContact')}
        checked={draft.wantsContact}
        onChange={(wantsContact) => change({ wantsContact })}
      />
      {draft.wantsContact ? (
        <>
          <Radios
            name="report-contact-kind"
            legend={t('reports:form.contactKind')}
            value={draft.contactKind}
            options={CONTACT_KINDS.map((k) => ({ value: k, label: t(CONTACT_LABEL[k]) }))}
            onValueChange={(value) => change({ contactKind: value as ContactKind })}
          />
          <TextInput
            id="report-contact-value"
            name="contactValue"
            type={draft.contactKind === 'email' ? 'email' : 'tel'}
            label={t(CONTACT_LABEL[draft.contactKind])}
            value={draft.contactValue}
            onValueChange={(contactValue) => change({ contactValue })}
            error={errors.contactValue}
            dir="ltr"
            maxLength={200}
          />
          <Select
            id="report-contact-language"
            name="contactLanguage"
            label={t('reports:form.contactLanguage')}
            value={draft.contactLanguage}
            onValueChange={(contactLanguage) => change({ contactLanguage })}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName, lang: l.code }))}
          />
        </>
      ) : null}
    </>
  );
}

/** Client-side limits of the photos (the server checks again, by content). */
function checkPhotos(photos: File[], t: (key: string, params?: Record<string, unknown>) => string): Errors {
  const field = t('reports:form.photos');
  if (photos.length > MAX_PHOTOS)
    return { photos: t('errors:reports.photo_count', { field, max: MAX_PHOTOS }) };
  if (photos.some((p) => p.size > MAX_PHOTO_BYTES))
    return { photos: t('errors:reports.photo_too_large', { field, max: MAX_PHOTO_BYTES / 1024 / 1024 }) };
  return {};
}

/** Optional photos (evidence): JPEG, PNG or WebP; location and camera data are removed on the server. */
function PhotosField({
  photos,
  onChange,
  error,
}: {
  photos: File[];
  onChange: (photos: File[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <FieldFrame
      id="report-photos"
      label={t('reports:form.photos')}
      hint={t('reports:form.photosHint')}
      error={error}
      optional
    >
      {(describedBy) => (
        <>
          <input
            id="report-photos"
            name="photos"
            type="file"
            multiple
            accept={PHOTO_TYPES.join(',')}
            className="kern-form-input__input"
            onChange={(event) => onChange([...(event.target.files ?? [])])}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          />
          {photos.length > 0 ? (
            <p className="kern-body kern-body--small" data-testid="report-photos-chosen">
              {t('reports:form.photosChosen', { count: photos.length })}
            </p>
          ) : null}
        </>
      )}
    </FieldFrame>
  );
}
