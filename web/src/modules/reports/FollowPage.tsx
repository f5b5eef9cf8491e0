import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextArea } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { STATUS_LABEL, STATUS_TEXT } from './labels';
import { type FollowState, useAnswer, useFollow, useRemoveContact } from './reports.api';

/** The reporter follows a report by its code: status, the advice centre's messages, and an answer. */
export function FollowPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const follow = useFollow(code);
  return (
    <>
      <PageTitle>{t('reports:follow.title')}</PageTitle>
      <ErrorAlert error={follow.error} focus={false} />
      {follow.isPending ? <Loading /> : null}
      {follow.data ? <FollowBody code={code} state={follow.data} /> : null}
    </>
  );
}

function FollowBody({ code, state }: { code: string; state: FollowState }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const answer = useAnswer(code);
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    answer.mutate({ body }, { onSuccess: () => setBody('') });
  };
  return (
    <>
      <p className="kern-body">
        <span className="kern-badge kern-badge--info">
          <span className="kern-label" data-testid="report-status">
            {t(STATUS_LABEL[state.status])}
          </span>
        </span>
      </p>
      <p className="kern-body">{t(STATUS_TEXT[state.status])}</p>
      <p className="kern-body kern-body--small">
        {t('reports:follow.received', { date: dates.dateTime(state.receivedAt) })}
      </p>
      <Messages messages={state.messages} />
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <TextArea
          id="report-answer"
          name="body"
          label={t('reports:follow.answer')}
          hint={t('reports:follow.answerHint')}
          value={body}
          onValueChange={setBody}
          error={empty ? t('reports:form.required') : undefined}
          maxLength={4000}
        />
        <ErrorAlert error={answer.error} />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={answer.isPending}>
          <span className="kern-label">{t('reports:follow.send')}</span>
        </button>
      </form>
      <ContactDetails code={code} kept={state.contactKept} />
    </>
  );
}

/**
 * The contact details the reporter left for counselling: they remove them here, without an account (the consent is
 * withdrawn and the details deleted at once); afterwards the page says they were removed.
 */
function ContactDetails({ code, kept }: { code: string; kept: boolean }) {
  const { t } = useTranslation();
  const remove = useRemoveContact(code);
  if (remove.isSuccess)
    return <Alert variant="success" role="status" title={t('reports:follow.contactRemoved')} />;
  if (!kept) return null;
  return (
    <section className="app-section app-stack" aria-labelledby="report-contact-heading">
      <h2 className="kern-heading-medium" id="report-contact-heading">
        {t('reports:follow.contactHeading')}
      </h2>
      <p className="kern-body">{t('reports:follow.contactKept')}</p>
      <ErrorAlert error={remove.error} />
      <div>
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          <span className="kern-label">{t('reports:follow.removeContact')}</span>
        </button>
      </div>
    </section>
  );
}

/** Messages between the reporter and the advice centre, oldest first. */
export function Messages({ messages }: { messages: FollowState['messages'] }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  return (
    <section className="app-section" aria-labelledby="report-messages-heading">
      <h2 className="kern-heading-medium" id="report-messages-heading">
        {t('reports:follow.messages')}
      </h2>
      {messages.length === 0 ? <p className="kern-body">{t('reports:follow.noMessages')}</p> : null}
      <ol className="app-reports__messages">
        {messages.map((m) => (
          <li key={`${m.at}-${m.from}`} className={`app-reports__message app-reports__message--${m.from}`}>
            <p className="kern-body kern-body--small">
              {m.from === 'staff' ? t('reports:follow.fromStaff') : t('reports:follow.fromReporter')} ·{' '}
              {dates.dateTime(m.at)}
            </p>
            <p className="kern-body" dir="auto">
              {m.body}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
