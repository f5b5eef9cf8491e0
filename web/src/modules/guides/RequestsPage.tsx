import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField } from '../../components/FormField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useSession } from '../../app/session';
import { FeedLink } from './FeedLink';
import { Badge } from './fields';
import { useRequests } from './guides.api';
import { isOneOf, REQUEST_STATES, STATE_BADGE, STATE_LABEL, useNames } from './labels';

/** The organisation's bookings (coordinators: every request), newest appointment first, with their state. */
export function RequestsPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { user } = useSession();
  const [state, setState] = useState('');
  const requests = useRequests(isOneOf(REQUEST_STATES, state) ? { state } : {});
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
        <SelectField
          id="requests-state"
          name="state"
          label={t('guides:requests.filterState')}
          value={state}
          options={[
            { value: '', label: t('guides:requests.allStates') },
            ...REQUEST_STATES.map((value) => ({ value, label: t(STATE_LABEL[value]) })),
          ]}
          onValueChange={setState}
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
                    {names.dateTime(request.start)} · {names.language(request.language)}
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
      {user?.role === 'institution' || user?.role === 'caseworker' ? <FeedLink owner="organisation" /> : null}
    </>
  );
}
