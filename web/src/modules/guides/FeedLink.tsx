import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFeedLink } from './guides.api';

/** The secret iCalendar link for a calendar app; making a new one ends the old one. */
export function FeedLink({ owner }: { owner: 'guide' | 'organisation' }) {
  const { t } = useTranslation();
  const feed = useFeedLink(owner);
  return (
    <section className="app-section" aria-labelledby="feed-heading">
      <h2 className="kern-heading-medium" id="feed-heading">
        {t('guides:feed.title')}
      </h2>
      <p className="kern-body">{t('guides:feed.intro')}</p>
      <ErrorAlert error={feed.error} />
      {feed.data ? (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="feed-url">
            {t('guides:feed.label')}
          </label>
          <input
            id="feed-url"
            className="kern-form-input__input app-code"
            readOnly
            value={feed.data.url}
            translate="no"
            onFocus={(event) => event.target.select()}
          />
          <p className="kern-hint">{t('guides:feed.secret')}</p>
        </div>
      ) : null}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => feed.mutate()}
        disabled={feed.isPending}
      >
        <span className="kern-label">{t(feed.data ? 'guides:feed.renew' : 'guides:feed.create')}</span>
      </button>
    </section>
  );
}
