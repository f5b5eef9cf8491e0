import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type City, useCity } from './city';
import { openingHours } from './time';

/** The legal pages: the city's own (linked out by the profile's url) or the app's page with the profile's text. */
export const LEGAL_PAGES = [
  { kind: 'imprint', path: '/impressum', label: 'common:footer.imprint' },
  { kind: 'privacy', path: '/datenschutz', label: 'common:footer.privacy' },
  { kind: 'accessibility', path: '/barrierefreiheit', label: 'common:footer.accessibility' },
] as const;
export type LegalKind = (typeof LEGAL_PAGES)[number]['kind'];

function LegalLink({ city, page }: { city: City | undefined; page: (typeof LEGAL_PAGES)[number] }) {
  const { t } = useTranslation();
  const url = city?.legal[page.kind].url;
  if (url) {
    return (
      <a className="kern-link" href={url}>
        {t(page.label)}
      </a>
    );
  }
  return (
    <Link className="kern-link" to={page.path}>
      {t(page.label)}
    </Link>
  );
}

/** Every page's footer: who runs the site and how to reach them, the legal pages, what Lotse is. */
export function Footer() {
  const { t, i18n } = useTranslation();
  const city = useCity().data;
  const contact = city?.contact;
  return (
    <footer className="app-footer">
      <div className="kern-container app-footer__grid">
        {contact ? (
          <section aria-labelledby="footer-contact">
            <h2 className="kern-heading-small" id="footer-contact">
              {t('common:footer.contact')}
            </h2>
            <address className="kern-body kern-body--small app-footer__address">
              <span>{contact.organisation}</span>
              <span>{contact.street}</span>
              <span>
                {contact.postcode} {contact.city}
              </span>
              <span>
                {t('common:footer.phone')}{' '}
                <a className="kern-link" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                  {contact.phone}
                </a>
              </span>
              <span>
                {t('common:footer.email')}{' '}
                <a className="kern-link" href={`mailto:${contact.email}`} translate="no">
                  {contact.email}
                </a>
              </span>
              <span>
                {t('common:footer.hours')} {openingHours(i18n.language, contact.hours)}
              </span>
            </address>
          </section>
        ) : null}
        <nav aria-label={t('common:footer.legal')}>
          <ul className="app-footer__links kern-body kern-body--small">
            {LEGAL_PAGES.map((page) => (
              <li key={page.kind}>
                <LegalLink city={city} page={page} />
              </li>
            ))}
          </ul>
        </nav>
        <p className="kern-body kern-body--small">{t('common:footer.text')}</p>
      </div>
    </footer>
  );
}
