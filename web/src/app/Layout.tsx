import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Footer } from './Footer';
import { LanguageSwitcher } from './LanguageSwitcher';
import { isInAudience, type NavItem } from './modules';
import { useLogout, useSession } from './session';

/** The page frame: skip link, header with title, language and navigation, main content, footer. */
export function Layout({ nav }: { nav: readonly NavItem[] }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const listId = useId();
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page's heading so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every path change on purpose.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  }, [location.pathname]);

  const visible = nav.filter((item) => isInAudience(item.audience, user));

  const onLogout = () => {
    logout.mutate(undefined, { onSuccess: () => navigate('/', { state: { loggedOut: true } }) });
  };

  return (
    <div className="app-shell">
      <a className="app-skip-link kern-link" href="#main">
        {t('common:skipLink')}
      </a>
      <header className="app-header">
        <div className="kern-container app-header__bar">
          <Link to="/" className="app-header__title">
            <span className="kern-heading-medium">{t('common:app.title')}</span>
            <span className="kern-body kern-body--small app-header__tagline">{t('common:app.tagline')}</span>
          </Link>
          <LanguageSwitcher />
        </div>
        <nav className="app-nav" aria-label={t('common:nav.label')}>
          <div className="kern-container">
            <button
              type="button"
              className="kern-btn kern-btn--tertiary app-nav__toggle"
              aria-expanded={menuOpen}
              aria-controls={listId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="kern-icon kern-icon--dehaze" aria-hidden="true" />
              <span className="kern-label">{t('common:nav.menu')}</span>
            </button>
            <ul id={listId} className="app-nav__list" data-open={menuOpen}>
              {visible.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'} className="app-nav__link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
              {user ? (
                <li>
                  <button
                    type="button"
                    className="app-nav__link"
                    onClick={onLogout}
                    disabled={logout.isPending}
                  >
                    <span className="kern-icon kern-icon--logout kern-icon--small" aria-hidden="true" />
                    {t('common:nav.logout')}
                  </button>
                </li>
              ) : null}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <div className="kern-container">
          <Outlet />
        </div>
      </main>
      <Footer />
    </div>
  );
}
