import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { type OfferDetail, type Shown, useOffer } from './directory.api';
import { Badge, ContentText, TextBadge, OfflineNotice, useWeekdays } from './display';
import { useLanguageNames } from '../../app/languages';
import { FeedbackForm } from './FeedbackForm';
import { CATEGORY_LABEL, TARGET_GROUP_LABEL } from './labels';
import { CATEGORIES, TARGET_GROUPS } from './filters';
import { ortsteilName } from './ResultList';
import { useSearchReturn } from './searchReturn';
import { useCityTime } from '../../app/time';
import { useCity } from '../../app/city';

/** A section of the detail page with its heading. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="app-directory-section" aria-labelledby={id}>
      <h2 className="kern-heading-small" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A text section that is only shown when the offer has the text. */
function TextSection({ id, title, shown }: { id: string; title: string; shown: Shown }) {
  if (!shown) return null;
  return (
    <Section id={id} title={title}>
      <ContentText shown={shown} className="kern-body app-directory-text" />
    </Section>
  );
}

/** Weekly hours as given, in the city's local time (said so), weekday names in the UI language. */
function OpeningHoursSection({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const weekdays = useWeekdays();
  const zone = useCityTime(offer.timezone).zoneName();
  return (
    <Section id="directory-hours" title={t('directory:detail.hours')}>
      {offer.openingHours.length === 0 ? (
        <p className="kern-body">{t('directory:detail.hoursNone')}</p>
      ) : (
        <>
          <dl className="app-directory-hours">
            {offer.openingHours.map((rule) => (
              <div key={`${rule.days.join('-')}-${rule.opens}`} className="app-directory-hours__row">
                <dt className="kern-body">{weekdays.listOf(rule.days)}</dt>
                <dd className="kern-body">
                  {t('directory:detail.timeRange', { opens: rule.opens, closes: rule.closes })}
                </dd>
              </div>
            ))}
          </dl>
          <p className="kern-body kern-body--small app-directory-muted">
            {t('directory:detail.hoursNote', { zone })}
          </p>
        </>
      )}
    </Section>
  );
}

function EventsSection({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const format = useCityTime(offer.timezone);
  if (offer.events.length === 0) return null;
  return (
    <Section id="directory-events" title={t('directory:detail.events')}>
      <ul className="app-directory-events">
        {offer.events.map((event) => (
          <li key={event.start}>
            <p className="kern-body">
              <strong>
                <time dateTime={event.start}>{format.dateTime(event.start, 'full')}</time>
                {' – '}
                <time dateTime={event.end}>{format.time(event.end)}</time>
              </strong>
            </p>
            <ContentText shown={event.title} className="kern-body" />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function ContactSection({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  if (!offer.phone && !offer.email && !offer.url) return null;
  return (
    <Section id="directory-contact" title={t('directory:detail.contact')}>
      <dl className="app-directory-facts">
        {offer.phone ? (
          <div>
            <dt className="kern-body">{t('directory:detail.phone')}</dt>
            <dd className="kern-body">
              <a
                className="kern-link"
                href={`tel:${offer.phone.replace(/[^\d+]/g, '')}`}
                dir="ltr"
                translate="no"
              >
                {offer.phone}
              </a>
            </dd>
          </div>
        ) : null}
        {offer.email ? (
          <div>
            <dt className="kern-body">{t('directory:detail.email')}</dt>
            <dd className="kern-body">
              <a
                className="kern-link app-directory-break"
                href={`mailto:${offer.email}`}
                dir="ltr"
                translate="no"
              >
                {offer.email}
              </a>
            </dd>
          </div>
        ) : null}
        {offer.url ? (
          <div>
            <dt className="kern-body">{t('directory:detail.website')}</dt>
            <dd className="kern-body">
              <a
                className="kern-link app-directory-break"
                href={offer.url}
                dir="ltr"
                translate="no"
                rel="noopener noreferrer"
              >
                {offer.url.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </Section>
  );
}

function PlaceSection({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const city = useCity();
  const location = offer.location;
  if (!location) return null;
  const place = ortsteilName(city.data, location.ortsteilId);
  const to = `${location.lat},${location.lon}`;
  return (
    <Section id="directory-address" title={t('directory:detail.address')}>
      <address className="kern-body app-directory-address" dir="auto">
        {location.name}
        <br />
        {location.address}
        <br />
        {location.postcode} {location.city}
        {place ? ` (${place})` : ''}
      </address>
      <ul className="app-directory-links">
        <li>
          <a
            className="kern-link"
            href={`https://www.openstreetmap.org/directions?to=${to}#map=17/${to}`}
            rel="noopener noreferrer"
          >
            <span className="kern-icon kern-icon--arrow-forward kern-icon--small" aria-hidden="true" />
            {t('directory:detail.directions')}
          </a>
        </li>
        <li>
          <a className="kern-link" href={`geo:${to}`}>
            <span className="kern-icon kern-icon--open-in-new kern-icon--small" aria-hidden="true" />
            {t('directory:detail.openInMaps')}
          </a>
        </li>
      </ul>
      <p className="kern-body">
        {location.accessible ? t('directory:detail.accessible') : t('directory:detail.notAccessible')}
      </p>
      <ContentText shown={offer.accessibilityNote} className="kern-body app-directory-text" />
    </Section>
  );
}

/** The offer's name as the page's heading, in the language it is in; also the browser tab's title. */
function OfferTitle({ name }: { name: NonNullable<Shown> }) {
  const { t } = useTranslation();
  const siteName = t('common:app.title');
  useEffect(() => {
    document.title = `${name.value} – ${siteName}`;
  }, [name.value, siteName]);
  return (
    <h1 className="kern-heading-large app-page-title" tabIndex={-1} lang={name.lang} dir="auto">
      {name.value}
    </h1>
  );
}

function Facts({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const { listOf } = useLanguageNames();
  const groups = TARGET_GROUPS.filter((group) => offer.targetGroups.includes(group));
  return (
    <Section id="directory-facts" title={t('directory:detail.facts')}>
      <dl className="app-directory-facts">
        {offer.languages.length > 0 ? (
          <div>
            <dt className="kern-body">{t('directory:detail.languages')}</dt>
            <dd className="kern-body">{listOf(offer.languages)}</dd>
          </div>
        ) : null}
        {groups.length > 0 ? (
          <div>
            <dt className="kern-body">{t('directory:detail.targetGroups')}</dt>
            <dd className="kern-body">{groups.map((group) => t(TARGET_GROUP_LABEL[group])).join(' · ')}</dd>
          </div>
        ) : null}
        <div>
          <dt className="kern-body">{t('directory:detail.cost')}</dt>
          <dd className="kern-body">
            {offer.free ? t('directory:detail.free') : t('directory:detail.notFree')}
            <ContentText shown={offer.fees} as="span" className="app-directory-block" />
          </dd>
        </div>
        {offer.capacityFree !== null ? (
          <div>
            <dt className="kern-body">{t('directory:detail.places')}</dt>
            <dd className="kern-body">
              {offer.capacityFree > 0
                ? t('directory:results.freePlaces', { count: offer.capacityFree })
                : t('directory:results.noPlaces')}
              {offer.waitingList ? (
                <span className="app-directory-block">
                  {t('directory:detail.waitingList', { count: offer.waitingList })}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </Section>
  );
}

/** One offer: what, who, where, when, which languages, what it costs and what to bring; feedback at the end. */
export function DetailPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const query = useOffer(slug);
  const dates = useCityTime();
  const offer = query.data?.data;
  const backTo = useSearchReturn();

  if (query.isPending) return <Loading />;
  if (!offer) {
    return (
      <>
        <PageTitle>{t('directory:detail.notFound')}</PageTitle>
        <ErrorAlert error={query.error} focus={false} />
        <p className="kern-body">
          <Link className="kern-link" to={backTo}>
            {t('directory:detail.back')}
          </Link>
        </p>
      </>
    );
  }

  const categories = CATEGORIES.filter((category) => offer.categories.includes(category));
  return (
    <>
      <p className="kern-body app-directory-back">
        <Link className="kern-link" to={backTo}>
          <span className="kern-icon kern-icon--arrow-back kern-icon--small" aria-hidden="true" />
          {t('directory:detail.back')}
        </Link>
      </p>
      <OfflineNotice savedAt={query.data?.savedAt} />
      <header className="app-directory-detail__head">
        {offer.name ? <OfferTitle name={offer.name} /> : null}
        <TextBadge status={offer.name?.status} />
        <p className="kern-body kern-body--large">
          {t('directory:detail.by')} <span dir="auto">{offer.organisationName}</span>
        </p>
        <ul className="app-directory-badges">
          {categories.map((category) => (
            <li key={category}>
              <Badge variant="info">{t(CATEGORY_LABEL[category])}</Badge>
            </li>
          ))}
          {offer.openNow ? (
            <li>
              <Badge variant="success">{t('directory:results.openNow')}</Badge>
            </li>
          ) : null}
        </ul>
      </header>
      {offer.stale ? (
        <Alert variant="warning" title={t('directory:detail.staleTitle')}>
          <p className="kern-body">{t('directory:detail.staleText')}</p>
        </Alert>
      ) : null}
      <div className="app-directory-detail">
        <div className="app-directory-detail__main">
          <TextSection
            id="directory-description"
            title={t('directory:detail.description')}
            shown={offer.description ?? offer.summary}
          />
          <OpeningHoursSection offer={offer} />
          <EventsSection offer={offer} />
          <TextSection
            id="directory-eligibility"
            title={t('directory:detail.eligibility')}
            shown={offer.eligibility}
          />
          <TextSection
            id="directory-documents"
            title={t('directory:detail.documents')}
            shown={offer.requiredDocuments}
          />
        </div>
        <div className="app-directory-detail__aside">
          <PlaceSection offer={offer} />
          <ContactSection offer={offer} />
          <Facts offer={offer} />
        </div>
      </div>
      <p className="kern-body kern-body--small app-directory-muted">
        {t('directory:detail.lastChecked', { date: dates.date(offer.lastCheckedAt, 'long') })}
      </p>
      <section className="app-section app-stack" aria-labelledby="directory-feedback">
        <h2 className="kern-heading-medium" id="directory-feedback">
          {t('directory:feedback.title')}
        </h2>
        <p className="kern-body">{t('directory:feedback.intro')}</p>
        <FeedbackForm offerId={offer.id} />
      </section>
    </>
  );
}
