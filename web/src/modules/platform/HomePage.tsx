import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/PageTitle';
import { HomeNews } from '../pages';

/**
 * What the platform offers, each card a link: to its module's page, or — until a module exists (Clearingstelle,
 * reporting discrimination, Masterplan, courses, funding) — to the directory's matching offers.
 */
const offers = [
  {
    id: 'pages',
    to: '/seiten',
    title: 'common:home.cards.pages.title',
    text: 'common:home.cards.pages.text',
  },
  {
    id: 'offers',
    to: '/angebote',
    title: 'common:home.cards.offers.title',
    text: 'common:home.cards.offers.text',
  },
  {
    id: 'guides',
    to: '/guides/request',
    title: 'common:home.cards.guides.title',
    text: 'common:home.cards.guides.text',
  },
  {
    id: 'schooling',
    to: '/schulanmeldung',
    title: 'common:home.cards.schooling.title',
    text: 'common:home.cards.schooling.text',
  },
  {
    id: 'courses',
    to: '/angebote?category=language_learning',
    title: 'common:home.cards.courses.title',
    text: 'common:home.cards.courses.text',
  },
  {
    id: 'clearing',
    to: '/angebote?q=Clearingstelle',
    title: 'common:home.cards.clearing.title',
    text: 'common:home.cards.clearing.text',
  },
  {
    id: 'discrimination',
    to: '/angebote?category=anti_discrimination',
    title: 'common:home.cards.discrimination.title',
    text: 'common:home.cards.discrimination.text',
  },
  {
    id: 'funding',
    to: '/angebote?q=Verein&category=counselling',
    title: 'common:home.cards.funding.title',
    text: 'common:home.cards.funding.text',
  },
  {
    id: 'masterplan',
    to: '/angebote?q=Integrationszentrum',
    title: 'common:home.cards.masterplan.title',
    text: 'common:home.cards.masterplan.text',
  },
] as const;

/** The start page: what Lotse is and what it offers, in the visitor's language. */
export function HomePage() {
  const { t } = useTranslation();
  const location = useLocation();
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  return (
    <>
      <PageTitle>{t('common:home.title')}</PageTitle>
      {loggedOut ? <Alert variant="success" role="status" title={t('platform:logout.done')} /> : null}
      <p className="kern-body kern-body--large app-intro">{t('common:home.intro')}</p>
      <HomeNews />
      <section aria-labelledby="home-offers">
        <h2 className="kern-heading-medium" id="home-offers">
          {t('common:home.cardsTitle')}
        </h2>
        <p className="kern-body app-intro">{t('common:home.cardsIntro')}</p>
        <ul className="app-cards">
          {offers.map((offer) => (
            <li key={offer.id}>
              <article className="app-card">
                <h3 className="kern-heading-small">
                  <Link className="kern-link app-card__link" to={offer.to}>
                    {t(offer.title)}
                  </Link>
                </h3>
                <p className="kern-body">{t(offer.text)}</p>
              </article>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
