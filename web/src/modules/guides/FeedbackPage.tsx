import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFeedbackList } from './guides.api';
import { useNames } from './labels';
import { useCityTime } from '../../app/time';

const SIDE_LABEL = {
  guide: 'guides:feedbackList.fromGuide',
  requester: 'guides:feedbackList.fromRequester',
} as const;

/** Coordinators read the feedback of both sides (the last 90 days); nobody else does. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const feedback = useFeedbackList();
  return (
    <>
      <PageTitle>{t('guides:feedbackList.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:feedbackList.intro')}</p>
      <ErrorAlert error={feedback.error} focus={false} />
      {feedback.isPending ? <Loading /> : null}
      {feedback.data ? (
        feedback.data.items.length === 0 ? (
          <p className="kern-body">{t('guides:feedbackList.empty')}</p>
        ) : (
          <ul className="app-guides-list">
            {feedback.data.items.map((item) => (
              <li key={item.id} className="app-guides-item">
                <h2 className="kern-heading-small">
                  {t(SIDE_LABEL[item.side])} · {t('guides:feedback.stars', { value: item.rating })}
                </h2>
                <p className="kern-body kern-body--small">
                  <Link className="kern-link" to={`/guides/pool/${item.guideId}`} dir="auto">
                    {item.guideName}
                  </Link>{' '}
                  · {dates.dateTime(item.start)} · {names.language(item.language)} · {names.topic(item.topic)}
                </p>
                {item.comment ? (
                  <p className="kern-body" dir="auto">
                    {item.comment}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}
