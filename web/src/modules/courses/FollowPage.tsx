import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ChangeForm } from './ChangeForm';
import { CourseFacts } from './CourseFacts';
import { type FollowState, useFollow, useFollowAction } from './courses.api';
import { STATUS_LABEL } from './labels';

/** The enrolment by its code: where it stands, accept or decline an offer, cancel, the other waiting places. */
export function FollowPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const follow = useFollow(code);
  return (
    <>
      <PageTitle>{t('courses:follow.title')}</PageTitle>
      <ErrorAlert error={follow.error} focus={false} />
      {follow.isPending ? <Loading /> : null}
      {follow.data ? <FollowBody code={code} state={follow.data} /> : null}
    </>
  );
}

function StatusText({ state }: { state: FollowState }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  switch (state.status) {
    case 'enrolled':
      return t('courses:follow.enrolled');
    case 'waiting':
      return t('courses:follow.waiting', { position: state.position ?? 0 });
    case 'offered':
      return t('courses:follow.offered', { deadline: dates.dateTime(state.offerExpiresAt, 'full') });
    case 'cancelled':
      return t('courses:follow.cancelled');
    case 'declined':
      return t('courses:follow.declined');
    case 'expired':
      return t('courses:follow.expired');
    case 'withdrawn':
      return t('courses:follow.withdrawn');
  }
}

function FollowBody({ code, state }: { code: string; state: FollowState }) {
  const { t } = useTranslation();
  const action = useFollowAction(code);
  const busy = action.isPending;
  const open = ['enrolled', 'waiting', 'offered'].includes(state.status);
  return (
    <>
      <h2 className="kern-heading-medium">
        <Link className="kern-link" to={`/kurse/${state.course.id}`}>
          {state.course.name}
        </Link>
      </h2>
      <p className="kern-body">
        <span className="kern-badge kern-badge--info">
          <span className="kern-label" data-testid="follow-status">
            {t(STATUS_LABEL[state.status])}
          </span>
        </span>
      </p>
      <p className="kern-body" data-testid="follow-text">
        <StatusText state={state} />
      </p>
      <p className="kern-body">
        {t('courses:follow.participant', { name: state.participantName })}
        {state.childcare.length > 0
          ? ` · ${t('courses:follow.childcare', { ages: state.childcare.join(', ') })}`
          : null}
      </p>
      <ErrorAlert error={action.error} />
      {state.status === 'offered' ? (
        <div className="app-courses__buttons">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={busy}
            onClick={() => action.mutate({ what: 'accept' })}
          >
            <span className="kern-label">{t('courses:follow.accept')}</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={busy}
            onClick={() => action.mutate({ what: 'decline' })}
          >
            <span className="kern-label">{t('courses:follow.decline')}</span>
          </button>
        </div>
      ) : null}
      {state.othersQuestion === 'open' ? (
        <section className="app-section" aria-labelledby="others-heading">
          <h2 className="kern-heading-small" id="others-heading">
            {t('courses:follow.othersQuestion', { count: state.others.length })}
          </h2>
          <ul className="kern-list">
            {state.others.map((other) => (
              <li key={other.courseId}>{other.name}</li>
            ))}
          </ul>
          <div className="app-courses__buttons">
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={busy}
              onClick={() => action.mutate({ what: 'others', body: { keep: true } })}
            >
              <span className="kern-label">{t('courses:follow.keep')}</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={busy}
              onClick={() => action.mutate({ what: 'others', body: { keep: false } })}
            >
              <span className="kern-label">{t('courses:follow.drop')}</span>
            </button>
          </div>
        </section>
      ) : null}
      {open ? <ChangeForm code={code} state={state} key={state.status} /> : null}
      <CourseFacts course={state.course} />
      {open ? (
        <p className="kern-body">
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            disabled={busy}
            onClick={() => action.mutate({ what: 'cancel' })}
          >
            <span className="kern-label">{t('courses:follow.cancel')}</span>
          </button>
        </p>
      ) : null}
    </>
  );
}
