import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useSession } from '../../app/session';
import { RequesterAfter } from './AfterPanels';
import {
  calendarFile,
  type GuideRequest,
  useCancelRequest,
  useConfirmTime,
  useNoShow,
  useRequest,
  useRequesterAfter,
  useRequesterFeedback,
} from './guides.api';
import { GENDER_LABEL, type Gender, STATE_BADGE, STATE_LABEL, useNames } from './labels';
import { Badge, Fact } from './display';
import { CalendarFileLink } from './Appointment';
import { useCityTime } from '../../app/time';

/** One request: what was asked, its state and history, the confirmed guide (first name only), and after. */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useRequest(id);
  return (
    <>
      <PageTitle>{t('guides:request.title')}</PageTitle>
      <ErrorAlert error={request.error} focus={false} />
      {request.isPending ? <Loading /> : null}
      {request.data ? <RequestDetail request={request.data} /> : null}
    </>
  );
}

function RequestDetail({ request }: { request: GuideRequest }) {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const { user } = useSession();
  const cancel = useCancelRequest(request.id);
  const noShow = useNoShow(request.id);
  const begun = new Date(request.start) <= new Date();
  const afterShown = begun && ['confirmed', 'done'].includes(request.state);
  const after = useRequesterAfter(request.id, afterShown);
  const confirm = useConfirmTime(request.id);
  const feedback = useRequesterFeedback(request.id);
  const requester = user?.role === 'institution' || user?.role === 'caseworker';

  return (
    <>
      <p className="kern-body">
        <Badge variant={STATE_BADGE[request.state]}>{t(STATE_LABEL[request.state])}</Badge>
        {request.lateCancellation ? ` ${t('guides:request.late')}` : ''}
      </p>
      {request.guide && ['confirmed', 'done'].includes(request.state) ? (
        <Alert variant="success" role="status" title={t('guides:request.confirmedTitle')}>
          <p className="kern-body" data-testid="confirmation">
            {t('guides:request.confirmedText', {
              name: request.guide.firstName,
              when: dates.dateTime(request.start),
            })}
          </p>
        </Alert>
      ) : null}
      {request.state === 'open' && request.unmatchedReasons.length > 0 ? (
        <Alert variant="warning" title={t('guides:request.unmatchedTitle')}>
          <ul className="kern-list">
            {request.unmatchedReasons.map((reason) => (
              <li key={reason}>{names.reason(reason)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <dl className="app-guides-facts">
        <Fact term={t('guides:request.when')}>
          {dates.dateTime(request.start)} · {t('guides:form.minutes', { minutes: request.durationMinutes })}
        </Fact>
        <Fact term={t('guides:form.language')}>
          {names.language(request.language)}
          {request.dialect ? ` (${names.dialect(request.dialect)})` : ''}
        </Fact>
        <Fact term={t('guides:form.topic')}>{names.topic(request.topic)}</Fact>
        <Fact term={t('guides:form.mode')}>{names.mode(request.mode)}</Fact>
        <Fact term={t('guides:form.address')}>
          <span dir="auto">{request.place.address ?? '–'}</span>
        </Fact>
        {request.genderRequired ? (
          <Fact term={t('guides:form.gender')}>{t(GENDER_LABEL[request.genderRequired as Gender])}</Fact>
        ) : null}
        {request.newcomerFirstName ? (
          <Fact term={t('guides:form.firstName')}>
            <span dir="auto">{request.newcomerFirstName}</span>
          </Fact>
        ) : null}
        {request.contactOnDay ? (
          <Fact term={t('guides:form.contact')}>
            <span dir="auto">{request.contactOnDay}</span>
          </Fact>
        ) : null}
        {request.notes ? (
          <Fact term={t('guides:form.notes')}>
            <span dir="auto">{request.notes}</span>
          </Fact>
        ) : null}
        <Fact term={t('guides:follow.code')}>
          <span className="app-code" translate="no">
            {request.code}
          </span>
        </Fact>
      </dl>
      {['open', 'proposed', 'confirmed', 'done'].includes(request.state) ? (
        <CalendarFileLink href={calendarFile.request(request.id)} />
      ) : null}
      {!begun && ['open', 'proposed', 'confirmed'].includes(request.state) ? (
        <div className="app-stack">
          <ErrorAlert error={cancel.error} />
          <p className="kern-body kern-body--small">{t('guides:request.cancelHint')}</p>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={cancel.isPending}
            onClick={() => {
              if (window.confirm(t('guides:follow.cancelConfirm'))) cancel.mutate();
            }}
          >
            <span className="kern-label">{t('guides:request.cancel')}</span>
          </button>
        </div>
      ) : null}
      {begun && request.state === 'confirmed' ? (
        <section className="app-section" aria-labelledby="noshow-heading">
          <h2 className="kern-heading-medium" id="noshow-heading">
            {t('guides:request.noShowTitle')}
          </h2>
          <ErrorAlert error={noShow.error} />
          <div className="app-form__actions">
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={noShow.isPending}
              onClick={() => noShow.mutate('newcomer')}
            >
              <span className="kern-label">{t('guides:request.noShowNewcomer')}</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={noShow.isPending}
              onClick={() => noShow.mutate('guide')}
            >
              <span className="kern-label">{t('guides:request.noShowGuide')}</span>
            </button>
          </div>
        </section>
      ) : null}
      {afterShown && after.data ? (
        <RequesterAfter after={after.data} confirm={confirm} feedback={requester ? feedback : null} />
      ) : null}
      {request.events && request.events.length > 0 ? (
        <section className="app-section" aria-labelledby="history-heading">
          <h2 className="kern-heading-medium" id="history-heading">
            {t('guides:request.history')}
          </h2>
          <ol className="kern-list">
            {request.events.map((event) => (
              <li key={`${event.at}-${event.toState}`}>
                {dates.dateTime(event.at)}: {names.state(event.toState)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
