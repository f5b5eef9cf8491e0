import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFeedLink } from './guides.api';

/** The same feed for calendar apps that subscribe by a `webcal://` link (they fetch it over https). */
const webcalOf = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

/** The secret iCalendar link for a calendar app; making a new one ends the old one. */
export function FeedLink({ owner }: { owner: 'guide' | 'organisation' }) {
  const { t } = useTranslation();
  const feed = useFeedLink(owner);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const url = feed.data?.url ?? null;
  // A new link is not copied yet.
  useEffect(() => {
    if (url) setCopied(null);
  }, [url]);

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="app-section" aria-labelledby="feed-heading">
      <h2 className="kern-heading-medium" id="feed-heading">
        {t('guides:feed.title')}
      </h2>
      <p className="kern-body">{t('guides:feed.intro')}</p>
      <ErrorAlert error={feed.error} />
      {url ? (
        <>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="feed-url">
              {t('guides:feed.label')}
            </label>
            <input
              id="feed-url"
              className="kern-form-input__input app-code"
              readOnly
              value={url}
              translate="no"
              aria-describedby="feed-secret"
              onFocus={(event) => event.target.select()}
            />
            <p className="kern-hint" id="feed-secret">
              {t('guides:feed.secret')}
            </p>
          </div>
          <div className="app-form__actions">
            <button type="button" className="kern-btn kern-btn--secondary" onClick={copy}>
              <span className="kern-label">{t('guides:feed.copy')}</span>
            </button>
            <a className="kern-link" href={webcalOf(url)}>
              {t('guides:feed.subscribe')}
            </a>
          </div>
          <p className="kern-body" role="status" aria-live="polite" data-testid="feed-copied">
            {copied === 'copied'
              ? t('guides:feed.copied')
              : copied === 'failed'
                ? t('guides:feed.copyFailed')
                : ''}
          </p>
        </>
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
