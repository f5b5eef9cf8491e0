import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { GuideAfter } from './AfterPanels';
import { AppointmentFacts, CalendarFileLink } from './Appointment';
import { FeedLink } from './FeedLink';
import { calendarFile, type GuideAssignment, useNoShow, useOwnAssignments } from './guides.api';
import { ASSIGNMENT_STATES } from '../../../../server/modules/guides/guides.terms.ts';
import { isOneOf, useNames } from './labels';
import { Badge } from './display';
import { useCityTime } from '../../app/time';

const ASSIGNMENT_STATE = {
  confirmed: 'guides:assignments.state.confirmed',
  cancelled: 'guides:assignments.state.cancelled',
  done: 'guides:assignments.state.done',
} as const;
const ASSIGNMENT_BADGE = { confirmed: 'success', cancelled: 'danger', done: 'info' } as const;

/** The guide's appointments: coming ones first, then past ones to log; the calendar link. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const assignments = useOwnAssignments();
  const now = Date.now();
  const items = assignments.data?.items ?? [];
  const upcoming = items.filter((item) => new Date(item.appointment.end).getTime() >= now);
  const past = items.filter((item) => new Date(item.appointment.end).getTime() < now).reverse();
  const line = (item: GuideAssignment) => (
    <li key={item.id} className="app-guides-item">
      <h3 className="kern-heading-small" id={`assignment-${item.id}`}>
        <Link className="kern-link" to={`/guides/assignments/${item.id}`}>
          {dates.dateTime(item.appointment.start)} · {names.language(item.appointment.language)}
        </Link>
      </h3>
      <p className="kern-body">
        {isOneOf(ASSIGNMENT_STATES, item.state) ? (
          <Badge variant={ASSIGNMENT_BADGE[item.state]}>{t(ASSIGNMENT_STATE[item.state])}</Badge>
        ) : null}{' '}
        {names.topic(item.appointment.topic)}
      </p>
      {item.state !== 'cancelled' ? (
        <CalendarFileLink href={calendarFile.assignment(item.id)} describedBy={`assignment-${item.id}`} />
      ) : null}
    </li>
  );
  return (
    <>
      <PageTitle>{t('guides:assignments.title')}</PageTitle>
      <ErrorAlert error={assignments.error} focus={false} />
      {assignments.isPending ? <Loading /> : null}
      <section aria-labelledby="upcoming-heading">
        <h2 className="kern-heading-medium" id="upcoming-heading">
          {t('guides:assignments.upcoming')}
        </h2>
        {assignments.data && upcoming.length === 0 ? (
          <p className="kern-body">{t('guides:assignments.noneUpcoming')}</p>
        ) : (
          <ul className="app-guides-list">{upcoming.map(line)}</ul>
        )}
      </section>
      {past.length > 0 ? (
        <section className="app-section" aria-labelledby="past-heading">
          <h2 className="kern-heading-medium" id="past-heading">
            {t('guides:assignments.past')}
          </h2>
          <p className="kern-body">{t('guides:assignments.pastHint')}</p>
          <ul className="app-guides-list">{past.map(line)}</ul>
        </section>
      ) : null}
      <FeedLink owner="guide" />
    </>
  );
}

/** One appointment of the guide: the facts, and after it log time and travel, give feedback. */
export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const assignments = useOwnAssignments();
  const assignment = assignments.data?.items.find((item) => item.id === id);
  const noShow = useNoShow(assignment?.requestId ?? '');
  const begun = assignment ? new Date(assignment.appointment.start).getTime() <= Date.now() : false;
  return (
    <>
      <PageTitle>{t('guides:assignment.title')}</PageTitle>
      <ErrorAlert error={assignments.error} focus={false} />
      {assignments.isPending ? <Loading /> : null}
      {assignments.data && !assignment ? <p className="kern-body">{t('guides:assignment.gone')}</p> : null}
      {assignment ? (
        <>
          <AppointmentFacts appointment={assignment.appointment} />
          {assignment.state !== 'cancelled' ? (
            <CalendarFileLink href={calendarFile.assignment(assignment.id)} />
          ) : null}
          {assignment.state !== 'cancelled' ? <GuideAfter assignmentId={assignment.id} /> : null}
          {begun && assignment.state === 'confirmed' ? (
            <section className="app-section" aria-labelledby="guide-noshow-heading">
              <h2 className="kern-heading-medium" id="guide-noshow-heading">
                {t('guides:assignment.noShowTitle')}
              </h2>
              <ErrorAlert error={noShow.error} />
              {noShow.isSuccess ? (
                <p className="kern-body" role="status">
                  {t('guides:assignment.noShowSaved')}
                </p>
              ) : (
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  disabled={noShow.isPending}
                  onClick={() => noShow.mutate('newcomer')}
                >
                  <span className="kern-label">{t('guides:request.noShowNewcomer')}</span>
                </button>
              )}
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
