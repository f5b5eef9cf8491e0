import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import {
  type AfterState,
  type FeedbackInput,
  useGuideAfter,
  useGuideFeedback,
  useLogTime,
} from './guides.api';
import { useNames } from './labels';
import { TextArea, TextInput } from '../../components/Fields';

const RATINGS = [1, 2, 3, 4, 5] as const;

interface FeedbackFormProps {
  id: string;
  /** Whether this side has already given its feedback. */
  given: boolean;
  pending: boolean;
  error: unknown;
  sent: boolean;
  onSubmit: (input: FeedbackInput) => void;
}

/** A rating 1–5 and a comment; read by coordinators only, and it says so. */
export function FeedbackForm({ id, given, pending, error, sent, onSubmit }: FeedbackFormProps) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  if (sent || given) {
    return <Alert variant="success" role="status" title={t('guides:feedback.thanks')} />;
  }
  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmit({ rating, comment: comment.trim() || null });
  };
  return (
    <form className="app-form" onSubmit={onFormSubmit} noValidate>
      <ErrorAlert error={error} />
      <fieldset
        className={`kern-fieldset${missing ? ' kern-fieldset--error' : ''}`}
        aria-describedby={missing ? `${id}-rating-error` : `${id}-rating-hint`}
      >
        <legend className="kern-label">{t('guides:feedback.rating')}</legend>
        <div className="kern-hint" id={`${id}-rating-hint`}>
          {t('guides:feedback.ratingHint')}
        </div>
        <div className="kern-fieldset__body app-guides-rating">
          {RATINGS.map((value) => (
            <div className="kern-form-check" key={value}>
              <input
                className="kern-form-check__radio"
                type="radio"
                name={`${id}-rating`}
                id={`${id}-rating-${value}`}
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              <label className="kern-label" htmlFor={`${id}-rating-${value}`}>
                {t('guides:feedback.stars', { value })}
              </label>
            </div>
          ))}
        </div>
        {missing ? (
          <p className="kern-error" id={`${id}-rating-error`} role="alert">
            <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
            <span className="kern-body">{t('guides:feedback.chooseRating')}</span>
          </p>
        ) : null}
      </fieldset>
      <TextArea
        id={`${id}-comment`}
        label={t('guides:feedback.comment')}
        hint={t('guides:feedback.commentHint')}
        value={comment}
        onValueChange={setComment}
        maxLength={2000}
        optional
      />
      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
          <span className="kern-label">{t('guides:feedback.submit')}</span>
        </button>
      </div>
    </form>
  );
}

interface RequesterAfterProps {
  after: AfterState;
  confirm: { mutate: () => void; isPending: boolean; error: unknown };
  /** Null for coordinators: feedback comes from the two sides, not from them. */
  feedback: {
    mutate: (input: FeedbackInput) => void;
    isPending: boolean;
    error: unknown;
    isSuccess: boolean;
  } | null;
}

/** The requester's side after the appointment: confirm the guide's time, give feedback. */
export function RequesterAfter({ after, confirm, feedback }: RequesterAfterProps) {
  const { t } = useTranslation();
  const names = useNames();
  const { time } = after;
  return (
    <section className="app-section" aria-labelledby="after-heading">
      <h2 className="kern-heading-medium" id="after-heading">
        {t('guides:after.title')}
      </h2>
      {time === null ? (
        <p className="kern-body">{t('guides:after.notLogged')}</p>
      ) : (
        <>
          <p className="kern-body" data-testid="logged-time">
            {t('guides:after.logged', {
              hours: names.hours(time.minutes),
              km: names.number(time.travelKm),
            })}
          </p>
          {time.confirmedAt ? (
            <Alert variant="success" role="status" title={t('guides:after.confirmed')} />
          ) : (
            <>
              <ErrorAlert error={confirm.error} />
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                onClick={() => confirm.mutate()}
                disabled={confirm.isPending}
              >
                <span className="kern-label">{t('guides:after.confirm')}</span>
              </button>
            </>
          )}
        </>
      )}
      {feedback ? (
        <>
          <h3 className="kern-heading-small">{t('guides:feedback.titleRequester')}</h3>
          <FeedbackForm
            id="requester-feedback"
            given={after.feedbackGiven.requester}
            pending={feedback.isPending}
            error={feedback.error}
            sent={feedback.isSuccess}
            onSubmit={(input) => feedback.mutate(input)}
          />
        </>
      ) : null}
    </section>
  );
}

/** The guide's side after the appointment: log actual time and travel, give feedback. */
export function GuideAfter({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const after = useGuideAfter(assignmentId);
  const log = useLogTime(assignmentId);
  const feedback = useGuideFeedback(assignmentId);
  const [minutes, setMinutes] = useState<string | null>(null);
  const [km, setKm] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const labels = { minutes: t('guides:after.minutes'), travelKm: t('guides:after.km') };
  const serverError = useFieldError(log.error, labels);

  if (!after.data) return <ErrorAlert error={after.error} focus={false} />;
  const state = after.data;
  if (!state.canLog) {
    return <p className="kern-body">{t('guides:after.notYet')}</p>;
  }
  const minutesValue = minutes ?? (state.time ? String(state.time.minutes) : '');
  const kmValue = km ?? (state.time ? String(state.time.travelKm) : '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const m = Number(minutesValue);
    const k = Number(kmValue.replace(',', '.'));
    const wrong = [
      ...(Number.isInteger(m) && m >= 1 && m <= 720 ? [] : ['minutes']),
      ...(kmValue.trim() !== '' && Number.isFinite(k) && k >= 0 && k <= 500 ? [] : ['travelKm']),
    ];
    setInvalid(wrong);
    if (wrong.length > 0) return;
    log.mutate({ minutes: m, travelKm: Math.round(k * 10) / 10 });
  };

  return (
    <>
      <section className="app-section" aria-labelledby="log-heading">
        <h2 className="kern-heading-medium" id="log-heading">
          {t('guides:after.logTitle')}
        </h2>
        {state.time?.confirmedAt ? (
          <Alert variant="success" role="status" title={t('guides:after.confirmedByRequester')} />
        ) : state.time ? (
          <Alert variant="info" role="status" title={t('guides:after.waitingForConfirmation')} />
        ) : null}
        {log.isSuccess ? <Alert variant="success" role="status" title={t('guides:after.saved')} /> : null}
        <form className="app-form" onSubmit={onSubmit} noValidate>
          <ErrorAlert error={log.error} fieldLabels={labels} />
          <TextInput
            id="log-minutes"
            name="minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={720}
            label={labels.minutes}
            hint={t('guides:after.minutesHint')}
            value={minutesValue}
            onValueChange={setMinutes}
            error={invalid.includes('minutes') ? t('guides:after.minutesInvalid') : serverError('minutes')}
          />
          <TextInput
            id="log-km"
            name="travelKm"
            inputMode="decimal"
            label={labels.travelKm}
            hint={t('guides:after.kmHint')}
            value={kmValue}
            onValueChange={setKm}
            error={invalid.includes('travelKm') ? t('guides:after.kmInvalid') : serverError('travelKm')}
          />
          <div className="app-form__actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={log.isPending}>
              <span className="kern-label">{t('guides:after.save')}</span>
            </button>
          </div>
        </form>
      </section>
      <section className="app-section" aria-labelledby="guide-feedback-heading">
        <h2 className="kern-heading-medium" id="guide-feedback-heading">
          {t('guides:feedback.titleGuide')}
        </h2>
        <FeedbackForm
          id="guide-feedback"
          given={state.feedbackGiven.guide}
          pending={feedback.isPending}
          error={feedback.error}
          sent={feedback.isSuccess}
          onSubmit={(input) => feedback.mutate(input)}
        />
      </section>
    </>
  );
}
