import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { OfferSummary } from './directory.api';
import { Badge, ContentText, TextBadge, useKilometres } from './display';
import { useLanguageNames } from '../../app/languages';
import type { City } from '../../app/city';
import { fromSearch } from './searchReturn';

/** The Ortsteil's name of an id, from the city profile (German proper names, shown as they are). */
export function ortsteilName(city: City | undefined, id: string | undefined): string | null {
  if (!city || !id) return null;
  for (const district of city.districts) {
    const found = district.ortsteile.find((ortsteil) => ortsteil.id === id);
    if (found) return found.name;
  }
  return null;
}

/** What an offer's card says about places: free ones, or none (with a waiting list). */
function Places({ offer }: { offer: OfferSummary }) {
  const { t } = useTranslation();
  if (offer.capacityFree === null) return null;
  if (offer.capacityFree > 0) {
    return (
      <Badge variant="success" icon="check">
        {t('directory:results.freePlaces', { count: offer.capacityFree })}
      </Badge>
    );
  }
  return <Badge variant="warning">{t('directory:results.noPlaces')}</Badge>;
}

/** One result: name (the link), provider, address, badges, languages; numbered like its map marker. */
function ResultCard({
  offer,
  number,
  city,
  onFocus,
}: {
  offer: OfferSummary;
  number: number;
  city: City | undefined;
  onFocus: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const { listOf } = useLanguageNames();
  const km = useKilometres();
  const place = ortsteilName(city, offer.location?.ortsteilId);
  const { search } = useLocation();
  return (
    <li
      className="app-directory-result"
      id={`offer-${offer.id}`}
      onMouseEnter={() => onFocus(offer.id)}
      onMouseLeave={() => onFocus(null)}
      onFocus={() => onFocus(offer.id)}
      onBlur={() => onFocus(null)}
    >
      <span className="app-directory-result__number" aria-hidden="true">
        {number}
      </span>
      <div className="app-directory-result__body">
        <h3 className="kern-heading-small app-directory-result__name">
          <Link
            to={`/angebote/${offer.slug}`}
            state={fromSearch(search)}
            className="kern-link"
            lang={offer.name?.lang}
            dir="auto"
          >
            {offer.name?.value ?? offer.slug}
          </Link>
        </h3>
        <TextBadge status={offer.name?.status} />
        <p className="kern-body kern-body--small app-directory-result__org" dir="auto">
          {offer.organisationName}
        </p>
        {offer.location ? (
          <p className="kern-body kern-body--small app-directory-result__address" dir="auto">
            {offer.location.address}, {offer.location.postcode} {offer.location.city}
            {place ? ` · ${place}` : ''}
          </p>
        ) : null}
        <ContentText
          shown={offer.summary}
          className="kern-body kern-body--small app-directory-result__summary"
          badge={false}
        />
        <ul className="app-directory-badges">
          {offer.openNow ? (
            <li>
              <Badge variant="success">{t('directory:results.openNow')}</Badge>
            </li>
          ) : null}
          {offer.capacityFree !== null ? (
            <li>
              <Places offer={offer} />
            </li>
          ) : null}
          {offer.free ? (
            <li>
              <Badge variant="info">{t('directory:results.free')}</Badge>
            </li>
          ) : null}
          {offer.location?.accessible ? (
            <li>
              <Badge variant="info">{t('directory:results.accessible')}</Badge>
            </li>
          ) : null}
          {offer.distanceKm !== null ? (
            <li>
              <Badge variant="info">{t('directory:results.distance', { km: km(offer.distanceKm) })}</Badge>
            </li>
          ) : null}
        </ul>
        {offer.languages.length > 0 ? (
          <p className="kern-body kern-body--small app-directory-result__languages">
            {t('directory:results.languages', { list: listOf(offer.languages) })}
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** The results as a numbered list; the numbers are the map's markers. */
export function ResultList({
  items,
  firstNumber,
  city,
  onFocus,
}: {
  items: readonly OfferSummary[];
  firstNumber: number;
  city: City | undefined;
  onFocus: (id: string | null) => void;
}) {
  return (
    <ol className="app-directory-results__list" start={firstNumber}>
      {items.map((offer, index) => (
        <ResultCard key={offer.id} offer={offer} number={firstNumber + index} city={city} onFocus={onFocus} />
      ))}
    </ol>
  );
}
