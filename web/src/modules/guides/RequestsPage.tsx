import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { useSession } from '../../app/session';
import { FeedLink } from './FeedLink';
import { REQUESTS_PAGE_SIZE, useRequests } from './guides.api';
import { isOneOf, REQUEST_STATES, STATE_BADGE, STATE_LABEL, useNames } from './labels';
import { Select } from '../../components/Fields';
import { Badge } from './display';
import { useCityTime } from '../../app/time';

/** The organisation's bookings (coordinators: every request), newest appointment first, with their state. */
export function RequestsPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const { user } = useSession();
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const requests = useRequests({
    ...(isOneOf(REQUEST_STATES, state) ? { state } : {}),
    page,
    per_page: REQUESTS_PAGE_SIZE,
  });
  const coordinator = user?.role === 'coordinator' || user?.role === 'admin';

  return (
    <>
      <PageTitle>{t(coordinator ? 'guides:requests.titleAll' : 'guides:requests.title')}</PageTitle>
      <p className="kern-body app-intro">
        {t(coordinator ? 'guides:requests.introAll' : 'guides:requests.intro')}
      </p>
      <p>
        <Link className="kern-btn kern-btn--primary" to="/guides/requests/new">
          <span className="kern-label">{t('guides:requests.book')}</span>
        </Link>
      </p>
      <div className="app-inline-form">
        <Select
          id="requests-state"
          name="state"
          label={t('guides:requests.filterState')}
          value={state}
          options={[
            { value: '', label: t('guides:requests.allStates') },
            ...REQUEST_STATES.map((value) => ({ value, label: t(STATE_LABEL[value]) })),
          ]}
          onValueChange={(value) => {
            setState(value);
            setPage(1);
          }}
        />
      </div>
      <ErrorAlert error={requests.error} focus={false} />
      {requests.isPending ? <Loading /> : null}
      {requests.data ? (
        requests.data.items.length === 0 ? (
          <p className="kern-body">{t('guides:requests.empty')}</p>
        ) : (
          <ul className="app-guides-list" aria-label={t('guides:requests.listLabel')}>
            {requests.data.items.map((request) => (
              <li key={request.id} className="app-guides-item">
                <h2 className="kern-heading-small">
                  <Link className="kern-link" to={`/guides/requests/${request.id}`}>
                    {dates.dateTime(request.start)} · {names.language(request.language)}
                  </Link>
                </h2>
                <p className="kern-body">
                  <Badge variant={STATE_BADGE[request.state]}>{t(STATE_LABEL[request.state])}</Badge>{' '}
                  {names.topic(request.topic)}
                  {request.guide ? (
                    <>
                      {' · '}
                      <span dir="auto">{t('guides:requests.guide', { name: request.guide.firstName })}</span>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {requests.data ? (
        <Pagination
          page={page}
          perPage={requests.data.perPage}
          total={requests.data.total}
          onPageChange={setPage}
        />
      ) : null}
      {user?.role === 'institution' || user?.role === 'caseworker' ? <FeedLink owner="organisation" /> : null}
    </>
  );
}
