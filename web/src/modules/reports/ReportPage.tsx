import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FollowCodeForm } from '../../components/FollowCodeForm';
import { FieldFrame } from '../../components/Fields';
import { PageTitle } from '../../components/PageTitle';
import {
  ContactStep,
  check,
  type Draft,
  emptyDraft,
  type Errors,
  KindStep,
  toInput,
  WhatStep,
  WhereStep,
} from './report-form';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES, useSendReport } from './reports.api';

const DRAFT_KEY = 'lotse.reports.draft';
const STEPS = 4;

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
