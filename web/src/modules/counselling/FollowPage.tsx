import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCityTime } from '../../app/time';
import { useLanguageNames } from '../../app/languages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useCancel, useFollow } from './counselling.api';
import { DOCUMENT_LABEL, STATUS_LABEL } from './labels';

/** The client's page by code: when and where, what to bring, and cancelling. No name, no phone. */
export function FollowPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const follow = useFollow(code);
  const cancel = useCancel(code);
  const dates = useCityTime();
  const languages = useLanguageNames();
  const data = follow.data;
  return (
    <>
      <PageTitle>{t('counselling:follow.title')}</PageTitle>
      <ErrorAlert error={follow.error} focus={false} />
      {follow.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="kern-body" data-testid="follow-status">
            <span className="kern-badge kern-badge--info">
              <span className="kern-label">{t(STATUS_LABEL[data.status])}</span>
            </span>
          </p>
          <dl className="app-counselling__facts">
            <dt>{t('counselling:follow.service')}</dt>
            <dd>{data.serviceName}</dd>
            <dt>{t('counselling:follow.when')}</dt>
            <dd>{dates.dateTime(data.startsAt, 'full', 'short')}</dd>
            <dt>{t('counselling:follow.where')}</dt>
            <dd>{data.address}</dd>
            <dt>{t('counselling:follow.language')}</dt>
            <dd>
              {languages.nameOf(data.language)}
              {data.mediator ? ` · ${t('counselling:follow.mediator')}` : ''}
            </dd>
          </dl>
          <h2 className="kern-heading-medium">{t('counselling:follow.bring')}</h2>
          {data.documents.length > 0 ? (
            <ul className="kern-list" data-testid="follow-documents">
              {data.documents.map((doc) => (
                <li key={doc}>{t(DOCUMENT_LABEL[doc])}</li>
              ))}
            </ul>
          ) : (
            <p className="kern-body">{t('counselling:follow.bringDefault')}</p>
          )}
          {data.status === 'booked' ? (
            <>
              <ErrorAlert error={cancel.error} />
              <button
                className="kern-btn kern-btn--secondary"
                type="button"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                <span className="kern-label">{t('counselling:follow.cancel')}</span>
              </button>
            </>
          ) : null}
          <h2 className="kern-heading-medium">{t('counselling:follow.yourData')}</h2>
          <p className="kern-body">{t('counselling:follow.yourDataText')}</p>
        </>
      ) : null}
    </>
  );
}
