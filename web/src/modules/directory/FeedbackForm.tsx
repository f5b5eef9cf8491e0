import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FeedbackKind, useSendFeedback } from './directory.api';
import { TextArea } from '../../components/Fields';

const KINDS: readonly { kind: FeedbackKind; label: string }[] = [
  { kind: 'helpful', label: 'directory:feedback.helpful' },
  { kind: 'not_helpful', label: 'directory:feedback.notHelpful' },
  { kind: 'wrong', label: 'directory:feedback.wrong' },
];

/** "Helpful / not helpful / information wrong" and an optional comment, sent to the offer's editors. */
export function FeedbackForm({ offerId }: { offerId: string }) {
  const { t } = useTranslation();
  const send = useSendFeedback(offerId);
  const [kind, setKind] = useState<FeedbackKind | null>(null);
  const [comment, setComment] = useState('');
  const [missingKind, setMissingKind] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) {
      setMissingKind(true);
      return;
    }
    setMissingKind(false);
    send.mutate({ kind, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };

  if (send.isSuccess) {
    return <Alert variant="success" role="status" title={t('directory:feedback.thanks')} />;
  }

  return (
    <form className="app-form" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={send.error} />
      <fieldset
        className={`kern-fieldset${missingKind ? ' kern-fieldset--error' : ''}`}
        aria-describedby={missingKind ? 'feedback-kind-error' : undefined}
      >
        <legend className="kern-label">{t('directory:feedback.kind')}</legend>
        <div className="kern-fieldset__body">
          {KINDS.map((item) => (
            <div className="kern-form-check" key={item.kind}>
              <input
                className="kern-form-check__radio"
                type="radio"
                name="feedback-kind"
                id={`feedback-${item.kind}`}
                value={item.kind}
                checked={kind === item.kind}
                onChange={() => setKind(item.kind)}
              />
              <label className="kern-label" htmlFor={`feedback-${item.kind}`}>
                {t(item.label)}
              </label>
            </div>
          ))}
        </div>
        {missingKind ? (
          <p className="kern-error" id="feedback-kind-error" role="alert">
            <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
            <span className="kern-body">{t('directory:feedback.chooseKind')}</span>
          </p>
        ) : null}
      </fieldset>
      <TextArea
        id="feedback-comment"
        name="comment"
        label={t('directory:feedback.comment')}
        hint={t('directory:feedback.commentHint')}
        optional
        rows={4}
        maxLength={2000}
        value={comment}
        onValueChange={setComment}
      />
      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={send.isPending}>
          <span className="kern-label">{t('directory:feedback.submit')}</span>
        </button>
      </div>
    </form>
  );
}
