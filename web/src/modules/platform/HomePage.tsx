import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/PageTitle';

// What the platform offers; plain descriptions until each module has its own pages.
const offers = [
  { id: 'offers', title: 'common:home.cards.offers.title', text: 'common:home.cards.offers.text' },
  { id: 'guides', title: 'common:home.cards.guides.title', text: 'common:home.cards.guides.text' },
  { id: 'schooling', title: 'common:home.cards.schooling.title', text: 'common:home.cards.schooling.text' },
  { id: 'courses', title: 'common:home.cards.courses.title', text: 'common:home.cards.courses.text' },
  { id: 'clearing', title: 'common:home.cards.clearing.title', text: 'common:home.cards.clearing.text' },
  {
    id: 'discrimination',
    title: 'common:home.cards.discrimination.title',
    text: 'common:home.cards.discrimination.text',
  },
  { id: 'funding', title: 'common:home.cards.funding.title', text: 'common:home.cards.funding.text' },
  {
    id: 'masterplan',
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
      <section aria-labelledby="home-offers">
        <h2 className="kern-heading-medium" id="home-offers">
          {t('common:home.cardsTitle')}
        </h2>
        <p className="kern-body app-intro">{t('common:home.cardsIntro')}</p>
        <ul className="app-cards">
          {offers.map((offer) => (
            <li key={offer.id}>
              <article className="app-card">
                <h3 className="kern-heading-small">{t(offer.title)}</h3>
                <p className="kern-body">{t(offer.text)}</p>
              </article>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
